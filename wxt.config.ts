import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { browserSpecificManifest } from './utils/browser-differences';
import { siteCommandsManifest } from './utils/site-commands';
import { termCommandsManifest } from './utils/term-commands';

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
      const real = readFileSync(glossaryPath, 'utf8').replace('export const glossary', 'const realGlossary');
      return `${real}\nimport { inflateGlossary } from '${resolve('bench/inflate-glossary.ts')}';\nexport const glossary = inflateGlossary(realGlossary, ${size});\n`;
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
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false }), inflatedGlossaryForBenchmark(env.mode)],
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
    commands: { ...termCommandsManifest(), ...siteCommandsManifest() },
    // What differs between the browsers, and why: utils/browser-differences.ts.
    ...browserSpecificManifest(browser),
  }),
  zip: {
    // The sources zip is what a store reviewer builds from: the code and its lockfile, not tests or
    // test output (hidden files, node_modules and the build output are left out by WXT already).
    excludeSources: ['tests/**', 'test-results/**', '**/*.log', 'stats.html'],
  },
});
