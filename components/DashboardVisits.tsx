import { useMemo, useState } from 'preact/hooks';
import { type VisitColumn, type VisitOrder, visitRows } from '@/utils/research-log-summary';
import type { VisitRecord } from '@/utils/research-log-visits';

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

/** The logged pages of the period: filtered, sorted by a column header, a page at a time. */
export function DashboardVisits({
  visits,
  termName,
}: {
  visits: readonly VisitRecord[];
  termName: (id: string) => string;
}) {
  const [filter, setFilter] = useState('');
  const [order, setOrder] = useState<VisitOrder>({ column: 'time', descending: true });
  const [page, setPage] = useState(0);
  const rows = useMemo(() => visitRows(visits, filter, order, termName), [visits, filter, order, termName]);
  const pages = Math.max(1, Math.ceil(rows.length / VISITS_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * VISITS_PAGE_SIZE, (current + 1) * VISITS_PAGE_SIZE);
  const hasPlace = visits.some((visit) => visit.path !== undefined || visit.title !== undefined);

  const header = (column: VisitColumn) => {
    const active = order.column === column;
    return (
      <th
        scope="col"
        class={column === 'total' ? 'number' : undefined}
        aria-sort={active ? (order.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          class="sort"
          onClick={() => {
            setOrder({ column, descending: active ? !order.descending : column !== 'site' });
            setPage(0);
          }}
        >
          {COLUMN_NAMES[column]}
          <span aria-hidden="true">{active ? (order.descending ? ' ▼' : ' ▲') : ''}</span>
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
        {rows.length === 0
          ? 'No logged page matches.'
          : `Pages ${(current * VISITS_PAGE_SIZE + 1).toLocaleString()}–${(current * VISITS_PAGE_SIZE + shown.length).toLocaleString()} of ${rows.length.toLocaleString()}`}
      </p>
      <div class="table-scroll">
        <table class="data-table visits-table">
          <caption class="visually-hidden">Logged pages, sortable by the column headers</caption>
          <thead>
            <tr>
              {header('time')}
              {header('site')}
              {hasPlace && <th scope="col">Page</th>}
              <th scope="col">Terms</th>
              {header('total')}
            </tr>
          </thead>
          <tbody>
            {shown.map((visit) => (
              <tr key={visit.id ?? visit.key}>
                <td class="nowrap">{visitTime(visit.startedAt)}</td>
                <td class="site-name">{visit.site}</td>
                {hasPlace && (
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
