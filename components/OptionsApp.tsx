import { useEffect, useState } from 'preact/hooks';
import type { GlossaryEntry } from '@/content/types';
import type { StoredSettings } from '@/extension/settings';
import type { HighlightPreferences, Settings } from '@/utils/preferences';
import { noticeAfterFailure, noticeAfterSave, type SaveNotice } from '@/utils/save-messages';
import { CardOpening } from './CardOpening';
import { HelpLineSettings } from './HelpLineSettings';
import { HiddenTermList } from './HiddenTermList';
import { HighlightLook } from './HighlightLook';
import { ModeChoice } from './ModeChoice';
import { ResearchLogSection, type ResearchLogServices } from './ResearchLogSection';
import { RuleList } from './RuleList';
import { SaveNoticeView } from './SaveNoticeView';
import { SettingsTransfer } from './SettingsTransfer';
import './options.css';

/** What the options page needs from the browser, passed in so the UI can be tested without one. */
export interface OptionsServices {
  load(): Promise<StoredSettings>;
  /** Reports every later change, from any tab or machine; returns the way to stop. */
  watch(onChange: (stored: StoredSettings) => void): () => void;
  /** Applies `change` to the stored settings and saves; rejects when nothing could be saved. */
  update(change: (current: Settings) => Settings): Promise<StoredSettings>;
  download(fileName: string, text: string): void;
  /** The key the browser has set for turning the current site on or off; empty when none. */
  siteShortcut(): Promise<string>;
  /** The address of the first-run page, linked from the top of the page. */
  firstRunPage: string;
  /** The browser's UI language ('en-US'), for the help line's country; absent, no country is known. */
  uiLanguage?(): string;
}

export interface OptionsAppProps {
  services: OptionsServices;
  /** Names the hidden terms. */
  glossary: readonly GlossaryEntry[];
  /** The research log's own settings (on this device only); its section is left out without them. */
  researchLog?: ResearchLogServices;
}

export function OptionsApp({ services, glossary, researchLog }: OptionsAppProps) {
  const [stored, setStored] = useState<StoredSettings | null>(null);
  const [notice, setNotice] = useState<SaveNotice | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);

  useEffect(() => {
    void services.load().then(setStored);
    void services.siteShortcut().then(setShortcut, () => setShortcut(''));
    return services.watch(setStored);
  }, [services]);

  if (stored === null) return <main class="options muted">Loading settings…</main>;
  const { settings, rulesIn } = stored;

  const update = async (change: (current: Settings) => Settings) => {
    try {
      const saved = await services.update(change);
      setStored(saved);
      setNotice(noticeAfterSave(saved.syncRefused));
    } catch (error) {
      // The re-render this causes puts every control back to the stored settings, which did not change.
      setNotice(noticeAfterFailure(error));
      throw error;
    }
  };
  const quietly = (change: (current: Settings) => Settings) => void update(change).catch(() => {});

  const change = (preferences: Partial<HighlightPreferences>) => quietly((current) => ({ ...current, ...preferences }));

  return (
    <main class="options">
      <h1>Mental Health Explainer settings</h1>
      <p class="muted">
        New here? <a href={services.firstRunPage}>The welcome page</a> shows what the extension does and lets you try a
        card.
      </p>
      <SaveNoticeView notice={notice} />

      <section aria-labelledby="mode-title">
        <h2 id="mode-title">Where terms are highlighted</h2>
        <ModeChoice mode={settings.mode} onChange={(mode) => quietly((current) => ({ ...current, mode }))} />
        <p class="muted">Site rules below override the mode; the most specific rule for a page wins.</p>
      </section>

      <section aria-labelledby="look-title">
        <h2 id="look-title">How highlights look</h2>
        <HighlightLook preferences={settings} onChange={change} />
      </section>

      <section aria-labelledby="cards-title">
        <h2 id="cards-title">Cards</h2>
        <CardOpening preferences={settings} onChange={change} />
        <p class="muted shortcut">
          {shortcut
            ? `${shortcut} turns highlighting on or off for the current site; `
            : 'A keyboard shortcut for turning highlighting on or off for the current site can be set; '}
          change it in your browser's extension shortcut settings. Right-clicking a page offers the same, and so does a
          card's "Not on this site".
        </p>
      </section>

      <section aria-labelledby="hidden-title">
        <h2 id="hidden-title">Hidden terms</h2>
        <HiddenTermList
          hidden={settings.hiddenTerms}
          glossary={glossary}
          onShowAgain={(termId) =>
            quietly((current) => ({ ...current, hiddenTerms: current.hiddenTerms.filter((id) => id !== termId) }))
          }
        />
      </section>

      <HelpLineSettings settings={settings} uiLanguage={services.uiLanguage?.() ?? ''} onChange={quietly} />

      <section aria-labelledby="rules-title">
        <h2 id="rules-title">Site rules</h2>
        <p class="muted storage-place">
          {rulesIn === 'sync'
            ? 'Saved in your browser account: they follow you to other computers where you are signed in.'
            : 'Saved on this computer only: sync could not take them when they were last saved.'}
        </p>
        <RuleList
          rules={settings.rules}
          onChange={(change) =>
            update((current) => ({ ...current, rules: change(current.rules) })).then(
              () => {},
              () => {},
            )
          }
        />
      </section>

      <section aria-labelledby="transfer-title">
        <h2 id="transfer-title">Import and export</h2>
        <SettingsTransfer
          settings={settings}
          onUpdate={async (change) => void (await update(change))}
          download={services.download}
        />
      </section>

      {researchLog && <ResearchLogSection services={researchLog} />}
    </main>
  );
}
