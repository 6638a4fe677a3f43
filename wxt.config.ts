import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { type Plugin, runnerImport } from 'vite';
import { defineConfig } from 'wxt';
import { browserSpecificManifest, pageScriptAccess } from './utils/browser-differences';
import { siteSwitchCommandManifest } from './utils/site-switch-command';
import { termStepCommandsManifest } from './utils/term-step-commands';

/**
 * `wxt build --mode bench1000` (used by `npm run bench` only) swaps in a glossary inflated to
 * 1,000 terms, to measure that matching cost stays flat as the glossary grows.
 */
function inflatedGlossaryForBenchmark(mode: string): Plugin | null {
  const size = /^bench(\d+)$/u.exec(mode)?.[1];
  if (size === undefined) return null;
  const glossaryPath = resolve('content/glossary.ts');
  return {
    name: 'mhx:inflated-glossary',
    enforce: 'pre',
    load(id) {
      if (id !== glossaryPath) return null;
      const real = readFileSync(glossaryPath, 'utf8').replace(
        /export const glossary(?=\s*[:=])/u,
        'const realGlossary',
      );
      return `${real}\nimport { inflateGlossary } from '${resolve('bench/inflate-glossary.ts')}';\nexport const glossary = inflateGlossary(realGlossary, ${size});\n`;
    },
  };
}

/**
 * Runs a module of content/ once at build time and bundles what it exports as plain JSON, so pages
 * run neither the code that works it out nor the code that checks it. An error it throws (a file
 * that fails its schema) fails the build. Tests, and any other importer, run the module itself,
 * which computes and checks the same.
 */
function evaluatedAtBuildTime(name: string, modulePath: string, watchFiles: string[]): Plugin {
  const file = resolve(modulePath);
  return {
    name,
    enforce: 'pre',
    async load(id) {
      if (id !== file) return null;
      for (const watched of watchFiles) this.addWatchFile(resolve(watched));
      const { module } = await runnerImport<Record<string, unknown>>(file, {
        configFile: false,
        logLevel: 'silent',
        resolve: { alias: { '@': resolve('.') } },
      });
      return Object.entries(module)
        .map(([key, value]) => `export const ${key} = ${JSON.stringify(value)};\n`)
        .join('');
    },
  };
}

/** The scripts the content script loads where they are wanted: the term engine and the hover card. */
const PAGE_SCRIPT_ENTRIES = ['/entrypoints/explainer-engine.ts', '/entrypoints/term-card.ts'];

/** Whether WXT is building a script that runs in web pages: a content script or one it loads. */
function isPageScriptEntry(entry: unknown): boolean {
  return (
    typeof entry === 'string' &&
    (entry.startsWith('virtual:wxt-content-script-') || PAGE_SCRIPT_ENTRIES.some((file) => entry.endsWith(file)))
  );
}

/**
 * Pages carry only what matching needs of the glossary, already compiled for the matcher
 * (content/compiled-glossary.ts): worked out at build time, so no summary, citation or related
 * term is in the content script (those come with the card script), and no page runs the trie
 * compiler. The benchmark's inflated glossary is made at run time (above), so there the module runs as is.
 */
function compiledGlossaryAtBuildTime(mode: string): Plugin | null {
  if (/^bench\d+$/u.test(mode)) return null;
  return evaluatedAtBuildTime('mhx:compiled-glossary', 'content/compiled-glossary.ts', ['content/glossary.ts']);
}

/**
 * The help lines (content/help-lines.ts) are checked against their schema here: a file that fails
 * it fails the build, never a page, and no bundle carries the schema library.
 */
function checkedHelpLinesAtBuildTime(): Plugin {
  return evaluatedAtBuildTime('mhx:checked-help-lines', 'content/help-lines.ts', ['content/help-lines.json']);
}

/**
 * The scripts that run in web pages — the content script and the scripts it loads — use the
 * browsers' own extension API rather than webextension-polyfill (~3 kB gzip of the content script's
 * 15 kB budget, issue 3): all they call — storage `get` and `onChanged`, `runtime.id`,
 * `runtime.getURL` — returns promises natively in Chromium's Manifest V3, Firefox's `browser` is what
 * the polyfill hands out there anyway, and messaging (@webext-core/messaging) calls `chrome.*` itself.
 * Extension pages and the background keep the polyfill.
 */
function nativeExtensionApiInPageScripts(): Plugin {
  let inPages = false;
  return {
    name: 'mhx:native-extension-api-in-page-scripts',
    enforce: 'pre',
    configResolved(config) {
      // WXT builds each content or unlisted script on its own; a content script's entry is virtual,
      // named after its world, and an unlisted script's (entrypoints/term-card.ts) names the file.
      inPages = isPageScriptEntry(config.build.lib ? config.build.lib.entry : undefined);
    },
    resolveId(source, importer) {
      // What the polyfill module aliases `wxt/browser` to; WXT's own `wxt/browser` is @wxt-dev/browser.
      if (!inPages || source !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

/**
 * Content scripts, which every page loads, and the term engine they load are minified with Terser
 * rather than esbuild: 0.5 kB smaller gzipped (15.2 → 14.7 kB when the engine was the content
 * script), for a build a few seconds slower. Other bundles keep esbuild's output, whose shapes the
 * build tests and web-ext lint know.
 */
function terserForContentScripts(): Plugin {
  return {
    name: 'mhx:terser-for-content-scripts',
    config(config) {
      const lib = config.build?.lib;
      const entry = lib ? lib.entry : undefined;
      const engine = typeof entry === 'string' && entry.endsWith('/entrypoints/explainer-engine.ts');
      if (typeof entry !== 'string' || !(entry.startsWith('virtual:wxt-content-script-') || engine)) return null;
      // In the engine functions stay where they are written: Terser's inlining made the scan of a feed
      // 15% slower. A wrapped IIFE is what WXT's anonymous output for the page-world script looks for.
      const compress =
        engine || process.env.MHX_NO_INLINE
          ? ({ passes: 2, inline: false, reduce_funcs: false } as const)
          : ({ passes: 2 } as const);
      return { build: { minify: 'terser', terserOptions: { compress, format: { wrap_iife: true } } } };
    },
  };
}

/**
 * Extension pages (popup, reader, background) load only the extension's own scripts, styles and
 * images and may connect nowhere: no remote code, no eval, no network, even if a dependency tried.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Lets parallel work build into separate folders (e.g. MHX_OUT_DIR=.output-mine); the default is WXT's.
  outDir: process.env.MHX_OUT_DIR ?? '.output',
  // Explicit imports keep every module's dependencies visible to the boundary lint.
  imports: false,
  // Manifest V3 for Firefox too (WXT's Firefox default is V2): Firefox 140 ESR runs V3 fully and grants
  // the content script's host access at install, so both browsers get the same manifest, the same
  // `action` API and a platform-enforced ban on remote code and eval in extension pages.
  manifestVersion: 3,
  vite: (env) => ({
    plugins: [
      preact({ prefreshEnabled: false, devToolsEnabled: false }),
      inflatedGlossaryForBenchmark(env.mode),
      compiledGlossaryAtBuildTime(env.mode),
      checkedHelpLinesAtBuildTime(),
      nativeExtensionApiInPageScripts(),
      terserForContentScripts(),
    ],
  }),
  manifest: ({ browser, command }) => ({
    name: 'Mental Health Explainer',
    description:
      'Explains mental-health terms where you read about them, from a bundled article series. Runs entirely in your browser.',
    // contextMenus: the "turn highlighting on or off for this site" entry. No "tabs", no host permissions.
    permissions: ['storage', 'contextMenus'],
    action: { default_title: 'Mental Health Explainer' },
    // Dev mode (`wxt`) keeps WXT's own policy: its reloader needs a connection to the dev server.
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    commands: { ...termStepCommandsManifest(), ...siteSwitchCommandManifest() },
    // The term engine's and the hover card's scripts, loaded by the content script where they are
    // wanted; the only files pages can reach (see pageScriptAccess).
    web_accessible_resources: pageScriptAccess(browser),
    // What differs between the browsers, and why: utils/browser-differences.ts.
    ...browserSpecificManifest(browser),
  }),
  zip: {
    // The sources zip is what a store reviewer builds from: the code and its lockfile, not tests or
    // test output (hidden files, node_modules and the build output are left out by WXT already).
    excludeSources: ['tests/**', 'test-results/**', '**/*.log', 'stats.html'],
  },
});
