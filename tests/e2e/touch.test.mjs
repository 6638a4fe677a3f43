// Touch screens (issue 20): on a 360 px wide phone screen the popup, the options page, the reader
// and the first-run page fit its width, light and dark.
import assert from 'node:assert/strict';
import { assertNoErrors, launchExtension, test, useSession } from '../support/e2e.mjs';

const PHONE = { width: 360, height: 740 };

const env = useSession({ launch: { touch: true, viewport: PHONE, highlightMode: 'everywhere' } });

for (const scheme of ['light', 'dark']) {
  test(`on a 360 px wide touch screen the popup, options page, reader and first-run page fit its width (${scheme})`, async () => {
    const phone = await launchExtension({ touch: true, viewport: PHONE, colorScheme: scheme });
    try {
      const article = await phone.openTab(env.server.url('article.html'));
      for (const [name, pagePath] of [
        ['popup', `popup.html?tab=${article.tabId}`],
        ['options', 'options.html'],
        ['reader', 'reader.html'],
        ['welcome', 'welcome.html'],
      ]) {
        const page = await phone.openExtensionPage(pagePath, { viewport: PHONE });
        try {
          await page.waitFor('h1');
          const widths = await page.evaluate(() => ({
            page: document.documentElement.scrollWidth,
            viewport: document.documentElement.clientWidth,
          }));
          assert.ok(widths.page <= widths.viewport, `${name} is ${widths.page} px wide at ${widths.viewport} px`);
          await page.screenshot(`phone-${name}-${scheme}.png`);
          assertNoErrors(page);
        } finally {
          await page.close();
        }
      }
    } finally {
      await phone.close();
    }
  });
}
