import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp, type DashboardServices } from '@/components/DashboardApp';
import { VISITS_PAGE_SIZE } from '@/components/DashboardVisits';
import { dayTotalsOf, localDay } from '@/utils/research-log-days';
import { buildExport, exportBlob } from '@/utils/research-log-export';
import {
  DEFAULT_LOG_SETTINGS,
  EMPTY_LOG_STATUS,
  type LogSettings,
  type LogStatus,
} from '@/utils/research-log-settings';
import { pageWithin, type VisitPage, type VisitQuery, visitRows } from '@/utils/research-log-summary';
import type { StoredVisit } from '@/utils/research-log-visits';

// happy-dom has no canvas: the charts stand in as their labels; their tables are the components' own.
vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    data: unknown;
    options: unknown;
    constructor(_canvas: unknown, config: { data: unknown; options: unknown }) {
      this.data = config.data;
      this.options = config.options;
    }
    update() {}
    destroy() {}
  }
  return {
    Chart,
    BarController: {},
    BarElement: {},
    CategoryScale: {},
    LinearScale: {},
    LineController: {},
    LineElement: {},
    PointElement: {},
    Tooltip: {},
  };
});

const NOW = new Date(2026, 11, 5, 15).getTime();
const HOUR = 60 * 60 * 1000;
const TERM_NAMES = { ssri: 'SSRI', ketamine: 'Ketamine', anxiety: 'Anxiety' };

const visit = (
  hoursAgo: number,
  site: string,
  terms: Record<string, number>,
  change: Partial<StoredVisit> = {},
): StoredVisit => ({
  id: hoursAgo,
  key: `${site}:${hoursAgo}`,
  startedAt: NOW - hoursAgo * HOUR,
  day: localDay(NOW - hoursAgo * HOUR),
  updatedAt: NOW - hoursAgo * HOUR,
  site,
  highlighted: true,
  terms,
  total: Object.values(terms).reduce((a, b) => a + b, 0),
  ...change,
});

/**
 * The dashboard's services over visits in memory, answering as the database and the worker do:
 * day totals, pages of visitRows, the first visits, the export file.
 */
function servicesWith(
  visits: StoredVisit[],
  {
    settings = { ...DEFAULT_LOG_SETTINGS, enabled: true, enabledAt: 1 } as LogSettings,
    status = EMPTY_LOG_STATUS as LogStatus,
  } = {},
) {
  let kept = [...visits];
  const period = (firstDay: string) => kept.filter((v) => v.day >= firstDay).sort((a, b) => a.startedAt - b.startedAt);
  const services = {
    loadDays: vi.fn(async (firstDay: string) => dayTotalsOf(period(firstDay))),
    loadVisitPage: vi.fn(async (query: VisitQuery): Promise<VisitPage> => {
      const rows = visitRows(period(query.firstDay), query.filter, query.order, (id) => TERM_NAMES[id as 'ssri'] ?? id);
      const page = pageWithin(query.page, rows.length, query.pageSize);
      const shown = rows.slice(page * query.pageSize, (page + 1) * query.pageSize);
      return { rows: shown, count: rows.length, page, order: query.order };
    }),
    previewVisits: async (firstDay: string, dropped: ReadonlySet<string>, count: number) =>
      period(firstDay)
        .filter((v) => !dropped.has(v.site))
        .slice(0, count),
    exportFile: vi.fn(
      async (request: Parameters<DashboardServices['exportFile']>[0], onProgress: (done: number) => void) =>
        exportBlob(
          request.format,
          buildExport(request.format, period(request.firstDay), request.choices, request.now, onProgress),
        ),
    ),
    hasEntries: async () => kept.length > 0,
    loadSettings: async () => settings,
    loadStatus: async () => status,
    dismissStatus: vi.fn(async () => {}),
    erase: vi.fn(async (site: string | null) => {
      kept = site === null ? [] : kept.filter((v) => v.site !== site);
    }),
    save: vi.fn(),
    now: () => NOW,
    optionsUrl: 'chrome-extension://id/options.html',
    onReady: vi.fn(),
  } satisfies DashboardServices;
  return services;
}

const logged = [
  visit(1, 'a.org', { ssri: 3, ketamine: 1 }),
  visit(5, 'b.org', { anxiety: 2 }, { path: '/forum', highlighted: false }),
  visit(30, 'a.org', { ssri: 1 }),
  visit(24 * 40, 'old.org', { ssri: 9 }),
];

const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

describe('DashboardApp', () => {
  afterEach(cleanup);

  it('empty and off: explains how to start, with a link to the settings', async () => {
    const services = servicesWith([], { settings: DEFAULT_LOG_SETTINGS });
    render(<DashboardApp services={services} termNames={TERM_NAMES} />);
    expect(await screen.findByRole('heading', { name: 'Nothing logged yet' })).toBeTruthy();
    expect(screen.getByText(/The research log is off/u)).toBeTruthy();
    expect(screen.getByRole('link', { name: /the extension’s settings/u }).getAttribute('href')).toBe(
      'chrome-extension://id/options.html#research-log-title',
    );
    expect(document.querySelector('main')?.dataset.state).toBe('empty');
    await waitFor(() => expect(services.onReady).toHaveBeenCalledTimes(1));
  });

  it('empty and on: says pages will appear as they are read', async () => {
    render(<DashboardApp services={servicesWith([])} termNames={TERM_NAMES} />);
    expect(await screen.findByText(/The research log is on. Read pages as usual/u)).toBeTruthy();
  });

  it('with data: totals, sites and pages of the last 30 days', async () => {
    const services = servicesWith(logged);
    render(<DashboardApp services={services} termNames={TERM_NAMES} />);
    await screen.findByRole('heading', { name: 'Totals for the last 30 days' });
    const totals = Object.fromEntries(
      [...document.querySelectorAll('.totals div')].map((item) => [
        item.querySelector('dt')?.textContent,
        item.querySelector('dd')?.textContent,
      ]),
    );
    expect(totals).toEqual({ 'Pages visited': '3', Sites: '2', 'Term occurrences': '7', 'Different terms': '3' });
    expect(rows(screen.getByRole('table', { name: /Sites with logged visits/u }))).toEqual([
      ['2', '5', 'Delete a.org…'],
      ['1', '2', 'Delete b.org…'],
    ]);
    const pages = rows(screen.getByRole('table', { name: /Logged pages/u }));
    expect(pages.map((row) => row.slice(1))).toEqual([
      ['a.org', '', 'SSRI 3, Ketamine 1', '4'],
      ['b.org', '/forum', 'Anxiety 2not highlighted', '2'],
      ['a.org', '', 'SSRI 1', '1'],
    ]);
    expect(
      screen.getByRole('img', { name: /Line chart of occurrences per day of SSRI, Anxiety, Ketamine/u }),
    ).toBeTruthy();
    expect(screen.getByRole('img', { name: /Bar chart .* a\.org 5, b\.org 2/u })).toBeTruthy();
    expect(document.querySelector('main')?.dataset.state).toBe('ready');
  });

  it('a longer period reads further back', async () => {
    const services = servicesWith(logged);
    render(<DashboardApp services={services} termNames={TERM_NAMES} />);
    const period = (await screen.findByRole('combobox', { name: 'Period' })) as HTMLSelectElement;
    fireEvent.change(period, { target: { value: 'all' } });
    await screen.findByRole('heading', { name: 'Totals for everything kept' });
    expect(services.loadDays).toHaveBeenLastCalledWith('');
    expect(screen.getByText('old.org', { selector: 'th' })).toBeTruthy();
  });

  it('the first screen reads the period’s day totals and one page of the table, newest first', async () => {
    const services = servicesWith(logged);
    render(<DashboardApp services={services} termNames={TERM_NAMES} />);
    await screen.findByRole('table', { name: /Logged pages/u });
    const firstDay = localDay(new Date(2026, 10, 6).getTime());
    expect(services.loadDays.mock.calls).toEqual([[firstDay]]);
    expect(services.loadVisitPage.mock.calls).toEqual([
      [
        {
          firstDay,
          snapshot: 0,
          filter: '',
          order: { column: 'time', descending: true },
          page: 0,
          pageSize: VISITS_PAGE_SIZE,
        },
      ],
    ]);
    await waitFor(() => expect(services.onReady).toHaveBeenCalledTimes(1));
  });

  it('another order is asked for: the rows shown stay, and the headers name their order, until it comes', async () => {
    const services = servicesWith(logged);
    let answer: (page: VisitPage) => void = () => {};
    render(<DashboardApp services={services} termNames={TERM_NAMES} />);
    const table = await screen.findByRole('table', { name: /Logged pages/u });
    const sites = () => rows(table).map((row) => row[1]);
    const sortOf = (name: RegExp) => within(table).getByRole('columnheader', { name }).getAttribute('aria-sort');
    services.loadVisitPage.mockImplementationOnce(
      (query) =>
        new Promise((resolve) => {
          answer = resolve;
          expect(query.order).toEqual({ column: 'site', descending: false });
        }),
    );
    fireEvent.click(within(table).getByRole('button', { name: /^Site/u }));
    await screen.findByText('Reading the logged pages…');
    expect(table.getAttribute('aria-busy')).toBe('true');
    expect(sites()).toEqual(['a.org', 'b.org', 'a.org']);
    expect(sortOf(/When/u)).toBe('descending');
    answer({
      rows: [logged[0], logged[2], logged[1]] as StoredVisit[],
      count: 3,
      page: 0,
      order: { column: 'site', descending: false },
    });
    await waitFor(() => expect(sortOf(/^Site/u)).toBe('ascending'));
    expect(sortOf(/When/u)).toBe('none');
    expect(sites()).toEqual(['a.org', 'a.org', 'b.org']);
    expect(table.getAttribute('aria-busy')).toBeNull();
  });

  it('a table that cannot be read says so, and keeps what it showed', async () => {
    const services = servicesWith(logged);
    render(<DashboardApp services={services} termNames={TERM_NAMES} />);
    const table = await screen.findByRole('table', { name: /Logged pages/u });
    services.loadVisitPage.mockRejectedValueOnce(new Error('the worker stopped'));
    fireEvent.input(screen.getByRole('searchbox', { name: /Filter by site, page or term/u }), {
      target: { value: 'anx' },
    });
    await screen.findByText('The logged pages could not be read. Try again.');
    expect(rows(table)).toHaveLength(3);
  });

  it('sorts the pages by a column header and filters them', async () => {
    const services = servicesWith(logged);
    render(<DashboardApp services={services} termNames={TERM_NAMES} />);
    const table = await screen.findByRole('table', { name: /Logged pages/u });
    const sites = () => rows(table).map((row) => row[1]);
    const sortOf = (name: RegExp) => within(table).getByRole('columnheader', { name }).getAttribute('aria-sort');
    fireEvent.click(within(table).getByRole('button', { name: /Occurrences/u }));
    await waitFor(() => expect(sortOf(/Occurrences/u)).toBe('descending'));
    expect(sites()).toEqual(['a.org', 'b.org', 'a.org']);
    fireEvent.click(within(table).getByRole('button', { name: /Occurrences/u }));
    await waitFor(() => expect(sortOf(/Occurrences/u)).toBe('ascending'));
    expect(rows(table).map((row) => row[4])).toEqual(['1', '2', '4']);
    fireEvent.click(within(table).getByRole('button', { name: /^Site/u }));
    await waitFor(() => expect(sortOf(/^Site/u)).toBe('ascending'));
    expect(sites()).toEqual(['a.org', 'a.org', 'b.org']);
    fireEvent.input(screen.getByRole('searchbox', { name: /Filter by site, page or term/u }), {
      target: { value: 'anx' },
    });
    await waitFor(() => expect(sites()).toEqual(['b.org']));
    // Back to the first order and no filter: the first page again, without asking.
    fireEvent.input(screen.getByRole('searchbox', { name: /Filter by site, page or term/u }), {
      target: { value: '' },
    });
    const asked = services.loadVisitPage.mock.calls.length;
    fireEvent.click(within(table).getByRole('button', { name: /When/u }));
    await waitFor(() => expect(sortOf(/When/u)).toBe('descending'));
    expect(sites()).toEqual(['a.org', 'b.org', 'a.org']);
    expect(services.loadVisitPage.mock.calls.length).toBe(asked);
  });

  it('pages a long table', async () => {
    const many = Array.from({ length: VISITS_PAGE_SIZE + 5 }, (_, i) => visit(i + 1, `s${i}.org`, { ssri: 1 }));
    render(<DashboardApp services={servicesWith(many)} termNames={TERM_NAMES} />);
    const table = await screen.findByRole('table', { name: /Logged pages/u });
    expect(rows(table)).toHaveLength(VISITS_PAGE_SIZE);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText(`Pages ${VISITS_PAGE_SIZE + 1}–${VISITS_PAGE_SIZE + 5} of ${VISITS_PAGE_SIZE + 5}`);
    expect(rows(table)).toHaveLength(5);
  });

  it('deletes a site after asking once, and everything after asking once', async () => {
    const services = servicesWith(logged);
    render(<DashboardApp services={services} termNames={TERM_NAMES} />);
    await screen.findByRole('table', { name: /Sites with logged visits/u });
    // (happy-dom lays the visually hidden span out as a block: the name gets a space before the "…".)
    fireEvent.click(await screen.findByRole('button', { name: /^Delete b\.org ?…$/u }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete b.org' }));
    await screen.findByText('Every entry of b.org was deleted.');
    expect(services.erase).toHaveBeenCalledWith('b.org');
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Delete b\.org ?…$/u })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(services.erase).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    await screen.findByRole('heading', { name: 'Nothing logged yet' });
    expect(services.erase).toHaveBeenLastCalledWith(null);
  });

  it('a full disk: says so, and the notice can be dismissed', async () => {
    const services = servicesWith(logged, { status: { droppedVisits: 3, fullSince: NOW, failedVisits: 0 } });
    render(<DashboardApp services={services} termNames={TERM_NAMES} />);
    expect((await screen.findByRole('alert')).textContent).toContain('the newest 3 visits could not be saved');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(services.dismissStatus).toHaveBeenCalled());
  });

  it('export: a preview counts what the file holds, drops sites, hashes names with the salt shown, then saves', async () => {
    const services = servicesWith(logged);
    render(<DashboardApp services={services} termNames={TERM_NAMES} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export the last 30 days…' }));
    const status = () => screen.getByText(/The file will hold/u).textContent;
    expect(status()).toBe('The file will hold 3 visits in 4 rows from 2 of 2 sites.');
    const preview = () => document.querySelector('.export-preview pre')?.textContent ?? '';
    await waitFor(() => expect(preview()).toContain('b.org'));
    expect(preview().split('\r\n')[0]).toBe('visit,started_at,site,path,url,title,highlighted,term,count');

    fireEvent.click(screen.getByRole('checkbox', { name: /b\.org/u }));
    expect(status()).toBe('The file will hold 2 visits in 3 rows from 1 of 2 sites.');
    await waitFor(() => expect(preview()).not.toContain('b.org'));
    expect(preview()).toContain('a.org');

    fireEvent.click(screen.getByRole('checkbox', { name: /Replace site names with salted hashes/u }));
    const salt = (screen.getByRole('textbox', { name: 'Salt' }) as HTMLInputElement).value;
    expect(salt).toMatch(/^[0-9a-f]{32}$/u);
    await waitFor(() => expect(preview()).toMatch(/,[0-9a-f]{64},/u));
    expect(preview()).not.toContain('a.org');

    fireEvent.click(screen.getByRole('radio', { name: /JSON/u }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the JSON file' }));
    await waitFor(() => expect(services.save).toHaveBeenCalled(), { timeout: 10_000 });
    await screen.findByText(/research-log-2026-12-05\.json saved: 2 visits\./u, undefined, { timeout: 10_000 });
    const [fileName, blob] = services.save.mock.calls[0] ?? [];
    expect(fileName).toBe('research-log-2026-12-05.json');
    expect((blob as Blob).type).toBe('application/json');
    const file = JSON.parse(await (blob as Blob).text());
    expect(file).toMatchObject({ version: 1, sitesHashed: true, sitesDropped: 1 });
    expect(file.visits.map((v: { site: string }) => v.site)).toEqual([
      expect.stringMatching(/^[0-9a-f]{64}$/u),
      expect.anything(),
    ]);
    expect(new Set(file.visits.map((v: { site: string }) => v.site)).size).toBe(1);
    // The file is asked of the worker for the period shown, with the reader's choices.
    expect(services.exportFile.mock.calls[0]?.[0]).toMatchObject({
      format: 'json',
      firstDay: localDay(new Date(2026, 10, 6).getTime()),
      snapshot: 0,
      choices: { droppedSites: new Set(['b.org']) },
      now: NOW,
    });
  });

  it('export: a file that cannot be made says so, and nothing is saved', async () => {
    const services = servicesWith(logged);
    services.exportFile.mockRejectedValueOnce(new Error('the worker stopped'));
    render(<DashboardApp services={services} termNames={TERM_NAMES} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Export the last 30 days…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the CSV file' }));
    expect((await screen.findByText('The file could not be made. Try again.')).getAttribute('role')).toBe('alert');
    expect(services.save).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Save the CSV file' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
