// `npm run bench` (after the build): the research log with 100,000 logged visits, in Chromium with the
// built extension. Prints two figures, each the median of several runs, beside its goal:
// - how long the dashboard takes to be usable (totals, both charts and the first page of the table
//   drawn), from the start of its navigation;
// - how long an export of every visit takes (CSV and JSON), and the longest main-thread task while it
//   runs: the page must stay responsive throughout (a task under 100 ms is not felt as a stall).
// The visits are written straight into the log's IndexedDB store, after the extension itself made the
// database (the log turned on, one page read), so the shape is the one the background writes.
import { launchExtension, poll, startServer } from '../tests/support/e2e.mjs';

const VISITS = Number(process.env.BENCH_LOG_VISITS ?? 100_000);
const RUNS = Number(process.env.BENCH_LOG_RUNS ?? 5);
const EXPORT_RUNS = Number(process.env.BENCH_LOG_EXPORT_RUNS ?? 3);
const USABLE_GOAL_MS = 1000;
const RESPONSIVE_GOAL_MS = 100;
const DB_NAME = 'mhx-research-log';
const TERMS = ['ssri', 'ketamine', 'serotonin', 'glutamate', 'depression', 'anxiety', 'psychotherapy'];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (value) => `${Math.round(value).toLocaleString('en')} ms`;

/** Runs in the dashboard's page: writes `count` visits over the last 29 days (all in the default period of 30). */
function seedVisits({ count, terms, dbName }) {
  const now = Date.now();
  const span = 29 * 24 * 60 * 60 * 1000;
  const open = () =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  // A fixed pseudo-random sequence: every run (and every machine) seeds the same log.
  let state = 42;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return open().then(async (db) => {
    for (let start = 0; start < count; start += 10_000) {
      await new Promise((resolve, reject) => {
        const transaction = db.transaction('visits', 'readwrite');
        const store = transaction.objectStore('visits');
        for (let index = start; index < Math.min(count, start + 10_000); index++) {
          const startedAt = Math.round(now - span + (span * index) / count);
          const visitTerms = {};
          const termCount = 1 + Math.floor(random() * 4);
          for (let t = 0; t < termCount; t++) {
            const term = terms[Math.floor(random() * terms.length)];
            visitTerms[term] = (visitTerms[term] ?? 0) + 1 + Math.floor(random() * 6);
          }
          const total = Object.values(visitTerms).reduce((a, b) => a + b, 0);
          store.put({
            key: `bench:${index}`,
            startedAt,
            updatedAt: startedAt,
            site: `site${Math.floor(random() * 500)}.example`,
            highlighted: true,
            terms: visitTerms,
            total,
          });
        }
        transaction.oncomplete = resolve;
        transaction.onerror = () => reject(transaction.error);
      });
    }
    const total = await new Promise((resolve) => {
      const request = db.transaction('visits').objectStore('visits').count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return total;
  });
}

/** Long tasks from the start of the page's life (installed before the dashboard's own scripts run). */
const RECORD_LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

const longestSince = (tab, start) =>
  tab.evaluate((from) => Math.max(0, ...window.__longTasks.filter(([s, d]) => s + d > from).map(([, d]) => d)), start);

async function openDashboard(session) {
  const tab = await session.openTab();
  await tab.page.addInitScript(RECORD_LONG_TASKS);
  await tab.goto(session.extensionUrl('dashboard.html'));
  const ready = await poll(
    () => tab.evaluate(() => performance.getEntriesByName('research-log-dashboard-ready')[0]?.startTime ?? null),
    { timeout: 60_000, message: 'the dashboard to be ready' },
  );
  return { tab, ready };
}

async function measureExport(tab, format) {
  await tab.evaluate(() => window.scrollTo(0, 0));
  if ((await tab.count('.export')) === 0) await tab.click('button.export-open');
  await tab.waitFor('.export-preview pre');
  await tab.onElement(`.export-format label:nth-of-type(${format === 'csv' ? 1 : 2}) input`, (input) => input.click());
  await tab.waitFor('button.export-save', { hasText: `Save the ${format.toUpperCase()} file` });
  const start = await tab.evaluate(() => performance.now());
  const file = await tab.captureDownload(() => tab.click('button.export-save'));
  // The download event comes when the browser has the file: the page's part (building it) is done.
  const end = await tab.evaluate(() => performance.now());
  await tab.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  return { duration: end - start, longest: await longestSince(tab, start), bytes: Buffer.byteLength(file.text) };
}

const server = await startServer({
  routes: { '/seed.html': '<!doctype html><title>seed</title><p>An SSRI, ketamine and serotonin.</p>' },
});
const session = await launchExtension({ highlightMode: 'everywhere' });
try {
  await session.inExtension(() =>
    chrome.storage.local.set({
      researchLog: {
        enabled: true,
        enabledAt: Date.now() - 1000,
        detail: 'site',
        neverLog: [],
        includeUnhighlighted: false,
        retentionDays: null,
      },
    }),
  );
  // The extension makes its own database, from one page read with the log on.
  const page = await session.openTab(server.url('seed.html'));
  const { tab: first } = await poll(
    async () => {
      const dashboard = await openDashboard(session);
      if ((await dashboard.tab.attribute('main.dashboard', 'data-state')) === 'ready') return dashboard;
      await dashboard.tab.close();
      return null;
    },
    { timeout: 30_000, message: 'the extension to create the log with the first visit' },
  );
  await page.close();
  const stored = await first.evaluate(seedVisits, { count: VISITS - 1, terms: TERMS, dbName: DB_NAME });
  await first.close();

  const usable = [];
  const loadLongest = [];
  for (let run = 0; run < RUNS; run++) {
    const { tab, ready } = await openDashboard(session);
    usable.push(ready);
    loadLongest.push(await longestSince(tab, 0));
    await tab.close();
  }

  const { tab } = await openDashboard(session);
  const exports = {};
  for (const format of ['csv', 'json']) {
    const runs = [];
    for (let run = 0; run < EXPORT_RUNS; run++) runs.push(await measureExport(tab, format));
    exports[format] = runs;
  }
  await tab.close();

  const usableMs = median(usable);
  console.log(`\n### Research log: ${stored.toLocaleString('en')} logged visits (Chromium, medians)\n`);
  console.log('| measure | figure | goal |');
  console.log('| --- | ---: | --- |');
  console.log(
    `| dashboard usable (totals, both charts, first page of the table), from navigation | ${ms(usableMs)} (runs: ${usable.map(ms).join(', ')}) | ≤ ${ms(USABLE_GOAL_MS)}: ${usableMs <= USABLE_GOAL_MS ? 'met' : 'NOT met'} |`,
  );
  console.log(`| longest main-thread task while the dashboard loads | ${ms(median(loadLongest))} | (for reference) |`);
  for (const [format, runs] of Object.entries(exports)) {
    const duration = median(runs.map((run) => run.duration));
    const longest = median(runs.map((run) => run.longest));
    const megabytes = (runs[0].bytes / 1024 / 1024).toFixed(1);
    console.log(
      `| ${format.toUpperCase()} export of every visit (${megabytes} MB) | ${ms(duration)} | (for reference) |`,
    );
    console.log(
      `| longest main-thread task during the ${format.toUpperCase()} export | ${ms(longest)} | < ${ms(RESPONSIVE_GOAL_MS)}: ${longest < RESPONSIVE_GOAL_MS ? 'met' : 'NOT met'} |`,
    );
  }
} finally {
  await session.close();
  await server.close();
}
