// `npm run bench`: the term engine measured side by side in one run, in Chromium with the built
// extension, on the real pages of ../shared/pages (skipped with a note where absent) and on pages
// generated here. Prints a Markdown table of medians; absolute times vary, compare the ratios.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchExtension, launchPlain, poll, ROOT, startServer } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** A scan of a few milliseconds is moved by one slow sample: pages scanned this fast get more runs. */
const QUICK_SCAN_MS = 20;
const QUICK_PAGE_RUNS = Math.max(RUNS, 11);
const SHARED_PAGES = path.resolve(ROOT, '../shared/pages');
const REAL_BUILD = path.join(ROOT, '.output/chrome-mv3');
const INFLATED_BUILD = path.join(ROOT, '.output/chrome-mv3-bench1000');
const MARK_JS = path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js');

const SENTENCES = [
  'SSRIs are a cornerstone in treating conditions like depression and anxiety.',
  'Ketamine therapy adjusts brain chemistry by affecting the glutamate pathway.',
  'It is often combined with psychotherapy, and some speak of psychedelic integration.',
  'Plain sentences about the weather, the garden and the week ahead fill the rest of the page.',
];

function generatedPages() {
  const feed = Array.from({ length: 5000 }, (_, index) => `<p>${SENTENCES[index % SENTENCES.length]}</p>`).join('\n');
  const nested = `${'<div>'.repeat(2000)}<p>${SENTENCES.join(' ')}</p>${'</div>'.repeat(2000)}`;
  return {
    'generated-feed.html': `<!doctype html><title>feed</title><main>${feed}</main>`,
    'generated-deep.html': `<!doctype html><title>deep</title>${nested}${feed.slice(0, 200_000)}`,
  };
}

function pages() {
  const routes = {};
  if (existsSync(SHARED_PAGES)) {
    for (const file of readdirSync(SHARED_PAGES)
      .filter((name) => name.endsWith('.html'))
      .sort()) {
      routes[`/${file}`] = readFileSync(path.join(SHARED_PAGES, file), 'utf8');
    }
  } else {
    console.log(`note: ${SHARED_PAGES} is absent; measuring generated pages only.`);
  }
  const all = {
    ...routes,
    ...Object.fromEntries(Object.entries(generatedPages()).map(([name, html]) => [`/${name}`, html])),
  };
  // BENCH_PAGES=a.html,b.html measures only those, for a quick look at one change.
  const only = process.env.BENCH_PAGES?.split(',').map((name) => `/${name.trim()}`);
  return only ? Object.fromEntries(Object.entries(all).filter(([route]) => only.includes(route))) : all;
}

/** The glossary's spellings as one regular expression, the way mark.js users combine terms. */
function glossaryRegExpSource() {
  const source = readFileSync(path.join(ROOT, 'content/glossary.ts'), 'utf8');
  const spellings = new Set();
  for (const [, block] of source.matchAll(/term: '([^']+)',\s*aliases: \[([^\]]*)\]/gu)) spellings.add(block);
  for (const [, , aliases] of source.matchAll(/term: '([^']+)',\s*aliases: \[([^\]]*)\]/gu)) {
    for (const [, alias] of aliases.matchAll(/'([^']+)'/gu)) spellings.add(alias);
  }
  const escaped = [...spellings]
    .sort((a, b) => b.length - a.length)
    .map((spelling) => spelling.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s+'));
  return `\\b(?:${escaped.join('|')})(?:e?s)?\\b`;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

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

const MARK_REGEXP = (source) => `new Promise((resolve) => {
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
const MINIMAL_SCAN = (source) => `(() => {
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

async function main() {
  for (const dir of [REAL_BUILD, INFLATED_BUILD]) {
    if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run \`npm run bench\`.`);
  }
  const routes = pages();
  const server = await startServer({ routes });
  const real = await launchExtension({ extensionDir: REAL_BUILD });
  const inflated = await launchExtension({ extensionDir: INFLATED_BUILD });
  const plain = await launchPlain();
  await real.context.addInitScript(LONG_TASK_RECORDER);
  await inflated.context.addInitScript(LONG_TASK_RECORDER);
  const regExpSource = glossaryRegExpSource();

  const names = Object.keys(routes).map((route) => route.slice(1));
  const largest = names
    .filter((name) => name.startsWith('war-and-peace'))
    .concat(names.toSorted((a, b) => routes[`/${b}`].length - routes[`/${a}`].length))[0];
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
      let runs = RUNS;
      for (let run = 0; run < runs; run++) {
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
        if (run === 0 && measured.scan < QUICK_SCAN_MS) runs = QUICK_PAGE_RUNS;
        samples.wall.push(measured.wall);
        samples.longest.push(measured.longest);
        if (name === largest) samples.rescan.push(await measureRescan(measured.page));
        await measured.page.close();
        const inflatedScan = await measureExtensionScan(inflated, url);
        samples.inflated.push(inflatedScan.scan);
        await inflatedScan.page.close();
      }
      rows.push({ name, ...Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, median(values)])) });
      process.stderr.write(`measured ${name}\n`);
    }
  } finally {
    await Promise.all([real.close(), inflated.close(), plain.close(), server.close()]);
  }

  const ms = (value) => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(1) : value.toFixed(0));
  const ratio = (value, base) => `${(value / base).toFixed(2)}×`;
  console.log(
    `\nTerm engine, ${new Date().toISOString().slice(0, 10)}, Chromium, median of ${RUNS} runs, ${QUICK_PAGE_RUNS} for pages scanned in under ${QUICK_SCAN_MS} ms (ms)\n`,
  );
  console.log(
    '| page | bare walk | scan work | scan ÷ walk | bare walk, isolated world | scan ÷ isolated walk | minimal scan, isolated world | text at once, isolated world | floor ÷ walk | mark.js markRegExp | mark.js ÷ scan | mark.js ÷ floor | mark.js, isolated world | isolated mark.js ÷ scan | longest task caused | 1,000 terms ÷ real |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const floorOf = (row) => Math.min(row.minimal, row.textAtOnce);
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${ms(row.walk)} | ${ms(row.scan)} | ${ratio(row.scan, row.walk)} | ${ms(row.isolatedWalk)} | ${ratio(row.scan, row.isolatedWalk)} | ${ms(row.minimal)} | ${ms(row.textAtOnce)} | ${ratio(floorOf(row), row.walk)} | ${ms(row.mark)} | ${ratio(row.mark, row.scan)} | ${ratio(row.mark, floorOf(row))} | ${ms(row.isolatedMark)} | ${ratio(row.isolatedMark, row.scan)} | ${row.longest > 0 ? `${ms(row.longest)}` : 'none over 50'} | ${ratio(row.inflated, row.scan)} |`,
    );
  }
  // The floor is the cheaper of the two plainest scans: where even it misses a target, no content
  // script meets that target on that page.
  const beyondWalk = rows.filter((row) => floorOf(row) > 2 * row.walk).map((row) => row.name);
  const beyondMark = rows.filter((row) => row.mark < 5 * floorOf(row)).map((row) => row.name);
  console.log(
    `\nFloor over 2× the bare walk: ${beyondWalk.join(', ') || 'none'}. mark.js under 5× the floor: ${beyondMark.join(', ') || 'none'}.`,
  );
  const big = rows.find((row) => row.name === largest);
  if (big) {
    console.log(
      `\nAppending 100 paragraphs to ${big.name}: rescan ${ms(big.rescan)} ms, ${ratio(big.rescan, big.scan)} of its full scan.`,
    );
  }
  const script = readFileSync(path.join(REAL_BUILD, 'content-scripts/explainer.js'));
  console.log(`Content script: ${(gzipSync(script).length / 1024).toFixed(1)} kB gzip.`);
}

await main();
