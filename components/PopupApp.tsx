import { useEffect, useMemo, useState } from 'preact/hooks';
import type { GlossaryEntry, Part } from '@/content/types';
import type { PageState } from '@/extension/messages';
import type { HighlightPreferences, Settings } from '@/utils/preferences';
import { noticeAfterFailure, noticeAfterSave, type SaveNotice } from '@/utils/save-messages';
import { createSeriesSearch } from '@/utils/series-search';
import type { PageAddress } from '@/utils/site-rules';
import type { ScopeChoice } from '@/utils/site-switch-rules';
import type { StorageFailure } from '@/utils/storage-failure';
import { HelpNow } from './HelpNow';
import { HighlightStyleChoice } from './HighlightStyleChoice';
import { MedicalNote } from './MedicalNote';
import { PageTerms } from './PageTerms';
import { SaveNoticeView } from './SaveNoticeView';
import { SearchPanel } from './SearchPanel';
import { SeriesReader } from './SeriesReader';
import { SiteSwitch } from './SiteSwitch';
import { useScrollToAnchor } from './useScrollToAnchor';

/** What the popup needs from the browser, passed in so the UI can be tested without one. */
export interface PopupServices {
  /** null when the tab has no explainer (browser pages, the store, a page still loading). */
  loadPageState(): Promise<PageState | null>;
  /** The settings now; then `watchSettings` reports each change (it returns the way to stop). */
  loadSettings(): Promise<Settings>;
  watchSettings(onChange: (settings: Settings) => void): () => void;
  /**
   * Turns highlighting on or off for `choice` (the site, host or path) on the page at `address`.
   * Resolves with why sync refused the change when it was kept on this device only; rejects when it
   * was not kept at all.
   */
  switchSite(address: PageAddress, choice: ScopeChoice, enabled: boolean): Promise<StorageFailure | undefined>;
  /** Saves preferences (the quick choice of highlight style), answering as `switchSite` does. */
  updatePreferences(change: Partial<HighlightPreferences>): Promise<StorageFailure | undefined>;
  openOptions(): void;
  openReader(anchor: string): void;
  /** Scrolls the page to a term's first occurrence and opens its card; false when the term is gone. */
  showTerm(termId: string): Promise<boolean>;
  /** The browser's UI language ('en-US'), for the help line's country; absent, no country is known. */
  uiLanguage?(): string;
}

export interface PopupAppProps {
  parts: readonly Part[];
  glossary: readonly GlossaryEntry[];
  services: PopupServices;
}

const UNAVAILABLE: PageState = { site: null, path: '/', enabled: false, relevant: null, termCounts: {} };
/** The page's count changes as it loads and changes; the popup asks again this often while open. */
const PAGE_REFRESH_MS = 1000;

export function PopupApp({ parts, glossary, services }: PopupAppProps) {
  const [page, setPage] = useState<PageState | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [notice, setNotice] = useState<SaveNotice | null>(null);
  const search = useMemo(() => createSeriesSearch(parts, glossary), [parts, glossary]);
  useScrollToAnchor(target);

  useEffect(() => {
    const refresh = () =>
      services.loadPageState().then(
        (state) => setPage(state ?? UNAVAILABLE),
        () => setPage(UNAVAILABLE),
      );
    void refresh();
    const timer = setInterval(refresh, PAGE_REFRESH_MS);
    void services.loadSettings().then(setSettings);
    const unwatch = services.watchSettings((next) => {
      setSettings(next);
      void refresh();
    });
    return () => {
      clearInterval(timer);
      unwatch();
    };
  }, [services]);

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Mental Health Explainer</h1>
        <SiteSwitch
          page={page}
          settings={settings}
          onSwitch={(address, choice, enabled) =>
            services.switchSite(address, choice, enabled).then(
              (syncRefused) => setNotice(noticeAfterSave(syncRefused)),
              (error: unknown) => {
                setNotice(noticeAfterFailure(error));
                // The switch goes back to what is stored.
                throw error;
              },
            )
          }
          onOpenOptions={services.openOptions}
        />
        {settings && (
          <HighlightStyleChoice
            compact
            value={settings.highlightStyle}
            onChange={(highlightStyle) =>
              void services.updatePreferences({ highlightStyle }).then(
                (syncRefused) => setNotice(noticeAfterSave(syncRefused)),
                (error: unknown) => {
                  setNotice(noticeAfterFailure(error));
                  // The choice goes back to what is stored.
                  void services.loadSettings().then(setSettings);
                },
              )
            }
          />
        )}
        <SaveNoticeView notice={notice} />
        <HelpNow settings={settings} uiLanguage={services.uiLanguage?.() ?? ''} onOpenOptions={services.openOptions} />
      </header>
      {/* Only under a header that is complete: shown before the settings, the list would move down
          when they fill the header in, under a pointer already on its way to a term. */}
      {page?.enabled && settings && (
        <PageTerms termCounts={page.termCounts} glossary={glossary} onShow={services.showTerm} />
      )}
      <SearchPanel search={search} onSelect={setTarget} />
      <div class="reader-links">
        <button type="button" class="link" onClick={() => services.openReader(target ?? '')}>
          Open the series in a tab
        </button>{' '}
        <a class="link" href="/dashboard.html" target="_blank" rel="noopener">
          Research log
        </a>
      </div>
      <SeriesReader parts={parts} targetAnchor={target} />
      <footer>
        <MedicalNote />
      </footer>
    </main>
  );
}
