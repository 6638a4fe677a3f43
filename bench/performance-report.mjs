// Writes docs/performance.md from one run of `npm run bench`: every figure in it comes from that run,
// and each target is judged here, from those figures, never by hand.

import { FIREFOX_PAGE_TAX_UNAVAILABLE as FIREFOX_PAGE_TAX } from './firefox-scan.mjs';

const ms = (value) => (value === null || Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(1) : value.toFixed(0));
const kB = (bytes) => (bytes / 1024).toFixed(0);
const times = (value, base) => (base > 0 && Number.isFinite(value / base) ? `${(value / base).toFixed(2)}×` : '–');
const yes = (met) => (met ? 'met' : '**not met**');

/** Page-tax ratios to a yardstick: the extension's added cost over the yardstick's. */
function taxOf(configs, config) {
  const none = configs.none;
  const ext = configs[config];
  const { probe, duties } = configs;
  return {
    cpu: ext.cpu,
    cpuProbe: probe.cpu,
    cpuDuties: duties.cpu,
    cpuRatio: ext.cpu / probe.cpu,
    cpuDutiesRatio: ext.cpu / duties.cpu,
    heap: ext.heap - none.heap,
    heapProbe: probe.heap - none.heap,
    heapRatio: (ext.heap - none.heap) / (probe.heap - none.heap),
    script: ext.script - none.script,
    scriptProbe: probe.script - none.script,
    task: ext.task - none.task,
    taskProbe: probe.task - none.task,
    longestTask: ext.longestTask,
    shows: ext.shows,
    readPage: ext.readPage,
    engineLoaded: ext.engineLoaded,
  };
}

export function renderPerformanceReport({
  environment,
  pageTax,
  firstHighlight,
  scanWork,
  firefox,
  matcherEngines,
  researchLog = [],
  sizes,
  cases,
}) {
  const lines = [];
  const out = (...text) => lines.push(...text);
  const caseLabel = Object.fromEntries(cases.map((taxCase) => [taxCase.id, taxCase.label]));
  const taxRows = pageTax.pages.flatMap((page) =>
    cases
      .filter((taxCase) => page.configs[taxCase.id])
      .map((taxCase) => ({ page: page.name, case: taxCase.id, ...taxOf(page.configs, taxCase.id) })),
  );
  const quiet = taxRows.filter((row) => !row.shows);
  const showing = taxRows.filter((row) => row.shows);
  const siteOff = taxRows.filter((row) => row.case === 'site-off');

  // Targets, judged from the figures below.
  const worst = (rows, key) => rows.reduce((most, row) => (row[key] > (most?.[key] ?? -Infinity) ? row : most), null);
  const quietCpu = worst(quiet, 'cpuRatio');
  const quietHeap = worst(quiet, 'heapRatio');
  const scannedOff = siteOff.filter((row) => row.readPage || row.engineLoaded);
  const timedFirst = firstHighlight.filter((row) => row.firstHighlight !== null);
  const slowFirst = timedFirst.filter((row) => row.firstHighlight > 50);
  const overMinimal = scanWork.rows.filter((row) => row.scan > 1.5 * row.minimal);
  const markFaster = scanWork.rows.filter((row) => row.mark < row.scan);
  const longScan = scanWork.rows.filter((row) => row.longest > 50);
  const longTax = taxRows.filter((row) => row.longestTask > 50);
  const longestTax = worst(taxRows, 'longestTask');
  const big = scanWork.rows.find((row) => row.name === scanWork.largest);
  const rescanShare = big ? big.rescan / big.scan : Number.NaN;
  const inflatedWorst = worst(
    scanWork.rows.map((row) => ({ ...row, ratio: row.inflated / row.scan })),
    'ratio',
  );
  const contentScript = sizes.find((size) => size.file === 'content-scripts/explainer.js');
  const list = (rows, describe) => rows.map(describe).join('; ') || 'none';

  out(
    '# Performance',
    '',
    `Written by \`npm run bench\` (bench/run-bench.mjs) on ${environment.date}: every figure below is from that one run, and the targets are judged from them by the bench. Do not edit by hand. Absolute times differ from machine to machine and run to run; compare within this file.`,
    '',
    `Machine: ${environment.cpu}, ${environment.cores} cores, ${environment.memoryGb} GB of memory, load average ${environment.load} when the run began (a machine shared with other work). Chromium ${environment.chromium}, Node ${environment.node}. Medians of ${pageTax.runs} loads or runs (11 for a page scanned in under 20 ms).`,
    '',
    '## Targets',
    '',
    '| target | verdict | figures |',
    '|---|---|---|',
    `| where it shows nothing, added main-thread time ≤ 2× the probe's | ${yes(quietCpu === null || quietCpu.cpuRatio <= 2)} | at most ${times(quietCpu?.cpu, quietCpu?.cpuProbe)} (${quietCpu ? `${quietCpu.page}, ${caseLabel[quietCpu.case]}: ${ms(quietCpu.cpu)} ms against ${ms(quietCpu.cpuProbe)}; the probe with a gate's duties alone took ${ms(quietCpu.cpuDuties)} ms there, ${times(quietCpu.cpuDuties, quietCpu.cpuProbe)} the probe` : '–'}); over 2× on ${quiet.filter((row) => row.cpuRatio > 2).length} of ${quiet.length} page and case pairs |`,
    `| where it shows nothing, added heap ≤ 2× the probe's | ${yes(quietHeap === null || quietHeap.heapRatio <= 2)} | at most ${times(quietHeap?.heap, quietHeap?.heapProbe)} (${quietHeap ? `${quietHeap.page}, ${caseLabel[quietHeap.case]}: ${kB(quietHeap.heap)} kB against ${kB(quietHeap.heapProbe)}` : '–'}) |`,
    `| a site switched off scans nothing at all | ${yes(scannedOff.length === 0)} | ${scannedOff.length === 0 ? `no page read, no engine loaded, on all ${siteOff.length} pages` : `read: ${list(scannedOff, (row) => row.page)}`} |`,
    `| first highlight in the viewport painted within 50 ms of the content script's start | ${yes(slowFirst.length === 0 && timedFirst.length > 0)} | ${list(timedFirst, (row) => `${row.name} (${row.case}) ${ms(row.firstHighlight)} ms`)} |`,
    `| whole scan work ≤ 1.5× the minimal isolated-world scan | ${yes(overMinimal.length === 0)} | ${list(scanWork.rows, (row) => `${row.name} ${times(row.scan, row.minimal)}`)} |`,
    `| no corpus page where mark.js markRegExp is faster than the scan | ${yes(markFaster.length === 0)} | mark.js ÷ scan: ${list(scanWork.rows, (row) => `${row.name} ${times(row.mark, row.scan)}`)} |`,
    `| no task of the extension's over 50 ms (main-thread tasks in which its code ran, thread time, longest of all loads) | ${yes(longTax.length === 0)} | ${longTax.length === 0 ? `none over 50 ms on ${taxRows.length} page and case pairs (longest: ${longestTax ? `${longestTax.page} (${longestTax.case}) ${ms(longestTax.longestTask)} ms` : '–'})` : list(longTax, (row) => `${row.page} (${row.case}) ${ms(row.longestTask)} ms`)}; for reference, any task over 50 ms in wall time during the scan, the page's own included: ${longScan.length === 0 ? 'none' : list(longScan, (row) => `${row.name} ${ms(row.longest)} ms`)} |`,
    `| rescans ∝ change | ${yes(rescanShare <= 0.25)} | 100 paragraphs appended to ${big?.name ?? '–'}: ${ms(big?.rescan)} ms, ${times(big?.rescan, big?.scan)} of its full scan |`,
    `| 1,000 terms ≤ 1.5× the real glossary | ${yes(inflatedWorst === null || inflatedWorst.ratio <= 1.5)} | at most ${times(inflatedWorst?.inflated, inflatedWorst?.scan)} (${inflatedWorst?.name ?? '–'}) |`,
    `| content script ≤ 15 kB gzip | ${yes(contentScript && contentScript.gzip <= 15 * 1024)} | ${contentScript ? `${(contentScript.gzip / 1024).toFixed(1)} kB` : '–'} |`,
    '',
  );

  out(
    '## Page tax',
    '',
    'Each page is loaded in a fresh tab of a Chromium without any extension, with the **probe** (a content script that reads the settings from storage, fetches the body’s text once and tests one regular expression: what deciding "nothing to do here" needs), with the **probe with duties** (the probe plus what a gate must do on every page whatever it decides: read the other storage area, listen for the popup’s and the commands’ messages, follow settings changes, watch what the page adds later, and keep a page-world script ready), and with the extension in each case below. All configurations are loaded in turn, run by run.',
    '',
    '- **Main thread**: CPU time of the page’s main thread in the tasks where the extension’s code ran, from a trace and a CPU profile of the load (the task whole: creating the extension’s world, compiling its script, the engine calls it makes). This is the target’s measure. CDP’s `ScriptDuration`, which the yearly reports use, leaves out code run from the microtask queue — a content script’s promise callbacks, where both the probe and the gate fetch and test the text — so it is shown, but judges nothing.',
    '- **Heap**: `JSHeapUsedSize` after a garbage collection, minus the same page’s without any extension.',
    '- **ScriptDuration**, **TaskDuration**: CDP `Performance.getMetrics` in thread time, minus the same page’s without any extension (TaskDuration holds the whole load’s work, so it is noisy).',
    '- **Reads / engine**: whether the extension read the page (a pass over its text) and whether it loaded its engine.',
    '- **Longest task**: the longest main-thread task in which the extension’s code ran (a trace event naming its script or world, or a CPU profile sample with its script on the stack), in thread time, over all the loads of that page and case. This is what the "no task of the extension’s over 50 ms" target judges. A task where the page’s own parser or scripts also ran is left out (the page’s own load, which the extension does not cause), and so is a frame that only renders: what the extension changes there (its highlights painted) is not told apart from the page’s own rendering by the trace.',
    '',
    '### Where it shows nothing',
    '',
    '| page | case | main thread, ms | probe | extension ÷ probe | probe with duties | extension ÷ probe with duties | heap, kB | probe | extension ÷ probe | ScriptDuration, ms (probe) | TaskDuration, ms (probe) | longest task, ms | reads / engine |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  const taxLine = (row) =>
    `| ${row.page} | ${caseLabel[row.case]} | ${ms(row.cpu)} | ${ms(row.cpuProbe)} | ${times(row.cpu, row.cpuProbe)} | ${ms(row.cpuDuties)} | ${times(row.cpu, row.cpuDuties)} | ${kB(row.heap)} | ${kB(row.heapProbe)} | ${times(row.heap, row.heapProbe)} | ${ms(row.script)} (${ms(row.scriptProbe)}) | ${ms(row.task)} (${ms(row.taskProbe)}) | ${ms(row.longestTask)} | ${row.readPage ? 'reads' : 'no'} / ${row.engineLoaded ? 'engine' : 'no'} |`;
  for (const row of quiet) out(taxLine(row));
  out(
    '',
    '### Where it highlights',
    '',
    '| page | case | main thread, ms | probe | extension ÷ probe | probe with duties | extension ÷ probe with duties | heap, kB | probe | extension ÷ probe | ScriptDuration, ms (probe) | TaskDuration, ms (probe) | longest task, ms | reads / engine |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const row of showing) out(taxLine(row));

  out(
    '',
    '## First highlight',
    '',
    'From the content script’s start to the frame that paints the first highlight in the viewport, seen from the page’s own world (a separate load, as the watcher runs each frame). In "only pages about mental health" a page’s highlights are shown once its first pass has judged it, so the whole scan comes first.',
    '',
    '| page | case | first highlight painted, ms | loads with no highlight in view |',
    '|---|---|---|---|',
  );
  for (const row of firstHighlight) {
    out(`| ${row.name} | ${caseLabel[row.case]} | ${ms(row.firstHighlight)} | ${row.outOfView} |`);
  }

  out(
    '',
    '## Scan work',
    '',
    'The engine’s scan of each page in "everywhere" (`mhx:scan-work`: its own slices, without the pauses between them), against the plainest scans: the **bare walk** (a TreeWalker over every text node), the **minimal scan** (that walk, mark.js’s expression on each node and a CSS highlight per match, in an isolated world, cold, as a content script’s first scan runs: it skips nothing, reads no term across formatting and rules nothing out), **text at once** (the body’s text in one call, the expression run over it once, one range per match left unplaced) and **mark.js** `markRegExp`, in the page’s world and in an isolated one. The longest task is any task over 50 ms the page saw while the scan ran and painted, in wall time, the page’s own and time the machine gave to other work included: shown for reference; the target judges the extension’s own tasks (page tax).',
    '',
    '| page | bare walk | scan | scan ÷ walk | walk, isolated | minimal scan, isolated | scan ÷ minimal | text at once, isolated | mark.js | mark.js ÷ scan | mark.js, isolated | longest task seen (wall, any) | 1,000 terms ÷ real |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const row of scanWork.rows) {
    out(
      `| ${row.name} | ${ms(row.walk)} | ${ms(row.scan)} | ${times(row.scan, row.walk)} | ${ms(row.isolatedWalk)} | ${ms(row.minimal)} | ${times(row.scan, row.minimal)} | ${ms(row.textAtOnce)} | ${ms(row.mark)} | ${times(row.mark, row.scan)} | ${ms(row.isolatedMark)} | ${row.longest > 0 ? ms(row.longest) : 'none over 50'} | ${times(row.inflated, row.scan)} |`,
    );
  }
  if (big) {
    out(
      '',
      `Rescan after appending 100 paragraphs to ${big.name}: ${ms(big.rescan)} ms, ${times(big.rescan, big.scan)} of its full scan.`,
    );
  }

  out('', '## Firefox', '');
  if (firefox.unavailable) {
    out(`Not measured in this run: ${firefox.unavailable}.`);
  } else {
    const chromiumScan = Object.fromEntries(scanWork.rows.map((row) => [row.name, row]));
    out(
      `${firefox.browser}, with the same build for Firefox, in "everywhere", medians of ${pageTax.runs} loads. Firefox lets a page read the User Timing entries its content scripts record, so the engine’s scan work, its whole scan and the first highlight (from the engine’s start) are measured as in Chromium. Firefox runs content scripts through Xray wrappers, and automation cannot run code in that world: the minimal scan runs in the page’s own world, a floor rather than a like-for-like yardstick. Page tax is not measured in Firefox: ${FIREFOX_PAGE_TAX}.`,
      '',
      '| page | scan work, Firefox | whole scan, Firefox | minimal scan, page world | scan ÷ minimal | scan work, Chromium | Firefox ÷ Chromium | first highlight after the engine’s start, Firefox |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const row of firefox.rows) {
      const chromium = chromiumScan[row.name];
      out(
        `| ${row.name} | ${ms(row.scan)} | ${ms(row.wall)} | ${ms(row.minimal)} | ${times(row.scan, row.minimal)} | ${ms(chromium?.scan)} | ${times(row.scan, chromium?.scan)} | ${row.firstHighlight === null ? 'none in view' : ms(row.firstHighlight)} |`,
      );
    }
  }

  out('', '## Script sizes', '', '| file | loaded | bytes | gzip |', '|---|---|---|---|');
  for (const size of sizes) {
    out(`| ${size.file} | ${size.loaded} | ${size.bytes.toLocaleString('en')} | ${(size.gzip / 1024).toFixed(1)} kB |`);
  }

  out(
    '',
    '## Matcher engines',
    '',
    `Finding the glossary’s terms in ${matcherEngines.corpus} (${(matcherEngines.characters / 1e6).toFixed(1)} million characters), Node ${matcherEngines.node} (V8), median of ${matcherEngines.runs} (ms). The automaton gets the spellings lower-cased and the text lower-cased, and knows no white-space runs, word edges or exclusions: it does less than the matcher beside it.`,
    '',
    '| glossary | trie expression, whole matcher | Aho-Corasick (@monyone/aho-corasick, fast) | of which lower-casing the text | Aho-Corasick ÷ expression |',
    '|---|---|---|---|---|',
  );
  for (const row of matcherEngines.rows) {
    out(
      `| ${row.glossary} | ${ms(row.expression)} (${row.expressionFound} found) | ${ms(row.aho)} (${row.ahoFound} found) | ${ms(row.lowerCasing)} | ${times(row.aho, row.expression)} |`,
    );
  }
  if (researchLog.length > 0) out('', ...researchLog);
  out('');
  return lines.join('\n');
}
