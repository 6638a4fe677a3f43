// User path: the research log. Nothing is recorded before the reader turns it on in the options; then
// visits to two sites (127.0.0.1 and localhost) show on the dashboard with their term counts and drawn
// charts, export to CSV and JSON with exactly those rows, a never-log site stays out, and "Delete
// everything" leaves the database empty. Runs in Chromium and Firefox alike.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { after } from 'node:test';
import { parse } from 'csv-parse/sync';
import {
  assertNoErrors,
  axeViolations,
  launchExtension,
  poll,
  setHighlightMode,
  sleep,
  test,
  useSession,
  waitForHighlights,
} from '../support/e2e.mjs';
import { createSchema1Log } from './research-log-kit.mjs';

const page = (title, text) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head><body><main><p>${text}</p></main></body></html>`;
/** Each page's terms, as the content script counts them (the test checks the page's own count first). */
const PAGES = {
  '/clinic.html': {
    html: page('Clinic notes', 'An SSRI helps some. Another SSRI, a third SSRI, and ketamine.'),
    terms: { ketamine: 1, ssri: 3 },
  },
  '/forum.html': {
    html: page('Forum thread', 'Depression and anxiety. Depression again, and psychotherapy.'),
    terms: { anxiety: 1, depression: 2, psychotherapy: 1 },
  },
  '/before.html': { html: page('Read before opting in', 'SSRI and serotonin, read before the log was on.'), terms: {} },
};
const total = (terms) => Object.values(terms).reduce((sum, count) => sum + count, 0);
const routes = Object.fromEntries(Object.entries(PAGES).map(([route, { html }]) => [route, html]));
/** The never-log site: a third host on the loopback (the whole of 127.0.0.0/8 reaches this machine). */
const NEVER_HOST = '127.0.0.2';
const DB_NAME = 'mhx-research-log';

let neverServer;
/** A tab loaded before the log was turned on, kept open: its later reports must stay out too. */
let beforeTab;
let neverUrl;
let dashboard;
/** When the log was turned on and when the logged pages were read: the export's times lie between. */
const window_ = { from: 0, to: 0 };

/** Highlighting on every site, every occurrence: the tests count each page's terms (decision 040). */
const LAUNCH = { highlightMode: 'everywhere', preferences: { highlightDensity: 'every' } };

const env = useSession({
  routes,
  launch: LAUNCH,
  setUp: async () => {
    neverServer = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGES['/clinic.html'].html),
    );
    await new Promise((resolve) => neverServer.listen(0, NEVER_HOST, resolve));
    neverUrl = `http://${NEVER_HOST}:${neverServer.address().port}/clinic.html`;
  },
});

/** Every visit in the research log's database, read in an extension page (IndexedDB, as the dashboard reads it). */
function storedVisits(tab) {
  return tab.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('visits')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('visits').objectStore('visits').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    DB_NAME,
  );
}

const databaseExists = (tab) =>
  tab.evaluate(async (name) => (await indexedDB.databases()).some((db) => db.name === name), DB_NAME);

async function openDashboard() {
  const tab = await env.session.openExtensionPage('dashboard.html');
  await tab.waitFor('main.dashboard:not([data-state="loading"])', { state: 'attached' });
  return tab;
}

/**
 * No axe violation. Light mode here; the last test starts the browser in dark mode and checks the
 * pages again.
 */
async function assertAccessible(tab, what) {
  assert.deepEqual(await axeViolations(tab), [], `${what}: axe finds no violation`);
}

/** Canvas pixels that are not transparent: a drawn chart has many. */
const drawnPixels = (tab, selector) =>
  tab.onElement(selector, (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let drawn = 0;
    for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha] > 0) drawn++;
    return drawn;
  });

/** The rows of a CSV file as RFC 4180 reads them (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  assert.ok(text.endsWith('\r\n'), 'the CSV file ends with CRLF');
  return parse(text, { record_delimiter: '\r\n' });
}

const inWindow = (iso) => {
  const time = Date.parse(iso);
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/u.test(iso) && time >= window_.from && time <= window_.to;
};

test('the log is off by default; the options say what it keeps; nothing is recorded and no database is made', async () => {
  const before = await env.session.openTab(env.server.url('before.html'));
  await waitForHighlights(before, { min: 2 });
  const options = await env.session.openExtensionPage('options.html');
  await options.waitFor('#research-log-enabled', { state: 'attached' });
  assert.equal(await options.isChecked('#research-log-enabled'), false, 'off until turned on');
  const text = await options.text('section.research-log');
  assert.match(text, /the time, the site, and how often each term appeared/u);
  assert.match(text, /The page’s text is never kept/u);
  assert.match(text, /not synced/u);
  assert.equal(
    await options.isChecked('input[name="research-log-detail"][value="site"]'),
    true,
    'site only by default',
  );
  await sleep(1500);
  assert.equal(await databaseExists(options), false, 'no database while the log is off');
  const stored = await env.session.inExtension(() => chrome.storage.local.get(null));
  assert.deepEqual(
    Object.keys(stored).filter((key) => key.startsWith('researchLog')),
    [],
    'nothing of the log stored while off',
  );
  beforeTab = before;
  await options.close();
});

test('opt-in; visits to two sites are recorded, a never-log site and a page loaded before opt-in are not', async () => {
  const options = await env.session.openExtensionPage('options.html');
  await options.waitFor('#research-log-enabled:not([disabled])', { state: 'attached' });
  window_.from = Date.now();
  await options.check('#research-log-enabled');
  await options.fill('#research-log-never', NEVER_HOST);
  await options.press('Tab');
  await poll(
    async () => {
      const { researchLog } = await env.session.inExtension(() => chrome.storage.local.get('researchLog'));
      return researchLog?.enabled === true && researchLog.neverLog?.[0] === NEVER_HOST;
    },
    { message: 'the log turned on with its never-log site, in local storage' },
  );
  const synced = await env.session.inExtension(() => chrome.storage.sync.get(null));
  assert.equal(
    Object.keys(synced).some((key) => key.startsWith('researchLog')),
    false,
    'the log settings never go to sync',
  );
  await options.screenshot('research-log-options.png', { fullPage: true });
  await assertAccessible(options, 'the options page with the research log section');
  await options.close();

  // The page loaded before opt-in gets more terms: its report is not recorded.
  await beforeTab.evaluate(() => document.querySelector('main').insertAdjacentHTML('beforeend', '<p>SSRI. SSRI.</p>'));
  await waitForHighlights(beforeTab, { min: 4 });

  for (const [host, route] of [
    ['127.0.0.1', '/clinic.html'],
    ['localhost', '/forum.html'],
  ]) {
    const tab = await env.session.openTab(env.server.url(route, host));
    await waitForHighlights(tab, { exact: total(PAGES[route].terms) });
  }
  const never = await env.session.openTab(neverUrl);
  await waitForHighlights(never, { exact: total(PAGES['/clinic.html'].terms) });
  window_.to = Date.now();

  dashboard = await openDashboard();
  const visits = await poll(
    async () => {
      const stored = await storedVisits(dashboard);
      return stored.length >= 2 ? stored : null;
    },
    { message: 'the two visits to be written' },
  );
  await sleep(1500); // anything else would have been written by now
  const again = await storedVisits(dashboard);
  assert.deepEqual(
    again
      .map(({ site, terms, total: sum, highlighted }) => ({ site, terms, total: sum, highlighted }))
      .sort((a, b) => a.site.localeCompare(b.site)),
    [
      { site: '127.0.0.1', terms: PAGES['/clinic.html'].terms, total: 4, highlighted: true },
      { site: 'localhost', terms: PAGES['/forum.html'].terms, total: 4, highlighted: true },
    ],
    'exactly the two visits, with their counts; no path, address or title (site only)',
  );
  for (const visit of visits) {
    assert.equal(visit.path, undefined);
    assert.equal(visit.url, undefined);
    assert.equal(visit.title, undefined);
  }
  const storedText = JSON.stringify(again);
  for (const pageText of ['Clinic notes', 'Forum thread', 'helps some', 'again']) {
    assert.equal(storedText.includes(pageText), false, `page text "${pageText}" is not stored`);
  }
});

test('the dashboard shows both sites with their term counts, drawn charts and tables, by keyboard and without axe violations', async () => {
  await dashboard.close();
  dashboard = await openDashboard();
  assert.equal(await dashboard.attribute('main.dashboard', 'data-state'), 'ready');
  assert.deepEqual(await dashboard.texts('.totals dd'), ['2', '2', '8', '5']);
  const siteRows = await dashboard.evaluate(() =>
    [...document.querySelectorAll('.sites-table tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].slice(0, 3).map((cell) => cell.textContent.trim()),
    ),
  );
  assert.deepEqual(siteRows.sort(), [
    ['127.0.0.1', '1', '4'],
    ['localhost', '1', '4'],
  ]);
  const pageRows = await dashboard.evaluate(() =>
    [...document.querySelectorAll('.visits-table tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].slice(1).map((cell) => cell.textContent.trim()),
    ),
  );
  assert.deepEqual(pageRows.sort(), [
    ['127.0.0.1', 'SSRI 3, Ketamine 1', '4'],
    ['localhost', 'Depression 2, Anxiety 1, Psychotherapy 1', '4'],
  ]);
  // Both charts are drawn, and their figures are there as text.
  for (const canvas of ['#time-title ~ figure canvas', '#sites-title ~ figure canvas']) {
    assert.ok((await drawnPixels(dashboard, canvas)) > 500, `${canvas} is drawn`);
    assert.match(await dashboard.attribute(canvas, 'aria-label'), /chart/u);
  }
  const chartTable = await dashboard.evaluate(() =>
    [...document.querySelectorAll('.chart-table thead th')].map((cell) => cell.textContent.trim()),
  );
  assert.deepEqual(chartTable.slice(1).sort(), ['Anxiety', 'Depression', 'Ketamine', 'Psychotherapy', 'SSRI']);

  // The table sorts by keyboard: focus the Site header's button and press Enter. Another order than
  // time is read in the dashboard's worker: the header says the order once the rows are in it.
  await dashboard.focus('.visits-table th:nth-child(2) .sort');
  await dashboard.press('Enter');
  await dashboard.waitFor('.visits-table th:nth-child(2)[aria-sort="ascending"]', { state: 'attached' });
  assert.deepEqual(await dashboard.texts('.visits-table tbody td.site-name'), ['127.0.0.1', 'localhost']);
  await dashboard.press('Enter');
  await dashboard.waitFor('.visits-table th:nth-child(2)[aria-sort="descending"]', { state: 'attached' });
  assert.deepEqual(await dashboard.texts('.visits-table tbody td.site-name'), ['localhost', '127.0.0.1']);
  // …and filters.
  await dashboard.fill('#visits-filter', 'anxiety');
  await poll(async () => (await dashboard.count('.visits-table tbody tr')) === 1, { message: 'the filter' });
  await dashboard.fill('#visits-filter', '');
  await poll(async () => (await dashboard.count('.visits-table tbody tr')) === 2, { message: 'the filter cleared' });

  await dashboard.evaluate(() => {
    document.activeElement?.blur();
    window.scrollTo(0, 0);
  });
  await dashboard.screenshot('research-log-dashboard.png', { fullPage: true });
  await dashboard.click('.chart-table summary');
  await assertAccessible(dashboard, 'the dashboard with data');
  assertNoErrors(dashboard);
});

test('CSV and JSON exports hold exactly the logged rows; the preview drops sites and hashes names', async () => {
  await dashboard.click('button.export-open');
  await dashboard.waitFor('.export-preview pre');
  assert.match(await dashboard.text('.export [role="status"]'), /2 visits in 5 rows from 2 of 2 sites/u);
  const csv = await dashboard.captureDownload(() => dashboard.click('button.export-save'));
  assert.match(csv.fileName, /^research-log-\d{4}-\d\d-\d\d\.csv$/u);
  const [header, ...rows] = parseCsv(csv.text);
  assert.deepEqual(header, ['visit', 'started_at', 'site', 'path', 'url', 'title', 'highlighted', 'term', 'count']);
  for (const row of rows) assert.ok(inWindow(row[1]), `${row[1]} is an ISO time within the test`);
  const expected = [
    ...Object.entries(PAGES['/clinic.html'].terms).map(([term, count]) => ['127.0.0.1', term, String(count)]),
    ...Object.entries(PAGES['/forum.html'].terms).map(([term, count]) => ['localhost', term, String(count)]),
  ];
  assert.deepEqual(
    rows.map((row) => [row[2], row[7], row[8]]).sort(),
    expected.sort(),
    'one row per visit and term, exactly',
  );
  for (const row of rows) assert.deepEqual(row.slice(3, 7), ['', '', '', 'true'], 'site only; highlighted');

  await dashboard.onElement('.export-format label:nth-of-type(2) input', (input) => input.click());
  await dashboard.waitFor('button.export-save', { hasText: 'Save the JSON file' });
  const json = await dashboard.captureDownload(() => dashboard.click('button.export-save'));
  const file = JSON.parse(json.text);
  assert.equal(file.format, 'mental-health-explainer/research-log');
  assert.equal(file.version, 1);
  assert.equal(file.sitesHashed, false);
  assert.deepEqual(
    file.visits
      .map(({ site, terms, highlighted }) => ({ site, terms, highlighted }))
      .sort((a, b) => a.site.localeCompare(b.site)),
    [
      { site: '127.0.0.1', terms: PAGES['/clinic.html'].terms, highlighted: true },
      { site: 'localhost', terms: PAGES['/forum.html'].terms, highlighted: true },
    ],
  );
  for (const visit of file.visits) assert.ok(inWindow(visit.startedAt));

  // Leave localhost out and hash the other site's name with the salt shown.
  await dashboard.onElement('.export-format label:nth-of-type(1) input', (input) => input.click());
  await dashboard.click('.export-site-list label', { hasText: 'localhost' });
  await dashboard.click('.export-hashing label');
  await dashboard.waitFor('#export-salt');
  const salt = await dashboard.property('#export-salt', 'value');
  assert.match(salt, /^[0-9a-f]{32}$/u, 'a random salt is shown');
  await poll(async () => /1 visit in 2 rows from 1 of 2 sites/u.test(await dashboard.text('.export [role="status"]')), {
    message: 'the preview to count one site',
  });
  const expectedHash = createHash('sha256').update(`${salt}:127.0.0.1`).digest('hex');
  await poll(async () => (await dashboard.text('.export-preview pre')).includes(expectedHash), {
    message: 'the preview to show the hashed name',
  });
  assert.equal((await dashboard.text('.export-preview pre')).includes('127.0.0.1'), false);
  await dashboard.onElement('.export', (element) => element.scrollIntoView({ block: 'start' }));
  await dashboard.screenshot('research-log-export-preview.png');
  await assertAccessible(dashboard, 'the export preview');
  const hashed = await dashboard.captureDownload(() => dashboard.click('button.export-save'));
  assert.deepEqual(
    parseCsv(hashed.text)
      .slice(1)
      .map((row) => [row[2], row[7], row[8]])
      .sort(),
    Object.entries(PAGES['/clinic.html'].terms)
      .map(([term, count]) => [expectedHash, term, String(count)])
      .sort(),
  );
  assert.equal(hashed.text.includes(salt), false, 'the salt is not in the file');
  assertNoErrors(dashboard);
});

test('"Delete everything" leaves the database empty, at once; the empty state says how to start', async () => {
  await dashboard.click('button.erase-all');
  await dashboard.click('button.erase-all-confirm');
  await dashboard.waitFor('main.dashboard[data-state="empty"]', { state: 'attached' });
  assert.deepEqual(await storedVisits(dashboard), []);
  // Pages still open re-report (a change): what was deleted does not come back.
  await beforeTab.evaluate(() => document.querySelector('main').insertAdjacentHTML('beforeend', '<p>ketamine</p>'));
  await sleep(2000);
  assert.deepEqual(await storedVisits(dashboard), [], 'still empty after the open pages changed');
  assert.match(await dashboard.text('.empty-state'), /Read pages as usual/u);
  await dashboard.screenshot('research-log-dashboard-empty.png', { fullPage: true });
  await assertAccessible(dashboard, 'the empty dashboard');
  assertNoErrors(dashboard);
});

test('pages where highlighting is off are recorded, as not highlighted, only when the reader asks for them', async () => {
  await setHighlightMode(env.session, 'mental-health-pages');
  const options = await env.session.openExtensionPage('options.html');
  await options.waitFor('#research-log-enabled:not([disabled])', { state: 'attached' });
  assert.match(await options.text('label:has(#research-log-unhighlighted)'), /pages where highlighting is off/u);
  // Off: a page about something else (it says "depression" twice) is not recorded.
  const quiet = await env.session.openTab(env.server.url('novel.html'));
  await sleep(4000);
  assert.deepEqual(await storedVisits(dashboard), [], 'not asked for: not recorded');
  await quiet.close();
  await options.check('#research-log-unhighlighted');
  await poll(
    async () =>
      (await env.session.inExtension(() => chrome.storage.local.get('researchLog'))).researchLog
        ?.includeUnhighlighted === true,
    { message: 'the setting stored' },
  );
  await options.close();
  await env.session.openTab(env.server.url('novel.html'));
  const [visit] = await poll(
    async () => {
      const stored = await storedVisits(dashboard);
      return stored.length > 0 ? stored : null;
    },
    { timeout: 20_000, message: 'the page without highlights to be recorded' },
  );
  assert.deepEqual(
    { site: visit.site, terms: visit.terms, highlighted: visit.highlighted },
    { site: '127.0.0.1', terms: { depression: 2 }, highlighted: false },
  );
});

test('dark mode: the options section, the empty dashboard and the dashboard with data, drawn and without axe violations', async () => {
  const session = await launchExtension({ ...LAUNCH, colorScheme: 'dark' });
  try {
    const options = await session.openExtensionPage('options.html');
    await options.waitFor('#research-log-enabled:not([disabled])', { state: 'attached' });
    await options.check('#research-log-enabled');
    await poll(
      async () =>
        (await session.inExtension(() => chrome.storage.local.get('researchLog'))).researchLog?.enabled === true,
      { message: 'the log turned on' },
    );
    await options.screenshot('research-log-options-dark.png', { fullPage: true });
    await assertAccessible(options, 'dark: the options page');

    const empty = await session.openExtensionPage('dashboard.html');
    await empty.waitFor('main.dashboard[data-state="empty"]', { state: 'attached' });
    await empty.screenshot('research-log-dashboard-empty-dark.png', { fullPage: true });
    await assertAccessible(empty, 'dark: the empty dashboard');

    for (const [host, route] of [
      ['127.0.0.1', '/clinic.html'],
      ['localhost', '/forum.html'],
    ]) {
      const tab = await session.openTab(env.server.url(route, host));
      await waitForHighlights(tab, { exact: total(PAGES[route].terms) });
    }
    await poll(async () => (await storedVisits(empty)).length === 2, { message: 'the two visits to be written' });
    const full = await session.openExtensionPage('dashboard.html');
    await full.waitFor('main.dashboard[data-state="ready"]', { state: 'attached' });
    for (const canvas of ['#time-title ~ figure canvas', '#sites-title ~ figure canvas']) {
      assert.ok((await drawnPixels(full, canvas)) > 500, `dark: ${canvas} is drawn`);
    }
    const background = await full.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, 'rgb(31, 35, 40)', 'the dark background');
    await full.screenshot('research-log-dashboard-dark.png', { fullPage: true });
    await full.click('.chart-table summary');
    await assertAccessible(full, 'dark: the dashboard with data');
    assertNoErrors(options, empty, full);
  } finally {
    await session.close();
  }
});

test('a log kept by the previous release (schema 1) is migrated when first opened: every visit shows and exports', async () => {
  const session = await launchExtension({ highlightMode: 'everywhere' });
  try {
    // The log is off: nothing of the extension has opened its database yet.
    const options = await session.openExtensionPage('options.html');
    const hour = 60 * 60 * 1000;
    const now = Date.now();
    const old = [
      ['a.example', 30, { ssri: 2, anxiety: 1 }],
      ['b.example', 20, { ketamine: 4 }],
      ['a.example', 2, { ssri: 1 }],
    ].map(([site, hoursAgo, terms], index) => ({
      key: `old:${index}`,
      startedAt: now - hoursAgo * hour,
      updatedAt: now - hoursAgo * hour,
      site,
      highlighted: true,
      terms,
      total: Object.values(terms).reduce((a, b) => a + b, 0),
    }));
    assert.equal(await options.evaluate(createSchema1Log, { name: DB_NAME, visits: old }), 3);
    await options.close();

    const migrated = await session.openExtensionPage('dashboard.html');
    await migrated.waitFor('main.dashboard[data-state="ready"]', { state: 'attached' });
    assert.deepEqual(await migrated.texts('.totals dd'), ['3', '2', '8', '3']);
    assert.deepEqual(await migrated.texts('.visits-table tbody td.site-name'), ['a.example', 'b.example', 'a.example']);
    const schema = await migrated.evaluate(
      (name) =>
        new Promise((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const days = db.transaction('days').objectStore('days').count();
            days.onsuccess = () => {
              const visits = db.transaction('visits').objectStore('visits').getAll();
              visits.onsuccess = () => {
                resolve({
                  version: db.version,
                  days: days.result,
                  withDay: visits.result.filter((visit) => /^\d{4}-\d\d-\d\d$/u.test(visit.day)).length,
                });
                db.close();
              };
            };
          };
        }),
      DB_NAME,
    );
    assert.equal(schema.version, 20, "Dexie's version 2");
    assert.equal(schema.withDay, 3, 'every visit has its day');
    // The visits' calendar days in the local time zone (the browser's is this machine's): 2 or 3 by the hour.
    const days = new Set(old.map(({ startedAt }) => new Date(startedAt).toDateString())).size;
    assert.equal(schema.days, days, 'a record for each day');
    // Another order, from the worker, and the export: the same three visits.
    await migrated.click('.visits-table th:last-child .sort');
    await migrated.waitFor('.visits-table th:last-child[aria-sort="descending"]', { state: 'attached' });
    assert.deepEqual(await migrated.texts('.visits-table tbody td.number'), ['4', '3', '1']);
    await migrated.click('button.export-open');
    const csv = await migrated.captureDownload(() => migrated.click('button.export-save'));
    assert.deepEqual(
      parseCsv(csv.text)
        .slice(1)
        .map((row) => [row[0], row[2], row[7], row[8]]),
      [
        ['1', 'a.example', 'anxiety', '1'],
        ['1', 'a.example', 'ssri', '2'],
        ['2', 'b.example', 'ketamine', '4'],
        ['3', 'a.example', 'ssri', '1'],
      ],
    );
    assertNoErrors(migrated);
  } finally {
    await session.close();
  }
});

after(() => new Promise((resolve) => (neverServer ? neverServer.close(resolve) : resolve())));
