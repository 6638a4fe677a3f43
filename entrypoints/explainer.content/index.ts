import { defineContentScript } from 'wxt/utils/define-content-script';
import { glossarySpellings } from '@/content/compiled-glossary';
import { importEngineModule } from '@/page/engine/engine-module';
import { runPageGate } from '@/page/gate/page-gate';
import './highlight.css';

const startedAt = performance.now();

/**
 * What every page loads: the gate (page/gate/page-gate.ts), which loads the term engine
 * (entrypoints/explainer-engine.ts) only where the page will be highlighted.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  main(ctx) {
    runPageGate(ctx, { prefix: 'mhx', glossary: glossarySpellings, loadEngine: importEngineModule, startedAt });
  },
});
