import { useCallback, useEffect, useState } from 'preact/hooks';
import type { DayTotals } from '@/utils/research-log-days';
import type { LogSettings, LogStatus } from '@/utils/research-log-settings';
import {
  LOG_PERIODS,
  type LogPeriod,
  type LogSummary,
  NEWEST_FIRST,
  periodFirstDay,
  periodStart,
  summarizeDays,
  type VisitPage,
} from '@/utils/research-log-summary';
import { SiteChart, TermTimeChart } from './DashboardCharts';
import { DashboardExport, type ExportServices } from './DashboardExport';
import { DashboardSites } from './DashboardSites';
import { DashboardVisits, VISITS_PAGE_SIZE, type VisitTableServices } from './DashboardVisits';
import { MedicalNote } from './MedicalNote';
import { ResearchLogStatusNotice } from './ResearchLogStatusNotice';
// Only the dashboard's own styles: a second stylesheet shared with the options page would make the
// order of the page's <link>s vary from build to build (tests/build/packages.test.mjs rebuilds it).
import './dashboard.css';

/** What the dashboard needs from the browser, passed in so it can be tested without one. */
export interface DashboardServices extends ExportServices, VisitTableServices {
  /**
   * The totals of each day from `firstDay` on ('' for every day): one record a day, however many
   * visits it had (utils/research-log-days.ts). Looking creates no database.
   */
  loadDays(firstDay: string): Promise<DayTotals[]>;
  /** Whether any entry is kept at all, in any period. */
  hasEntries(): Promise<boolean>;
  loadSettings(): Promise<LogSettings>;
  loadStatus(): Promise<LogStatus>;
  dismissStatus(): Promise<void>;
  /** Deletes a site's entries, or all (null), at once and for good. */
  erase(site: string | null): Promise<void>;
  optionsUrl: string;
  /** Called once, when the dashboard first shows the log (or its empty state). */
  onReady?(): void;
}

export const PERIOD_NAMES: Readonly<Record<string, string>> = {
  7: 'the last 7 days',
  30: 'the last 30 days',
  90: 'the last 90 days',
  365: 'the last 365 days',
  all: 'everything kept',
};

interface Loaded {
  period: LogPeriod;
  /** The period's first day, and which reading of the log this is: what the table and the export read. */
  firstDay: string;
  snapshot: number;
  summary: LogSummary;
  /** The table's first page, newest first. */
  firstPage: VisitPage;
  /** Whether anything is kept in any period (only asked when this period has nothing). */
  anyEntries: boolean;
}

const NO_PAGE: VisitPage = { rows: [], count: 0, page: 0, order: NEWEST_FIRST };

function EmptyState({ settings, optionsUrl }: { settings: LogSettings | null; optionsUrl: string }) {
  return (
    <section class="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">Nothing logged yet</h2>
      {settings?.enabled ? (
        <p>
          The research log is on. Read pages as usual: each page where terms are highlighted appears here, with the
          time, the site and how often each term appeared. It can take a second after a page loads.
        </p>
      ) : (
        <>
          <p>The research log is off, so nothing is recorded. To start:</p>
          <ol>
            <li>
              Open{' '}
              <a href={`${optionsUrl}#research-log-title`} target="_blank" rel="noopener">
                the extension’s settings
              </a>
              , section “Research log”.
            </li>
            <li>Turn on “Keep a research log on this device”, and choose what to record.</li>
            <li>Read pages as usual. Pages where terms are highlighted appear here, with their term counts.</li>
          </ol>
        </>
      )}
      <p class="muted">
        The log stays on this device and holds counts, never the pages’ text. Only you can export it, after a preview.
      </p>
    </section>
  );
}

/** Confirms once, then deletes every entry at once and for good. */
function EraseAll({ onErase, count }: { onErase: () => Promise<void>; count: number }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="danger erase-all" onClick={() => setAsking(true)}>
        Delete everything…
      </button>
    );
  }
  return (
    <p class="confirm">
      <span>
        Delete every entry of the research log ({count.toLocaleString()} in this period, and all others), for good?
      </span>{' '}
      <button
        type="button"
        class="danger erase-all-confirm"
        onClick={() => {
          setAsking(false);
          void onErase();
        }}
      >
        Delete everything
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        Keep
      </button>
    </p>
  );
}

export function DashboardApp({
  services,
  termNames,
}: {
  services: DashboardServices;
  termNames: Readonly<Record<string, string>>;
}) {
  const [period, setPeriod] = useState<LogPeriod>(30);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [settings, setSettings] = useState<LogSettings | null>(null);
  const [status, setStatus] = useState<LogStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const termName = useCallback((id: string) => termNames[id] ?? id, [termNames]);

  // `generation` asks for a fresh read (after a deletion, or on coming back to the tab). The first
  // screen reads the period's day totals and one page of the table, never every visit.
  useEffect(() => {
    let current = true;
    const now = services.now();
    const from = periodStart(now, period);
    const firstDay = periodFirstDay(now, period);
    const snapshot = generation;
    void (async () => {
      const [days, firstPage] = await Promise.all([
        services.loadDays(firstDay).catch(() => []),
        services
          .loadVisitPage({ firstDay, snapshot, filter: '', order: NEWEST_FIRST, page: 0, pageSize: VISITS_PAGE_SIZE })
          .catch(() => NO_PAGE),
      ]);
      const summary = summarizeDays(days, { from, now });
      const anyEntries = summary.visitCount > 0 || (await services.hasEntries().catch(() => false));
      if (current) setLoaded({ period, firstDay, snapshot, summary, firstPage, anyEntries });
    })();
    void services.loadSettings().then((value) => current && setSettings(value));
    void services.loadStatus().then((value) => current && setStatus(value));
    return () => {
      current = false;
    };
  }, [services, period, generation]);

  // Back to the tab: read the log again, as pages read meanwhile may have added to it.
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'visible') setGeneration((value) => value + 1);
    };
    document.addEventListener('visibilitychange', refresh);
    return () => document.removeEventListener('visibilitychange', refresh);
  }, []);

  const summary = loaded?.summary ?? null;
  const state = loaded === null ? 'loading' : loaded.anyEntries ? 'ready' : 'empty';
  useEffect(() => {
    if (state !== 'loading') services.onReady?.();
  }, [state === 'loading']);

  const erase = async (site: string | null) => {
    try {
      await services.erase(site);
      setMessage(site === null ? 'Every entry was deleted.' : `Every entry of ${site} was deleted.`);
    } catch {
      setMessage('The entries could not be deleted. Try again.');
    }
    setGeneration((value) => value + 1);
  };

  const periodName = PERIOD_NAMES[String(period)] ?? '';
  return (
    <main class="dashboard" data-state={state}>
      <header class="dashboard-header">
        <div>
          <h1>Research log</h1>
          <p class="muted">
            Kept on this device only: when and where terms appeared, and how often. Never the pages’ text.
          </p>
        </div>
        <p class="dashboard-links">
          <a href={`${services.optionsUrl}#research-log-title`} target="_blank" rel="noopener">
            Research log settings
          </a>
        </p>
      </header>
      <ResearchLogStatusNotice
        status={status}
        onDismiss={() => void services.dismissStatus().then(() => services.loadStatus().then(setStatus))}
      />
      {message && (
        <p class="form-done" role="status">
          {message}
        </p>
      )}
      {settings && !settings.enabled && state === 'ready' && (
        <p class="form-done">The research log is off: nothing new is recorded. What was kept is below.</p>
      )}
      {state === 'loading' && (
        <p class="muted" role="status">
          Reading the log…
        </p>
      )}
      {state === 'empty' && <EmptyState settings={settings} optionsUrl={services.optionsUrl} />}
      {state === 'ready' && loaded && summary && (
        <>
          <section aria-labelledby="totals-title" class="totals-section">
            <div class="section-head">
              <h2 id="totals-title">Totals for {periodName}</h2>
              <p>
                <label for="period">Period</label>{' '}
                <select
                  id="period"
                  value={String(period)}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setPeriod(LOG_PERIODS.find((choice) => String(choice) === value) ?? 30);
                  }}
                >
                  {LOG_PERIODS.map((choice) => (
                    <option key={String(choice)} value={String(choice)}>
                      {(PERIOD_NAMES[String(choice)] ?? '').replace(/^./u, (first) => first.toUpperCase())}
                    </option>
                  ))}
                </select>
              </p>
            </div>
            <dl class="totals">
              <div>
                <dt>Pages visited</dt>
                <dd>{summary.visitCount.toLocaleString()}</dd>
              </div>
              <div>
                <dt>Sites</dt>
                <dd>{summary.sites.length.toLocaleString()}</dd>
              </div>
              <div>
                <dt>Term occurrences</dt>
                <dd>{summary.occurrences.toLocaleString()}</dd>
              </div>
              <div>
                <dt>Different terms</dt>
                <dd>{summary.terms.length.toLocaleString()}</dd>
              </div>
            </dl>
            {summary.visitCount === 0 && <p>No page was logged in {periodName}: choose a longer period.</p>}
          </section>
          {summary.visitCount > 0 && (
            <>
              <section aria-labelledby="time-title">
                <h2 id="time-title">Terms over time</h2>
                <TermTimeChart timeline={summary.timeline} termName={termName} />
              </section>
              <section aria-labelledby="sites-title">
                <h2 id="sites-title">Sites where terms appear most</h2>
                <SiteChart sites={summary.sites} />
                <DashboardSites sites={summary.sites} onErase={(site) => erase(site)} />
              </section>
              <section aria-labelledby="visits-title">
                <h2 id="visits-title">Logged pages</h2>
                <DashboardVisits
                  period={loaded}
                  firstPage={loaded.firstPage}
                  withPlace={summary.placed > 0}
                  termName={termName}
                  services={services}
                />
              </section>
              <section aria-labelledby="export-title">
                <h2 id="export-title">Export</h2>
                <p class="muted">
                  A CSV or JSON file of {periodName}, made here and saved where you choose. You see its beginning first,
                  and can leave sites out or replace their names with hashes.
                </p>
                <DashboardExport
                  period={loaded}
                  visitCount={summary.visitCount}
                  sites={summary.sites}
                  periodName={periodName}
                  services={services}
                />
              </section>
            </>
          )}
          <section aria-labelledby="delete-title">
            <h2 id="delete-title">Delete</h2>
            <p class="muted">
              Deleting acts at once and for good. A single site’s entries can be deleted in the sites table above.
            </p>
            <EraseAll onErase={() => erase(null)} count={summary.visitCount} />
          </section>
        </>
      )}
      <footer>
        <MedicalNote />
      </footer>
    </main>
  );
}
