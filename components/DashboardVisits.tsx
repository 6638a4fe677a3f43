import { useEffect, useState } from 'preact/hooks';
import {
  NEWEST_FIRST,
  type VisitColumn,
  type VisitOrder,
  type VisitPage,
  type VisitQuery,
} from '@/utils/research-log-summary';

/** Rows a page of the table shows: 100,000 visits are paged, never all in the DOM. */
export const VISITS_PAGE_SIZE = 50;

const COLUMN_NAMES: Readonly<Record<VisitColumn, string>> = { time: 'When', site: 'Site', total: 'Occurrences' };

export const visitTime = (time: number) =>
  new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "SSRI 3, Anxiety 1": a visit's terms, most first. */
export function visitTerms(terms: Readonly<Record<string, number>>, termName: (id: string) => string): string {
  return Object.entries(terms)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([id, count]) => `${termName(id)} ${count.toLocaleString()}`)
    .join(', ');
}

export interface VisitTableServices {
  /** A page of the table: in time order a page is read at a time; another order or a filter reads the whole period off the page's thread. */
  loadVisitPage(query: VisitQuery): Promise<VisitPage>;
}

const sameOrder = (a: VisitOrder, b: VisitOrder) => a.column === b.column && a.descending === b.descending;

/**
 * The logged pages of the period: filtered, sorted by a column header, a page at a time. The first
 * page, newest first, comes with the dashboard; any other is asked for, and the rows shown stay
 * until it comes (the headers say the order of the rows shown).
 */
export function DashboardVisits({
  period,
  firstPage,
  withPlace,
  termName,
  services,
}: {
  /** The period's first day, and which reading of the log the dashboard shows. */
  period: { firstDay: string; snapshot: number };
  firstPage: VisitPage;
  /** Whether any visit of the period was kept with a path or title: the table then has a page column. */
  withPlace: boolean;
  termName: (id: string) => string;
  services: VisitTableServices;
}) {
  const [filter, setFilter] = useState('');
  const [order, setOrder] = useState<VisitOrder>(NEWEST_FIRST);
  const [page, setPage] = useState(0);
  const [shown, setShown] = useState<VisitPage>(firstPage);
  const [waiting, setWaiting] = useState(false);
  const [failed, setFailed] = useState(false);
  const { firstDay, snapshot } = period;

  useEffect(() => {
    setFailed(false);
    if (filter.trim() === '' && sameOrder(order, NEWEST_FIRST) && page === 0) {
      setShown(firstPage);
      setWaiting(false);
      return;
    }
    let current = true;
    setWaiting(true);
    services.loadVisitPage({ firstDay, snapshot, filter, order, page, pageSize: VISITS_PAGE_SIZE }).then(
      (next) => {
        if (!current) return;
        setShown(next);
        setWaiting(false);
      },
      () => {
        if (!current) return;
        setWaiting(false);
        setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [services, firstDay, snapshot, firstPage, filter, order, page]);

  const pages = Math.max(1, Math.ceil(shown.count / VISITS_PAGE_SIZE));
  const current = shown.page;
  const rows = shown.rows;

  const header = (column: VisitColumn) => {
    const active = shown.order.column === column;
    const asked = order.column === column;
    return (
      <th
        scope="col"
        class={column === 'total' ? 'number' : undefined}
        aria-sort={active ? (shown.order.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          class="sort"
          onClick={() => {
            setOrder({ column, descending: asked ? !order.descending : column !== 'site' });
            setPage(0);
          }}
        >
          {COLUMN_NAMES[column]}
          <span aria-hidden="true">{active ? (shown.order.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <div class="visits">
      <p class="visits-tools">
        <label for="visits-filter">Filter by site, page or term</label>{' '}
        <input
          id="visits-filter"
          type="search"
          value={filter}
          autocomplete="off"
          onInput={(event) => {
            setFilter(event.currentTarget.value);
            setPage(0);
          }}
        />
      </p>
      <p class="muted" role="status">
        {failed
          ? 'The logged pages could not be read. Try again.'
          : waiting
            ? 'Reading the logged pages…'
            : shown.count === 0
              ? 'No logged page matches.'
              : `Pages ${(current * VISITS_PAGE_SIZE + 1).toLocaleString()}–${(current * VISITS_PAGE_SIZE + rows.length).toLocaleString()} of ${shown.count.toLocaleString()}`}
      </p>
      <div class="table-scroll">
        <table class="data-table visits-table" aria-busy={waiting ? 'true' : undefined}>
          <caption class="visually-hidden">Logged pages, sortable by the column headers</caption>
          <thead>
            <tr>
              {header('time')}
              {header('site')}
              {withPlace && <th scope="col">Page</th>}
              <th scope="col">Terms</th>
              {header('total')}
            </tr>
          </thead>
          <tbody>
            {rows.map((visit) => (
              <tr key={visit.id ?? visit.key}>
                <td class="nowrap">{visitTime(visit.startedAt)}</td>
                <td class="site-name">{visit.site}</td>
                {withPlace && (
                  <td class="page-place">
                    {visit.title && <span class="page-title">{visit.title}</span>}
                    {visit.path && <code>{visit.path}</code>}
                  </td>
                )}
                <td>
                  {visitTerms(visit.terms, termName)}
                  {!visit.highlighted && <span class="badge">not highlighted</span>}
                </td>
                <td class="number">{visit.total.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav class="pager" aria-label="Pages of the table">
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous
          </button>
          <span>
            Page {current + 1} of {pages}
          </span>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            Next
          </button>
        </nav>
      )}
    </div>
  );
}
