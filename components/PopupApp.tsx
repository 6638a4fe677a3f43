import { useEffect, useMemo, useState } from 'preact/hooks';
import type { GlossaryEntry, Part } from '@/content/types';
import type { PageState } from '@/extension/messages';
import { createSeriesSearch } from '@/utils/series-search';
import { MedicalNote } from './MedicalNote';
import { SearchPanel } from './SearchPanel';
import { SeriesReader } from './SeriesReader';
import { SiteSwitch } from './SiteSwitch';
import { useScrollToAnchor } from './useScrollToAnchor';

/** What the popup needs from the browser, passed in so the UI can be tested without one. */
export interface PopupServices {
  /** null when the tab has no explainer (browser pages, the store, a page still loading). */
  loadPageState(): Promise<PageState | null>;
  setSiteEnabled(site: string, enabled: boolean): Promise<void>;
  openReader(anchor: string): void;
}

export interface PopupAppProps {
  parts: readonly Part[];
  glossary: readonly GlossaryEntry[];
  services: PopupServices;
}

const UNAVAILABLE: PageState = { site: null, enabled: false, termCounts: {} };

export function PopupApp({ parts, glossary, services }: PopupAppProps) {
  const [page, setPage] = useState<PageState | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const search = useMemo(() => createSeriesSearch(parts, glossary), [parts, glossary]);
  useScrollToAnchor(target);

  useEffect(() => {
    services.loadPageState().then(
      (state) => setPage(state ?? UNAVAILABLE),
      () => setPage(UNAVAILABLE),
    );
  }, [services]);

  const toggle = async (site: string, enabled: boolean) => {
    setPage((current) => (current ? { ...current, enabled } : current));
    await services.setSiteEnabled(site, enabled);
  };

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Mental Health Explainer</h1>
        <SiteSwitch page={page} onToggle={(site, enabled) => void toggle(site, enabled)} />
      </header>
      <SearchPanel search={search} onSelect={setTarget} />
      <div class="reader-links">
        <button type="button" class="link" onClick={() => services.openReader(target ?? '')}>
          Open the series in a tab
        </button>
      </div>
      <SeriesReader parts={parts} targetAnchor={target} />
      <footer>
        <MedicalNote />
      </footer>
    </main>
  );
}
