// Part of `npm run bench`: the term engine's scan measured side by side in one run, in Chromium with
// the built extension in "everywhere" (so the engine reads every page), on the pages of
// bench/bench-pages.mjs, against the plainest scans a content script could make and mark.js.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { poll, startServer } from '../tests/support/e2e.mjs';
import { launchChromium } from './bench-browser.mjs';
import { benchPages, glossaryRegExpSource, median, ROOT, SENTENCES } from './bench-pages.mjs';

/** A scan of a few milliseconds is moved by one slow sample: pages scanned this fast get more runs. */
const QUICK_SCAN_MS = 20;
const QUICK_PAGE_RUNS = 11;
const MARK_JS = path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js');

// Long tasks are recorded from the start of the page's life, in its own world.
const LONG_TASK_RECORDER = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) =>
    window.__longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration])),
  ).observe({
    type: 'longtask',
    buffered: true,
  });
};

async function measureExtensionScan(session, url) {
  const page = await session.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const scan = await poll(
      () => page.evaluate(() => performance.getEntriesByName('mhx:scan', 'measure')[0]?.toJSON() ?? null),
      { timeout: 120_000, message: `the extension's scan of ${url}` },
    );
    const work = await page.evaluate(() => performance.getEntriesByName('mhx:scan-work', 'measure')[0].duration);
    // Let the long-task observer deliver what happened during the scan.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
    const longest = await page.evaluate(
      ([start, end]) =>
        Math.max(0, ...window.__longTasks.filter(([s, d]) => s < end && s + d > start).map(([, d]) => d)),
      [scan.startTime, scan.startTime + scan.duration],
    );
    // Let the frame that paints the highlights finish, so a long one is seen too.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
    const longestWithPaint = await page.evaluate(
      (start) => Math.max(0, ...window.__longTasks.filter(([s, d]) => s + d > start).map(([, d]) => d)),
      scan.startTime,
    );
    return { page, scan: work, wall: scan.duration, longest: Math.max(longest, longestWithPaint) };
  } catch (error) {
    await page.close();
    throw error;
  }
}

async function measureRescan(page) {
  return page.evaluate(async (sentences) => {
    const before = performance.getEntriesByName('mhx:rescan', 'measure').length;
    const fragment = document.createDocumentFragment();
    for (let index = 0; index < 100; index++) {
      const paragraph = document.createElement('p');
      paragraph.textContent = sentences[index % sentences.length];
      fragment.append(paragraph);
    }
    document.body.append(fragment);
    for (;;) {
      const measures = performance.getEntriesByName('mhx:rescan-work', 'measure');
      if (measures.length > before) return measures[measures.length - 1].duration;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }, SENTENCES);
}

const BARE_WALK = `(() => {
  const started = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let characters = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) characters += node.data.length;
  return performance.now() - started;
})()`;

export const MARK_REGEXP = (source) => `new Promise((resolve) => {
  const started = performance.now();
  new window.Mark(document.body).markRegExp(new RegExp(${JSON.stringify(source)}, 'gi'), {
    done: () => resolve(performance.now() - started),
  });
})`;

/**
 * Highlighting at its plainest: one pass of a TreeWalker over the text nodes, mark.js's expression
 * on each, a CSS highlight for each match. It skips no content, reads no term across formatting,
 * rules nothing out and never pauses, so it shows how near a target a content script can come at
 * all; run cold in an isolated world of its own, as the extension's first scan runs.
 */
export const MINIMAL_SCAN = (source) => `(() => {
  const started = performance.now();
  const pattern = new RegExp(${JSON.stringify(source)}, 'gi');
  const highlight = new Highlight();
  CSS.highlights.set('bench-minimal-scan', highlight);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    pattern.lastIndex = 0;
    for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
      const range = new Range();
      range.setStart(node, found.index);
      range.setEnd(node, found.index + found[0].length);
      highlight.add(range);
    }
  }
  return performance.now() - started;
})()`;

/**
 * The least any scan must do where text is fetched at once instead of node by node: read the body's
 * text in one call, run the expression over it once and register one range per match. The ranges
 * are left at the body's start, so nothing is located, nothing is skipped and no term is checked;
 * with the minimal scan it bounds from below what a content script can cost on the page.
 */
const TEXT_AT_ONCE = (source) => `(() => {
  const started = performance.now();
  const pattern = new RegExp(${JSON.stringify(source)}, 'gi');
  const highlight = new Highlight();
  CSS.highlights.set('bench-text-at-once', highlight);
  const text = document.body.textContent;
  for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
    const range = new Range();
    range.setStart(document.body, 0);
    highlight.add(range);
  }
  return performance.now() - started;
})()`;

/**
 * The bare walk and mark.js again in isolated worlds, where content scripts run: there Chromium
 * keeps each node's script wrapper in a per-world table instead of on the node, so touching a node
 * costs more than in the page's own world. This walk is the floor for any content script, and this
 * mark.js is what a content script using it would cost. Each in a world of its own, so neither
 * inherits the other's wrappers; mark.js second, as it changes the page. The minimal scan gets a
 * page of its own: its live ranges would follow each of mark.js's edits, and slow them.
 */
async function measureIsolatedWorlds(plain, url, regExpSource) {
  const [walk, mark] = await evaluateInIsolatedWorlds(plain, url, [
    ['bench-bare-walk', BARE_WALK],
    ['bench-mark', readFileSync(MARK_JS, 'utf8'), MARK_REGEXP(regExpSource)],
  ]);
  const [minimal] = await evaluateInIsolatedWorlds(plain, url, [['bench-minimal-scan', MINIMAL_SCAN(regExpSource)]]);
  const [textAtOnce] = await evaluateInIsolatedWorlds(plain, url, [['bench-text-at-once', TEXT_AT_ONCE(regExpSource)]]);
  return { walk, minimal, textAtOnce, mark };
}

/** Loads the page afresh and runs each program, `[worldName, ...expressions]`, in a new isolated world; the last expression's value is the program's. */
async function evaluateInIsolatedWorlds(plain, url, programs) {
  const page = await plain.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const cdp = await plain.context.newCDPSession(page);
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const values = [];
    for (const [worldName, ...expressions] of programs) {
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName,
      });
      let value;
      for (const expression of expressions) {
        const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
          expression,
          contextId: executionContextId,
          returnByValue: true,
          awaitPromise: true,
        });
        if (exceptionDetails) throw new Error(`${worldName}: ${exceptionDetails.text}`);
        value = result.value;
      }
      values.push(value);
    }
    return values;
  } finally {
    await page.close();
  }
}

async function measurePlain(plain, url, regExpSource) {
  const page = await plain.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const walk = await page.evaluate(BARE_WALK);
    await page.addScriptTag({ path: MARK_JS });
    const mark = await page.evaluate(
      (source) =>
        new Promise((resolve) => {
          const started = performance.now();
          new window.Mark(document.body).markRegExp(new RegExp(source, 'gi'), {
            done: () => resolve(performance.now() - started),
          });
        }),
      regExpSource,
    );
    return { walk, mark };
  } finally {
    await page.close();
  }
}

/**
 * Measures every page `runs` times (more where the scan is quick): the bare walk and mark.js in the
 * page's world, the walk, the minimal scan, text at once and mark.js in isolated worlds, the
 * extension's scan with the real glossary and with 1,000 terms, its longest task, and the rescan
 * of 100 paragraphs appended to the largest page.
 */
export async function measureScanWork({ realBuild, inflatedBuild, runs, log = () => {} }) {
  const pages = benchPages();
  const server = await startServer({
    routes: Object.fromEntries(Object.entries(pages).map(([n, html]) => [`/${n}`, html])),
  });
  const real = await launchChromium(realBuild);
  const inflated = await launchChromium(inflatedBuild);
  const plain = await launchChromium(null);
  for (const session of [real, inflated]) {
    await session.context.addInitScript(LONG_TASK_RECORDER);
    await session.setSettings({ mode: 'everywhere' });
  }
  const regExpSource = glossaryRegExpSource();
  const names = Object.keys(pages);
  const largest = names
    .filter((name) => name.startsWith('war-and-peace'))
    .concat(names.toSorted((a, b) => pages[b].length - pages[a].length))[0];
  const rows = [];
  try {
    for (const name of names) {
      const url = server.url(name);
      const samples = {
        scan: [],
        wall: [],
        longest: [],
        inflated: [],
        walk: [],
        isolatedWalk: [],
        minimal: [],
        textAtOnce: [],
        mark: [],
        isolatedMark: [],
        rescan: [],
      };
      let pageRuns = runs;
      for (let run = 0; run < pageRuns; run++) {
        const { walk, mark } = await measurePlain(plain, url, regExpSource);
        samples.walk.push(walk);
        samples.mark.push(mark);
        const isolated = await measureIsolatedWorlds(plain, url, regExpSource);
        samples.isolatedWalk.push(isolated.walk);
        samples.minimal.push(isolated.minimal);
        samples.textAtOnce.push(isolated.textAtOnce);
        samples.isolatedMark.push(isolated.mark);
        const measured = await measureExtensionScan(real, url);
        samples.scan.push(measured.scan);
        if (run === 0 && measured.scan < QUICK_SCAN_MS) pageRuns = Math.max(runs, QUICK_PAGE_RUNS);
        samples.wall.push(measured.wall);
        samples.longest.push(measured.longest);
        if (name === largest) samples.rescan.push(await measureRescan(measured.page));
        await measured.page.close();
        const inflatedScan = await measureExtensionScan(inflated, url);
        samples.inflated.push(inflatedScan.scan);
        await inflatedScan.page.close();
      }
      const row = { name, runs: pageRuns };
      for (const [key, values] of Object.entries(samples)) row[key] = median(values);
      rows.push(row);
      log(`scan work: ${name}`);
    }
  } finally {
    await Promise.all([real.close(), inflated.close(), plain.close(), server.close()]);
  }
  return { rows, largest };
}
