import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '@/utils/preferences';
import { noticeAfterFailure, noticeAfterSave, type SaveNotice } from '@/utils/save-messages';
import type { HighlightMode } from '@/utils/site-rules';
import { SITE_SWITCH_TITLE } from '@/utils/site-switch-command';
import type { StorageFailure } from '@/utils/storage-failure';
import { MedicalNote } from './MedicalNote';
import { ModeChoice } from './ModeChoice';
import { SaveNoticeView } from './SaveNoticeView';
import './welcome.css';

/** A paragraph of the series, word for word, with where it comes from. */
export interface SampleParagraph {
  text: string;
  /** "Part I, Beyond Daily Medication". */
  source: string;
}

/** The highlights and cards of the sample paragraph, run by the page's own engine on this page. */
export interface SampleExplainer {
  /** The terms highlighted in the paragraph, in order, each once: id and name. */
  terms(): { id: string; term: string }[];
  /** Opens a term's card as the keyboard does; false when it is not in the paragraph. */
  showTerm(termId: string): boolean;
  stop(): void;
}

/** What the first-run page needs from the browser, passed in so the UI can be tested without one. */
export interface WelcomeServices {
  loadSettings(): Promise<Settings>;
  watchSettings(onChange: (settings: Settings) => void): () => void;
  /** Saves the mode; resolves with why sync refused it when kept on this device only, rejects when not kept. */
  setMode(mode: HighlightMode): Promise<StorageFailure | undefined>;
  /** Highlights the terms in `paragraph` and opens their cards there (the content script does not run on extension pages). */
  explainSample(paragraph: HTMLElement, onReady: () => void): SampleExplainer;
  /** The key set for turning the current site on or off; empty when none. */
  siteShortcut(): Promise<string>;
  optionsPage: string;
}

export interface WelcomeAppProps {
  services: WelcomeServices;
  sample: SampleParagraph;
}

/**
 * The page opened once after install: what the extension does, a paragraph to try cards on, where to
 * highlight (the mode, the default chosen), what stays on this device, and how to turn it off on a site.
 */
export function WelcomeApp({ services, sample }: WelcomeAppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<SaveNotice | null>(null);
  const [shortcut, setShortcut] = useState('');
  const [terms, setTerms] = useState<{ id: string; term: string }[]>([]);
  const paragraph = useRef<HTMLParagraphElement>(null);
  const explainer = useRef<SampleExplainer | null>(null);

  useEffect(() => {
    void services.loadSettings().then(setSettings);
    void services.siteShortcut().then(setShortcut, () => setShortcut(''));
    return services.watchSettings(setSettings);
  }, [services]);

  useEffect(() => {
    if (!paragraph.current) return;
    const running = services.explainSample(paragraph.current, () => setTerms(running.terms()));
    explainer.current = running;
    return () => running.stop();
  }, [services]);

  const trigger = settings?.cardTrigger ?? 'hover';
  const how =
    trigger === 'click'
      ? 'Click a highlighted term to open its card'
      : trigger === 'hover-with-key'
        ? `Rest the pointer on a highlighted term while holding ${settings?.cardTriggerKey ?? 'Alt'} to open its card`
        : 'Rest the pointer on a highlighted term to open its card';

  return (
    <main class="welcome">
      <h1>Welcome to Mental Health Explainer</h1>
      <p class="lead">
        When a page you read mentions a mental-health term, such as <em>SSRI</em>, <em>ketamine</em> or{' '}
        <em>serotonin</em>, the extension highlights it. Open the term and a small card says what the article series
        that comes with the extension says about it, cites the part and section, and offers to read on.
      </p>
      <MedicalNote />

      <section aria-labelledby="try-title">
        <h2 id="try-title">Try it</h2>
        <p>
          {how} (on a touch screen, tap it). Your settings change how highlights look and how cards open, and this
          paragraph follows them.
        </p>
        <figure class="sample">
          <blockquote>
            <p class="sample-text" ref={paragraph}>
              {sample.text}
            </p>
          </blockquote>
          <figcaption class="muted">From the series: {sample.source}</figcaption>
        </figure>
        {terms.length > 0 && (
          <div class="sample-terms">
            <span id="sample-terms-title">Or with the keyboard, open the card of:</span>
            <ul aria-labelledby="sample-terms-title">
              {terms.map((term) => (
                <li key={term.id}>
                  <button type="button" class="sample-term" onClick={() => explainer.current?.showTerm(term.id)}>
                    {term.term}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section aria-labelledby="where-title">
        <h2 id="where-title">Where should terms be highlighted?</h2>
        {settings === null ? (
          <p class="muted">Loading settings…</p>
        ) : (
          <ModeChoice
            mode={settings.mode}
            markDefault
            onChange={(mode) =>
              void services.setMode(mode).then(
                (syncRefused) => setNotice(noticeAfterSave(syncRefused)),
                (error: unknown) => {
                  setNotice(noticeAfterFailure(error));
                  void services.loadSettings().then(setSettings);
                },
              )
            }
          />
        )}
        <SaveNoticeView notice={notice} />
        <p class="muted">You can change this at any time in the settings, and make rules for single sites there.</p>
      </section>

      <section aria-labelledby="device-title">
        <h2 id="device-title">What stays on this device</h2>
        <ul>
          <li>
            The text of the pages you read is looked at inside the tab, to find terms, and never leaves it. The
            extension makes no network requests at all.
          </li>
          <li>
            The article series and every explanation come with the extension: nothing is looked up on the internet.
          </li>
          <li>
            Your settings (where to highlight, how highlights look, your site rules and hidden terms) are kept in your
            browser's storage for extensions. If you use your browser's own sync, your browser carries them to your
            other devices; the extension itself sends nothing.
          </li>
        </ul>
      </section>

      <section aria-labelledby="off-title">
        <h2 id="off-title">Turning it off on a site</h2>
        <ul>
          <li>
            Choose <strong>Not on this site</strong> in any card: highlights go at once from every tab of that site,
            with a moment to undo.
          </li>
          <li>
            Or open the extension's toolbar button and switch off <strong>Highlight terms on …</strong>.
          </li>
          <li>
            Or right-click the page and choose <strong>{SITE_SWITCH_TITLE}</strong>
            {shortcut ? (
              <>
                , or press <kbd>{shortcut}</kbd>
              </>
            ) : null}
            .
          </li>
        </ul>
        <p>
          <a href={services.optionsPage}>All settings</a>
        </p>
      </section>
    </main>
  );
}
