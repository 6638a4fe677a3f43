// The page tax (issue 21): what the extension adds to every page a reader opens. Each page — the
// shared corpus, the generated pages and a bare page like example.com — is loaded in Chromium
// without any extension, with the probe, with the probe that also does a gate's duties
// (bench/probe-extension.mjs), and with the built extension in each case below, interleaved run by
// run. Added = a configuration's median minus the median without any extension.
import { rm } from 'node:fs/promises';
import { startServer } from '../tests/support/e2e.mjs';
import { launchChromium, loadAndMeasure } from './bench-browser.mjs';
import { benchPages, glossaryRegExpSource, median } from './bench-pages.mjs';
import { buildProbeExtension } from './probe-extension.mjs';

/**
 * The settings the extension is measured with. `shows`: whether it may highlight the page there
 * (the targets differ); `everywhereOnly`: measured only on pages that hold terms.
 */
export const TAX_CASES = [
  { id: 'default', label: 'only pages about mental health (the default)', settings: { mode: 'mental-health-pages' } },
  { id: 'everywhere', label: 'everywhere', settings: { mode: 'everywhere' }, onlyPagesWithTerms: true },
  { id: 'site-off', label: 'site switched off', settings: { mode: 'mental-health-pages', rules: ['-h 127.0.0.1'] } },
  { id: 'chosen-no-rule', label: 'only sites I choose, no rule for it', settings: { mode: 'chosen-sites' } },
];

const YARDSTICKS = ['none', 'probe', 'duties'];

function stripped(html) {
  return html.replace(/<(script|style)[\s\S]*?<\/\1>/giu, ' ').replace(/<[^>]*>/gu, ' ');
}

/**
 * Measures every page in every configuration, `runs` times. Returns per page and configuration the
 * medians of the measures, whether the extension highlighted anything, and the recorded marks.
 */
export async function measurePageTax({ extensionDir, runs, log = () => {} }) {
  const pages = benchPages({ bare: true });
  const regExpSource = glossaryRegExpSource();
  const probeDirs = {
    probe: await buildProbeExtension(regExpSource),
    duties: await buildProbeExtension(regExpSource, { duties: true }),
  };
  const server = await startServer({
    routes: Object.fromEntries(Object.entries(pages).map(([n, html]) => [`/${n}`, html])),
  });
  const sessions = {
    none: await launchChromium(null),
    probe: await launchChromium(probeDirs.probe),
    duties: await launchChromium(probeDirs.duties),
    extension: await launchChromium(extensionDir),
  };
  const names = Object.keys(pages);
  const hasTerms = Object.fromEntries(
    names.map((name) => [name, new RegExp(regExpSource, 'i').test(stripped(pages[name]))]),
  );
  const samples = {};
  const add = (name, config, value) => {
    samples[name] ??= {};
    samples[name][config] ??= [];
    samples[name][config].push(value);
  };
  try {
    for (let run = 0; run < runs; run++) {
      for (const name of names) {
        const url = server.url(name);
        for (const yardstick of YARDSTICKS) add(name, yardstick, await loadAndMeasure(sessions[yardstick], url));
        for (const taxCase of TAX_CASES) {
          if (taxCase.onlyPagesWithTerms && !hasTerms[name]) continue;
          await sessions.extension.setSettings(taxCase.settings);
          add(name, taxCase.id, await loadAndMeasure(sessions.extension, url));
        }
      }
      log(`page tax: run ${run + 1} of ${runs}`);
    }
  } finally {
    await Promise.all(Object.values(sessions).map((session) => session.close()));
    await server.close();
    await Promise.all(Object.values(probeDirs).map((dir) => rm(dir, { recursive: true, force: true })));
  }
  const summary = (values) => ({
    script: median(values.map((v) => v.script)),
    task: median(values.map((v) => v.task)),
    heap: median(values.map((v) => v.heap)),
    cpu: median(values.map((v) => v.cpu)),
    longestTask: Math.max(...values.map((v) => v.longestTask)),
    shows: values.some((v) => v.highlights > 0),
    /** Whether any load highlighted something, and whether any read the page at all. */
    engineLoaded: values.some((v) => v.marks.some((mark) => mark.name === 'mhx:engine')),
    readPage: values.some((v) => v.marks.some((mark) => mark.name === 'mhx:scan')),
  });
  return {
    browser: sessions.none.version,
    runs,
    pages: names.map((name) => ({
      name,
      hasTerms: hasTerms[name],
      configs: Object.fromEntries(Object.entries(samples[name]).map(([config, values]) => [config, summary(values)])),
    })),
  };
}

/**
 * How long after the content script's start the first highlight in the viewport is painted: the
 * extension's `mhx:engine` measure starts when the content script did, and a watcher in the page's
 * own world notes the first frame whose highlight holds a range on screen. Loaded apart from the
 * page-tax loads, as the watcher runs script of its own every frame until then.
 */
export async function measureFirstHighlight({ extensionDir, runs, log = () => {} }) {
  const pages = benchPages();
  const regExpSource = glossaryRegExpSource();
  const server = await startServer({
    routes: Object.fromEntries(Object.entries(pages).map(([n, html]) => [`/${n}`, html])),
  });
  const extension = await launchChromium(extensionDir);
  const rows = [];
  try {
    for (const taxCase of TAX_CASES.filter(({ id }) => id === 'default' || id === 'everywhere')) {
      await extension.setSettings(taxCase.settings);
      for (const [name, html] of Object.entries(pages)) {
        if (!new RegExp(regExpSource, 'i').test(stripped(html))) continue;
        const waits = [];
        let outOfView = 0;
        for (let run = 0; run < runs; run++) {
          const measured = await loadAndMeasure(extension, server.url(name), { watchFirstHighlight: true });
          const start = measured.marks.find((mark) => mark.name === 'mhx:engine')?.startTime;
          if (start !== undefined && measured.firstHighlightAt !== null) waits.push(measured.firstHighlightAt - start);
          else if (measured.highlights > 0) outOfView++;
        }
        // Pages the default mode leaves alone have no first highlight to wait for.
        if (waits.length > 0 || outOfView > 0) {
          rows.push({ name, case: taxCase.id, firstHighlight: waits.length > 0 ? median(waits) : null, outOfView });
        }
        log(`first highlight: ${taxCase.id} ${name}`);
      }
    }
  } finally {
    await extension.close();
    await server.close();
  }
  return rows;
}
