// axe-core in any tab of either browser: the engine's source is evaluated in the page through the
// automation protocol (which neither a page's nor an extension page's CSP governs), then run there.
// The one accessibility helper of the suites (decision 033).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The accessibility violations axe finds in the tab's document (open shadow roots included), each
 * as { id, impact, help, targets }. `include` narrows the check to what one selector names; an array
 * of selectors steps into shadow roots (['mhx-explainer', '.term-card']: the card in its host's
 * shadow root). axe fails, rather than finding nothing, when `include` names no element.
 */
export async function axeViolations(tab, { include } = {}) {
  const loaded = await tab.evaluate('typeof window.axe === "object"');
  if (!loaded) await tab.evaluate(`${AXE_SOURCE};void 0`);
  const context = include === undefined ? 'document' : JSON.stringify({ include: [include] });
  return tab.evaluate(
    `axe.run(${context}, { resultTypes: ['violations'] }).then((results) => results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    })))`,
  );
}
