import { useEffect, useState } from 'preact/hooks';
import type { StoredSettings } from '@/extension/settings';
import { HOVER_DELAY_RANGE, isHoverDelay, type Settings } from '@/utils/preferences';
import { MODE_NAMES } from '@/utils/rule-text';
import { noticeAfterFailure, noticeAfterSave, type SaveNotice } from '@/utils/save-messages';
import { HIGHLIGHT_MODES, type HighlightMode } from '@/utils/site-rules';
import { HelpLineSettings } from './HelpLineSettings';
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
  /** The browser's UI language ('en-US'), for the help line's country; absent, no country is known. */
  uiLanguage?(): string;
}

const MODE_HINTS: Readonly<Record<HighlightMode, string>> = {
  'mental-health-pages':
    'Pages that mention several different terms, often enough to be about the subject. A novel that says "depression" twice stays quiet.',
  everywhere: 'Every page with a known term.',
  'chosen-sites': 'Only where a rule below turns highlighting on.',
};

export function OptionsApp({
  services,
  researchLog,
}: {
  services: OptionsServices;
  /** The research log's own settings (on this device only); its section is left out without them. */
  researchLog?: ResearchLogServices;
}) {
  const [stored, setStored] = useState<StoredSettings | null>(null);
  const [notice, setNotice] = useState<SaveNotice | null>(null);
  const [delayText, setDelayText] = useState<string | null>(null);
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

  const commitDelay = () => {
    if (delayText === null) return;
    const value = Number(delayText);
    setDelayText(null);
    if (isHoverDelay(value)) quietly((current) => ({ ...current, hoverDelayMs: value }));
  };

  return (
    <main class="options">
      <h1>Mental Health Explainer settings</h1>
      <SaveNoticeView notice={notice} />

      <section aria-labelledby="mode-title">
        <h2 id="mode-title">Where terms are highlighted</h2>
        <fieldset class="modes">
          <legend class="visually-hidden">Global mode</legend>
          {HIGHLIGHT_MODES.map((mode) => (
            <label key={mode} class="mode">
              <input
                type="radio"
                name="mode"
                value={mode}
                checked={settings.mode === mode}
                onChange={() => quietly((current) => ({ ...current, mode }))}
              />
              <span>
                <strong>{MODE_NAMES[mode]}</strong>
                <span class="muted">{MODE_HINTS[mode]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p class="muted">Site rules below override the mode; the most specific rule for a page wins.</p>
      </section>

      <section aria-labelledby="reading-title">
        <h2 id="reading-title">Reading</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.highlightDensity === 'first-on-page'}
            onChange={(event) => {
              const highlightDensity = event.currentTarget.checked ? 'first-on-page' : 'every';
              quietly((current) => ({ ...current, highlightDensity }));
            }}
          />
          Highlight each term only where it first appears on a page
        </label>
        <p class="delay">
          <label for="hover-delay">Open a card after resting on a term for</label>{' '}
          <input
            id="hover-delay"
            type="number"
            min={HOVER_DELAY_RANGE.min}
            max={HOVER_DELAY_RANGE.max}
            step={HOVER_DELAY_RANGE.step}
            value={delayText ?? String(settings.hoverDelayMs)}
            onInput={(event) => setDelayText(event.currentTarget.value)}
            onChange={commitDelay}
            onBlur={commitDelay}
          />{' '}
          ms
        </p>
        <p class="muted shortcut">
          {shortcut
            ? `${shortcut} turns highlighting on or off for the current site; `
            : 'A keyboard shortcut for turning highlighting on or off for the current site can be set; '}
          change it in your browser's extension shortcut settings. Right-clicking a page offers the same.
        </p>
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
