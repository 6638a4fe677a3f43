// User paths for the reader's own choices on the extension's pages (issue 20): the options page's
// highlight style, density, card opening, text size and hidden terms; the popup's quick choice of
// style; every page by keyboard alone, with no axe violations, light and dark, and on a 360 px wide
// phone screen.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertNoErrors, axeViolations, poll, test, useSession, waitForHighlights } from '../support/e2e.mjs';

const env = useSession({ launch: { highlightMode: 'everywhere' } });

/** What a fresh options page shows checked, by setting name. */
async function storedChoices(names) {
  const page = await env.session.openExtensionPage('options.html');
  try {
    await page.waitFor('input[name="highlightStyle"]', { state: 'attached' });
    return await page.evaluate(
      (names) =>
        Object.fromEntries(
          names.map((name) => [name, document.querySelector(`input[name="${name}"]:checked`)?.value ?? null]),
        ),
      names,
    );
  } finally {
    await page.close();
  }
}

const untilStored = (expected) =>
  poll(
    async () => {
      const shown = await storedChoices(Object.keys(expected));
      return JSON.stringify(shown) === JSON.stringify(expected) ? shown : null;
    },
    { message: `${JSON.stringify(expected)} to be stored` },
  );

test('the options page saves the highlight style, the density, how cards open and their text size', async () => {
  const options = await env.session.openExtensionPage('options.html');
  try {
    await options.waitFor('input[name="highlightDensity"]', { state: 'attached' });
    // The defaults: today's look, the first occurrence in each section (decision 040), cards on hover.
    assert.deepEqual(await storedChoices(['highlightStyle', 'highlightDensity', 'cardTrigger', 'cardTextSize']), {
      highlightStyle: 'background',
      highlightDensity: 'first-in-section',
      cardTrigger: 'hover',
      cardTextSize: 'normal',
    });
    await options.check('input[name="highlightStyle"][value="underline"]');
    await options.check('input[name="highlightDensity"][value="every"]');
    await options.check('input[name="cardTrigger"][value="hover-with-key"]');
    await options.selectOption('#card-trigger-key', 'Shift');
    await options.check('input[name="cardTextSize"][value="large"]');
    await untilStored({
      highlightStyle: 'underline',
      highlightDensity: 'every',
      cardTrigger: 'hover-with-key',
      cardTextSize: 'large',
    });
    const again = await env.session.openExtensionPage('options.html');
    try {
      await again.waitFor('#card-trigger-key');
      assert.equal(await again.property('#card-trigger-key', 'value'), 'Shift');
    } finally {
      await again.close();
    }
    // Back to the defaults for the tests that follow.
    await options.check('input[name="highlightStyle"][value="background"]');
    await options.check('input[name="cardTrigger"][value="hover"]');
    await options.check('input[name="cardTextSize"][value="normal"]');
    await untilStored({ highlightStyle: 'background', cardTrigger: 'hover', cardTextSize: 'normal' });
    assertNoErrors(options);
  } finally {
    await options.close();
  }
});

test('hidden terms are listed on the options page by name, and each comes back', async () => {
  const file = path.join(tmpdir(), `mhx-hidden-${process.pid}.json`);
  await writeFile(
    file,
    JSON.stringify({
      format: 'mental-health-explainer-settings',
      version: 3,
      mode: 'everywhere',
      hiddenTerms: ['ssri', 'ketamine'],
      rules: [],
    }),
  );
  const options = await env.session.openExtensionPage('options.html');
  try {
    await options.waitFor('#import-file', { state: 'attached' });
    await options.waitFor('.hidden-terms-empty');
    await options.setInputFile('#import-file', file);
    await options.click('label', { hasText: /^\s*Replace:/u });
    await options.click('button', { hasText: /^Import$/u });
    await options.waitFor('.hidden-terms li', { hasText: 'Ketamine' });
    assert.deepEqual(await options.texts('.hidden-term-name'), ['SSRI', 'Ketamine']);
    // A page with both terms shows neither.
    const article = await env.session.openTab(env.server.url('article.html'));
    await poll(
      async () => {
        const texts = await article.evaluate(() =>
          [...(CSS.highlights.get('mhx-term') ?? [])].map((range) => range.toString().toLowerCase()),
        );
        return texts.length > 0 && !texts.some((text) => /ssri|ketamine/u.test(text));
      },
      { message: 'the hidden terms to stay unhighlighted' },
    );
    await options.click('button[aria-label="Show again: SSRI"]');
    await options.waitFor('.hidden-term-name', { hasText: 'SSRI', state: 'detached' });
    assert.deepEqual(await options.texts('.hidden-term-name'), ['Ketamine']);
    await poll(
      async () =>
        article.evaluate(() =>
          [...(CSS.highlights.get('mhx-term') ?? [])].some((range) => /ssri/iu.test(range.toString())),
        ),
      { message: 'SSRI to be highlighted again' },
    );
    await options.click('button[aria-label="Show again: Ketamine"]');
    await options.waitFor('.hidden-terms-empty');
    await article.close();
    assertNoErrors(options);
  } finally {
    await options.close();
  }
});

test("the popup's quick choice of style is saved, and the options page shows it", async () => {
  const article = await env.session.openTab(env.server.url('article.html'));
  await waitForHighlights(article);
  const popup = await env.session.openPopup(article.tabId);
  try {
    await popup.waitFor('.style-choice.compact input[value="subtle"]', { state: 'attached' });
    assert.equal(await popup.isChecked('.style-choice input[value="background"]'), true);
    await popup.click('.style-choice label', { hasText: 'Subtle' });
    await untilStored({ highlightStyle: 'subtle' });
    await popup.click('.style-choice label', { hasText: 'Background' });
    await untilStored({ highlightStyle: 'background' });
    assertNoErrors(popup);
  } finally {
    await popup.close();
    await article.close();
  }
});

test('the options page works by keyboard alone: arrow keys choose a style, Tab reaches every control', async () => {
  const options = await env.session.openExtensionPage('options.html');
  try {
    await options.waitFor('input[name="highlightStyle"]', { state: 'attached' });
    await options.focus('input[name="highlightStyle"][value="background"]');
    await options.press('ArrowDown');
    await untilStored({ highlightStyle: 'underline' });
    await options.press('ArrowUp');
    await untilStored({ highlightStyle: 'background' });
    // Tab from the density choice reaches the card choices and the hidden-term section's controls in order.
    await options.focus('input[name="highlightDensity"]:checked');
    await options.press('Tab');
    assert.equal((await options.focused())?.localName, 'input');
    assert.equal(await options.evaluate(() => document.activeElement?.name), 'cardTrigger');
    await options.press('Tab');
    assert.equal(await options.evaluate(() => document.activeElement?.id), 'card-trigger-key');
  } finally {
    await options.close();
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`options, popup and reader have no axe violations (${colorScheme}); screenshots`, async () => {
    const article = await env.session.openTab(env.server.url('article.html'));
    await waitForHighlights(article);
    const pages = [
      ['options', await env.session.openExtensionPage('options.html', { viewport: { width: 900, height: 1600 } })],
      ['popup', await env.session.openPopup(article.tabId)],
      ['reader', await env.session.openExtensionPage('reader.html')],
    ];
    try {
      for (const [name, page] of pages) {
        await page.emulateMedia({ colorScheme });
        await page.waitFor({ options: '#hidden-title', popup: '.style-choice', reader: 'h1' }[name]);
        assert.deepEqual(await axeViolations(page), [], `${name} (${colorScheme})`);
        if (name !== 'reader') {
          await page.screenshot(`${name}-choices-${colorScheme}.png`, { fullPage: name === 'options' });
        }
      }
    } finally {
      for (const [, page] of pages) await page.close();
      await article.close();
    }
  });
}
