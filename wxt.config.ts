import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

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

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Lets parallel work build into separate folders (e.g. MHX_OUT_DIR=.output-mine); the default is WXT's.
  outDir: process.env.MHX_OUT_DIR ?? '.output',
  // Explicit imports keep every module's dependencies visible to the boundary lint.
  imports: false,
  vite: (env) => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false }), inflatedGlossaryForBenchmark(env.mode)],
  }),
  manifest: ({ browser }) => ({
    name: 'Mental Health Explainer',
    description:
      'Explains mental-health terms where you read about them, from a bundled article series. Runs entirely in your browser.',
    permissions: ['storage'],
    action: { default_title: 'Mental Health Explainer' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'explainer@mental-health-explainer.local', strict_min_version: '140.0' },
          },
        }
      : {}),
  }),
});
