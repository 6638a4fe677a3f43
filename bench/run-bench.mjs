// `npm run bench` (after building the extension twice: as it ships, and with a 1,000-term glossary):
// measures the page tax, the first highlight, the scan and the matcher engines side by side in one
// run, and writes docs/performance.md from the figures (bench/performance-report.mjs), printing it too.
// BENCH_RUNS sets the runs per measure (5 by default, at least 5 for the file); BENCH_PAGES=a.html,b.html
// measures only those pages and prints the report without writing the file.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './bench-pages.mjs';
import { measureFirefoxScan } from './firefox-scan.mjs';
import { measureMatcherEngines } from './matcher-engines.mjs';
import { measureFirstHighlight, measurePageTax, TAX_CASES } from './page-tax.mjs';
import { renderPerformanceReport } from './performance-report.mjs';
import { measureResearchLog } from './research-log-bench.mjs';
import { measureScanWork } from './scan-work.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const OUT_DIR = path.resolve(ROOT, process.env.MHX_OUT_DIR ?? '.output');
const REAL_BUILD = path.join(OUT_DIR, 'chrome-mv3');
const INFLATED_BUILD = path.join(OUT_DIR, 'chrome-mv3-bench1000');
const REPORT = path.join(ROOT, 'docs/performance.md');
const partial = process.env.BENCH_PAGES !== undefined || RUNS < 5;

/** The scripts pages load, gzipped: what every page loads, and what the gate or the engine loads where wanted. */
const SCRIPTS = [
  ['content-scripts/explainer.js', 'every page (the gate)'],
  ['mhx-page-signals.js', 'where a page will be highlighted, in its own world'],
  ['explainer-engine.js', 'where a page will be highlighted'],
  ['term-card.js', 'with the first card'],
];

function environment() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGb: (os.totalmem() / 1024 ** 3).toFixed(0),
    load: os.loadavg()[0].toFixed(1),
    node: process.versions.node,
  };
}

const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
  for (const dir of [REAL_BUILD, INFLATED_BUILD]) {
    if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run \`npm run bench\`.`);
  }
  const env = environment();
  const pageTax = await measurePageTax({ extensionDir: REAL_BUILD, runs: RUNS, log });
  const firstHighlight = await measureFirstHighlight({ extensionDir: REAL_BUILD, runs: RUNS, log });
  const scanWork = await measureScanWork({ realBuild: REAL_BUILD, inflatedBuild: INFLATED_BUILD, runs: RUNS, log });
  const firefox = await measureFirefoxScan({ runs: RUNS, log });
  const matcherEngines = await measureMatcherEngines();
  // The research log only where the whole report is written (it takes minutes: 100,000 visits).
  const researchLog = partial ? [] : await measureResearchLog();
  const sizes = SCRIPTS.map(([file, loaded]) => {
    const bytes = readFileSync(path.join(REAL_BUILD, file));
    return { file, loaded, bytes: bytes.length, gzip: gzipSync(bytes).length };
  });
  const report = renderPerformanceReport({
    environment: { ...env, chromium: pageTax.browser },
    pageTax,
    firstHighlight,
    scanWork,
    firefox,
    matcherEngines,
    researchLog,
    sizes,
    cases: TAX_CASES,
  });
  if (partial) {
    console.log(report);
    log('A partial run (BENCH_PAGES, or fewer than 5 runs): docs/performance.md is left as it was.');
    return;
  }
  writeFileSync(REPORT, report);
  // The repository's formatter lays out Markdown tables; the file is committed as it leaves it.
  execFileSync(path.join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', REPORT], { stdio: 'ignore' });
  console.log(readFileSync(REPORT, 'utf8'));
}

await main();
