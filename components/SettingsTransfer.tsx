import { useState } from 'preact/hooks';
import type { Settings } from '@/utils/preferences';
import { notSavedMessage } from '@/utils/save-messages';
import {
  applySettingsFile,
  type ImportHow,
  parseSettingsFile,
  type SettingsFile,
  serializeSettings,
} from '@/utils/settings-file';

export const EXPORT_FILE_NAME = 'mental-health-explainer-settings.json';

export interface SettingsTransferProps {
  /** The settings as stored now, for export. */
  settings: Settings;
  /** Saves the settings `change` makes from the stored ones; rejects when nothing could be saved. */
  onUpdate: (change: (current: Settings) => Settings) => Promise<void>;
  download: (fileName: string, text: string) => void;
}

type Outcome = { kind: 'error' | 'done'; text: string } | null;

function countRules(count: number): string {
  return `${count.toLocaleString('en')} ${count === 1 ? 'rule' : 'rules'}`;
}

/** Export all settings as JSON; import a file, checked before anything changes, merged or replacing. */
export function SettingsTransfer({ settings, onUpdate, download }: SettingsTransferProps) {
  const [file, setFile] = useState<File | null>(null);
  const [how, setHow] = useState<ImportHow>('merge');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const importFile = async (event: Event) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    try {
      const parsed = parseSettingsFile(await file.text());
      if (!parsed.ok) {
        setOutcome({ kind: 'error', text: `Nothing was changed. ${parsed.error}` });
        return;
      }
      const imported: SettingsFile = parsed.file;
      let total = 0;
      await onUpdate((current) => {
        const next = applySettingsFile(current, imported, how);
        total = next.rules.length;
        return next;
      });
      setOutcome({
        kind: 'done',
        text:
          how === 'merge'
            ? `Merged ${countRules(imported.rules.length)} from ${file.name}: you now have ${countRules(total)}.`
            : `Replaced your settings with ${file.name}: ${countRules(total)}.`,
      });
    } catch (error) {
      setOutcome({ kind: 'error', text: notSavedMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="transfer">
      <p>
        <button type="button" onClick={() => download(EXPORT_FILE_NAME, serializeSettings(settings))}>
          Export settings
        </button>{' '}
        <span class="muted">The mode, reading preferences and every rule, as a JSON file.</span>
      </p>
      <form class="import" onSubmit={(event) => void importFile(event)}>
        <label for="import-file">Settings file to import</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
        <fieldset>
          <legend>When importing</legend>
          <label>
            <input type="radio" name="import-how" checked={how === 'merge'} onChange={() => setHow('merge')} />
            Merge: add the file's rules to mine (the file's rule wins for the same site); keep my mode and preferences
          </label>
          <label>
            <input type="radio" name="import-how" checked={how === 'replace'} onChange={() => setHow('replace')} />
            Replace: my mode, preferences and rules become the file's
          </label>
        </fieldset>
        <button type="submit" disabled={!file || busy}>
          Import
        </button>
      </form>
      {outcome && (
        <p
          class={outcome.kind === 'error' ? 'form-error' : 'form-done'}
          role={outcome.kind === 'error' ? 'alert' : 'status'}
        >
          {outcome.text}
        </p>
      )}
    </div>
  );
}
