// Accessibility checks with axe-core, the same in every browser: axe's own source is run in the tab
// (through the automation protocol, which a page's or an extension page's CSP does not stop) and
// asked for violations. @axe-core/playwright does the same in Chromium only.
import axe from 'axe-core';

/**
 * The axe violations in `tab` (a BrowserTab), as { id, impact, help, targets }. `include` narrows the
 * check to part of the page, as axe's context takes it: a selector, or for shadow roots a list of
 * selectors from the document inwards (['mhx-explainer', '.term-card']).
 */
export async function axeViolations(tab, { include } = {}) {
  const loaded = await tab.evaluate('typeof window.axe === "object" && typeof window.axe.run === "function"');
  if (!loaded) await tab.evaluate(`${axe.source};void 0`);
  const context = include === undefined ? 'document' : JSON.stringify({ include: [include] });
  return tab.evaluate(
    `axe.run(${context}, { resultTypes: ['violations'] }).then((result) => result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target),
    })))`,
  );
}
