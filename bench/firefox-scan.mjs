// Part of `npm run bench`: the term engine in Firefox ESR beside Chromium's figures. Firefox lets the
// page read the User Timing entries its content scripts record, so the extension's scan work, its
// whole scan and the wait for the first highlight in the viewport are measured as in Chromium, in
// "everywhere" (the engine reads every page). Firefox runs a content script through Xray wrappers
// and automation cannot run code in that world, so the plainest scan to compare with runs in the
// page's own world. Page tax is not measured: Firefox exposes no per-page script time or heap to
// automation (CDP's Performance.getMetrics is Chromium's; WebDriver BiDi has no counterpart).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { poll, setHighlightMode, startServer } from '../tests/support/e2e.mjs';
import { FIREFOX, launchFirefox } from '../tests/support/firefox-session.mjs';
import { FIRST_HIGHLIGHT_WATCHER } from './bench-browser.mjs';
import { benchPages, glossaryRegExpSource, median, ROOT } from './bench-pages.mjs';
import { MINIMAL_SCAN } from './scan-work.mjs';

export const FIREFOX_PAGE_TAX_UNAVAILABLE =
  "Firefox exposes no per-page script time or heap to automation (CDP's Performance.getMetrics is Chromium's; WebDriver BiDi has no counterpart)";

/** One load of `url` with the extension: its scan work, whole scan and first highlight's wait (ms). */
async function measureLoad(session, url) {
  const tab = await session.openTab(null, { initScript: FIRST_HIGHLIGHT_WATCHER, identify: false });
  try {
    await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const measured = await poll(
      () =>
        tab.evaluate(() => {
          const entry = (name) => performance.getEntriesByName(name, 'measure')[0];
          const scan = entry('mhx:scan');
          const work = entry('mhx:scan-work');
          if (!scan || !work) return null;
          const engine = entry('mhx:engine');
          const first = window.__benchFirstHighlight;
          return {
            scan: work.duration,
            wall: scan.duration,
            firstHighlight: engine && first !== undefined ? first - engine.startTime : null,
          };
        }),
      { timeout: 120_000, message: `the extension's scan of ${url} in Firefox` },
    );
    // The watcher looks once a frame: give the frame after the scan its turn.
    if (measured.firstHighlight === null) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      measured.firstHighlight = await tab.evaluate(() => {
        const engine = performance.getEntriesByName('mhx:engine', 'measure')[0];
        return engine && window.__benchFirstHighlight !== undefined
          ? window.__benchFirstHighlight - engine.startTime
          : null;
      });
    }
    return measured;
  } finally {
    await tab.close();
  }
}

async function measureMinimal(session, url, regExpSource) {
  const tab = await session.openTab(url, { identify: false });
  try {
    return await tab.evaluate(MINIMAL_SCAN(regExpSource));
  } finally {
    await tab.close();
  }
}

/**
 * Every bench page `runs` times in Firefox: the extension's scan work and whole scan, the first
 * highlight's wait from the engine's start, and the minimal scan in the page's world. Returns
 * `{ unavailable }` with the reason where Firefox or its build is missing.
 */
export async function measureFirefoxScan({ runs, log = () => {} }) {
  const extensionDir = path.join(ROOT, process.env.MHX_OUT_DIR ?? '.output', 'firefox-mv3');
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) return { unavailable: `${extensionDir} is missing` };
  const pages = benchPages();
  const regExpSource = glossaryRegExpSource();
  const server = await startServer({
    routes: Object.fromEntries(Object.entries(pages).map(([name, html]) => [`/${name}`, html])),
  });
  let real;
  let plain;
  try {
    try {
      real = await launchFirefox({ extensionDir });
      plain = await launchFirefox({ extension: false });
    } catch (error) {
      return { unavailable: `Firefox could not be started: ${error.message}` };
    }
    await setHighlightMode(real, 'everywhere');
    const rows = [];
    for (const [name] of Object.entries(pages)) {
      const samples = { scan: [], wall: [], firstHighlight: [], minimal: [] };
      for (let run = 0; run < runs; run++) {
        samples.minimal.push(await measureMinimal(plain, server.url(name), regExpSource));
        const measured = await measureLoad(real, server.url(name));
        samples.scan.push(measured.scan);
        samples.wall.push(measured.wall);
        if (measured.firstHighlight !== null) samples.firstHighlight.push(measured.firstHighlight);
      }
      const row = { name };
      for (const [key, values] of Object.entries(samples)) row[key] = values.length > 0 ? median(values) : null;
      rows.push(row);
      log(`Firefox scan: ${name}`);
    }
    const version = execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }).trim();
    return { browser: version, rows };
  } finally {
    await Promise.all([real?.close(), plain?.close(), server.close()]);
  }
}
