// `npm run bench` (after the build): the research log with 100,000 logged visits, in Chromium with the
// built extension. Every figure is the median of several runs, printed with its runs, beside its goal:
// - how long the dashboard takes to be usable (totals, both charts and the first page of the table
//   drawn), from the start of its navigation: goal ≤ 1,000 ms;
// - the longest main-thread task while an export of every visit (CSV and JSON) is made: goal, no long
//   task at all, i.e. none over 50 ms (the Long Tasks API's threshold, which is also what it reports);
// - for reference: the longest task while the dashboard loads, how long the table takes to show
//   another order (read in the dashboard's worker), and how long each export takes.
// The log is seeded as the previous release left it (schema 1, tests/e2e/research-log-kit.mjs) and the
// extension migrates it itself when the log is turned on; the bench prints how long that took, once.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { createSchema1Log } from '../tests/e2e/research-log-kit.mjs';
import { launchExtension, poll, startServer } from '../tests/support/e2e.mjs';

const VISITS = Number(process.env.BENCH_LOG_VISITS ?? 100_000);
const RUNS = Number(process.env.BENCH_LOG_RUNS ?? 5);
const EXPORT_RUNS = Number(process.env.BENCH_LOG_EXPORT_RUNS ?? 3);
const USABLE_GOAL_MS = 1000;
/** A task longer than this is a long task (the Long Tasks API reports only these). */
const LONG_TASK_MS = 50;
const DB_NAME = 'mhx-research-log';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ms = (value) => `${Math.round(value).toLocaleString('en')} ms`;
const task = (value) => (value === 0 ? `none over ${LONG_TASK_MS} ms` : ms(value));
const runsOf = (values, format = ms) => `(runs: ${values.map(format).join(', ')})`;

/** Long tasks from the start of the page's life (installed before the dashboard's own scripts run). */
const RECORD_LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

/** The longest task that ended after `start` (0 when none was long). */
const longestSince = (tab, start) =>
  tab.evaluate((from) => Math.max(0, ...window.__longTasks.filter(([s, d]) => s + d > from).map(([, d]) => d)), start);

async function openDashboard(session) {
  const tab = await session.openTab();
  await tab.page.addInitScript(RECORD_LONG_TASKS);
  await tab.goto(session.extensionUrl('dashboard.html'));
  const ready = await poll(
    () => tab.evaluate(() => performance.getEntriesByName('research-log-dashboard-ready')[0]?.startTime ?? null),
    { timeout: 120_000, message: 'the dashboard to be ready' },
  );
  return { tab, ready };
}

/** Sorts the table by occurrences (read in the worker): from the click to the rows shown in that order. */
async function measureSort(tab) {
  await tab.evaluate(() => window.scrollTo(0, 0));
  const start = await tab.evaluate(() => performance.now());
  await tab.click('.visits-table th:last-child .sort');
  await tab.waitFor('.visits-table th:last-child[aria-sort="descending"]', { state: 'attached', timeout: 60_000 });
  const end = await tab.evaluate(() => performance.now());
  const longest = await longestSince(tab, start);
  // Back to the first order (time, newest first: the first page, kept) for the next run.
  await tab.click('.visits-table th:first-child .sort');
  await tab.waitFor('.visits-table th:first-child[aria-sort="descending"]', { state: 'attached' });
  return { duration: end - start, longest };
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
  // Every visit is in the file: the last CSV row, or the JSON's last entry, is visit number VISITS.
  const last =
    format === 'csv'
      ? Number(file.text.trimEnd().split('\r\n').at(-1).split(',')[0])
      : JSON.parse(file.text).visits.length;
  assert.equal(last, VISITS, `the ${format} file holds every visit`);
  return { duration: end - start, longest: await longestSince(tab, start), bytes: Buffer.byteLength(file.text) };
}

/**
 * Measures the research log with VISITS logged visits and returns the report's section (Markdown
 * lines) with each figure beside its goal, judged here.
 */
export async function measureResearchLog() {
  const lines = [];
  const out = (line) => lines.push(line);
  const server = await startServer({
    routes: { '/seed.html': '<!doctype html><title>seed</title><p>An SSRI, ketamine and serotonin.</p>' },
  });
  const session = await launchExtension({ highlightMode: 'everywhere' });
  try {
    // The log as the previous release kept it, made before the extension opens it (the log is off).
    const seeding = await session.openExtensionPage('options.html');
    const seeded = await seeding.evaluate(createSchema1Log, {
      name: DB_NAME,
      generate: { count: VISITS - 1, days: 29 },
    });
    await seeding.close();

    // Turned on, the background opens the log and migrates it; the dashboard's opening waits for that.
    const on = Date.now();
    await session.inExtension(() =>
      chrome.storage.local.set({
        researchLog: {
          enabled: true,
          enabledAt: Date.now() - 1000,
          detail: 'site',
          neverLog: [],
          includeUnhighlighted: false,
          retentionDays: 365,
        },
      }),
    );
    const { tab: migrated } = await openDashboard(session);
    const migration = Date.now() - on;
    await migrated.close();

    // One page read with the log on: the background writes into the migrated log.
    const page = await session.openTab(server.url('seed.html'));
    await poll(
      async () => {
        const { tab } = await openDashboard(session);
        const visits = await tab.text('.totals dd').catch(() => '');
        await tab.close();
        return visits === VISITS.toLocaleString('en');
      },
      { timeout: 30_000, message: `the dashboard to count ${VISITS} visits` },
    );
    await page.close();

    const usable = [];
    const loadLongest = [];
    for (let run = 0; run < RUNS; run++) {
      const { tab, ready } = await openDashboard(session);
      usable.push(ready);
      loadLongest.push(await longestSince(tab, 0));
      await tab.close();
    }

    const { tab } = await openDashboard(session);
    const sorts = [];
    for (let run = 0; run < EXPORT_RUNS; run++) sorts.push(await measureSort(tab));
    const exports = {};
    for (const format of ['csv', 'json']) {
      const runs = [];
      for (let run = 0; run < EXPORT_RUNS; run++) runs.push(await measureExport(tab, format));
      exports[format] = runs;
    }
    await tab.close();

    const usableMs = median(usable);
    const met = (ok) => (ok ? 'met' : 'NOT met');
    const targets = [`dashboard usable ≤ ${ms(USABLE_GOAL_MS)}: ${met(usableMs <= USABLE_GOAL_MS)}`];
    out(`## Research log: ${VISITS.toLocaleString('en')} logged visits (Chromium, medians)\n`);
    out('| measure | figure | goal |');
    out('| --- | ---: | --- |');
    out(
      `| migrating ${seeded.toLocaleString('en')} visits of schema 1 (once, in the background), until the dashboard is ready | ${ms(migration)} | (for reference) |`,
    );
    out(
      `| dashboard usable (totals, both charts, first page of the table), from navigation | ${ms(usableMs)} ${runsOf(usable)} | ≤ ${ms(USABLE_GOAL_MS)}: ${met(usableMs <= USABLE_GOAL_MS)} |`,
    );
    out(
      `| longest main-thread task while the dashboard loads | ${task(median(loadLongest))} ${runsOf(loadLongest, task)} | (for reference) |`,
    );
    const sortTimes = sorts.map((run) => run.duration);
    const sortLongest = sorts.map((run) => run.longest);
    out(
      `| table sorted by occurrences (read in the worker; the first run reads the period) | ${ms(median(sortTimes))} ${runsOf(sortTimes)} | (for reference) |`,
    );
    out(
      `| longest main-thread task while it sorts | ${task(median(sortLongest))} ${runsOf(sortLongest, task)} | (for reference) |`,
    );
    for (const [format, runs] of Object.entries(exports)) {
      const durations = runs.map((run) => run.duration);
      const longests = runs.map((run) => run.longest);
      const longest = Math.max(...longests);
      const megabytes = (runs[0].bytes / 1024 / 1024).toFixed(1);
      const name = format.toUpperCase();
      out(
        `| ${name} export of every visit (${megabytes} MB) | ${ms(median(durations))} ${runsOf(durations)} | (for reference) |`,
      );
      out(
        `| longest main-thread task during the ${name} export | ${task(median(longests))} ${runsOf(longests, task)} | no task over ${LONG_TASK_MS} ms in any run: ${met(longest === 0)} |`,
      );
      targets.push(`no long task during the ${name} export: ${met(longest === 0)}`);
    }
    out(`\nTargets: ${targets.join('; ')}.`);
  } finally {
    await session.close();
    await server.close();
  }
  return lines;
}

// Run on its own (`node bench/research-log-bench.mjs`), it prints the section.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log((await measureResearchLog()).join('\n'));
