// Editors: a rich-text editor with formatting, editables nested in a read-only page (plaintext-only,
// a read-only island, click-to-edit), <textarea> and <input>, and a design-mode frame. Typing there
// keeps every keystroke and the caret where the writer put it, nothing inside is highlighted, and
// the page around keeps being highlighted while the writer types, the page changing all the while.
import assert from 'node:assert/strict';
import {
  assertNoErrors,
  highlightedRanges,
  poll,
  test,
  useSession,
  waitForHighlights,
  waitForScan,
} from '../support/e2e.mjs';
import { highlightTexts, html } from './hostile-kit.mjs';

/** Keeps the extension busy while the writer types: a paragraph with a term, outside any editor, every 50 ms. */
const BUSY_PAGE = `<section id="news"></section><script>
  window.startNews = () => {
    let n = 0;
    window.newsTimer = setInterval(() => {
      const item = document.createElement('p');
      item.className = 'news';
      item.textContent = 'News ' + n++ + ': glutamate again.';
      document.getElementById('news').append(item);
    }, 50);
  };
  window.stopNews = () => { clearInterval(window.newsTimer); return document.querySelectorAll('.news').length; };
</script>`;

const TYPED = 'Then ketamine, SSRIs and selective serotonin reuptake inhibitors, typed fast: anxiety & depression!';

const ROUTES = {
  '/rich.html': html(
    '<p id="outside">Serotonin outside the editor.</p>' +
      '<div role="toolbar"><button id="bold" onmousedown="event.preventDefault(); document.execCommand(\'bold\')">B</button></div>' +
      '<div id="editor" contenteditable="true"><p>Draft about <b>ketamine</b> and anxiety.</p><p id="last">Psychotherapy ends it.</p></div>' +
      BUSY_PAGE,
  ),
  '/nested.html': html(
    '<article><h1>Comments on depression</h1><section><div class="comment"><p>Reply: <span id="plain" contenteditable="plaintext-only">I read about glutamate.</span></p></div></section>' +
      '<div id="doc" contenteditable="true"><p>Editable anxiety <span contenteditable="false" id="island">read-only ketamine island</span> then more.</p></div>' +
      '<p id="click-to-edit">Click to edit: psychotherapy works.</p></article>' +
      BUSY_PAGE +
      '<script>const target = document.getElementById("click-to-edit"); target.addEventListener("click", () => { target.contentEditable = "true"; target.focus(); }); window.save = () => { target.contentEditable = "false"; };</script>',
  ),
  '/fields.html': html(
    '<p>Serotonin outside the fields.</p><label>Notes <textarea id="area" rows="4" cols="60">Already here: ketamine.</textarea></label><label>Title <input id="field" value="SSRIs title"></label>' +
      BUSY_PAGE,
  ),
  '/design.html': html(
    '<p id="body-text">Designed anxiety text about ketamine.</p><script>document.designMode = "on";</script>',
  ),
  '/designer.html': html(
    `<p>SSRIs outside the frame.</p><iframe title="designer" src="/design.html" width="700" height="200"></iframe>${BUSY_PAGE}`,
  ),
};

// Every occurrence: the tests count them all (the default is the first in each section, decision 040).
const env = useSession({
  routes: ROUTES,
  launch: { highlightMode: 'everywhere', preferences: { highlightDensity: 'every' } },
});

/** The editor's text, and its text before the caret (the caret must be collapsed, inside it). */
function caretIn(frame, selector) {
  return frame.evaluate((selector) => {
    const editor = document.querySelector(selector);
    const selection = getSelection();
    if (!selection.isCollapsed || !editor.contains(selection.focusNode))
      return { text: editor.textContent, before: null };
    const range = document.createRange();
    range.setStart(editor, 0);
    range.setEnd(selection.focusNode, selection.focusOffset);
    return { text: editor.textContent, before: range.toString() };
  }, selector);
}

const editableHighlights = async (frame) =>
  (await highlightedRanges(frame)).filter((range) => range.editable).map((range) => range.text);

async function openBusy(path) {
  const page = await env.session.openTab(env.server.url(path));
  await waitForScan(page);
  await page.evaluate(() => window.startNews());
  return page;
}

/** Stops the news and waits until every news item is highlighted: the page kept being read during the typing. */
async function newsCaughtUp(page) {
  const items = await page.evaluate(() => window.stopNews());
  assert.ok(items > 0);
  await poll(
    async () =>
      (await highlightedRanges(page)).filter((range) => range.text === 'glutamate' && !range.editable).length >= items,
    { message: `all ${items} news items to be highlighted` },
  );
}

test('a rich-text editor: fast typing, a formatting command and caret moves lose nothing, and nothing in it is highlighted', async () => {
  const page = await openBusy('rich.html');
  await page.click('#last');
  await page.press('End');
  await page.type(` ${TYPED}`);
  // Bold the last word through the page's own toolbar, then carry on after it.
  for (let index = 0; index < 'depression!'.length; index++) await page.press('Shift+ArrowLeft');
  await page.click('#bold');
  await page.press('ArrowRight');
  await page.type(' More about glutamate.');
  // Back into the middle of the first paragraph: the caret lands between two highlighted-looking words.
  await page.click('#editor p');
  await page.press('Home');
  for (let index = 0; index < 'Draft'.length; index++) await page.press('ArrowRight');
  await page.type(' on serotonin');
  const expectedFirst = 'Draft on serotonin about ketamine and anxiety.';
  const expectedLast = `Psychotherapy ends it. ${TYPED} More about glutamate.`;
  const caret = await caretIn(page, '#editor');
  assert.equal(caret.text, expectedFirst + expectedLast, 'every keystroke landed, in order');
  assert.equal(caret.before, 'Draft on serotonin', 'the caret is where the writer left it');
  assert.equal(await page.count('#editor b', { hasText: 'depression!' }), 1, 'the page’s formatting applied');
  await newsCaughtUp(page);
  assert.deepEqual(await editableHighlights(page), [], 'nothing inside the editor is highlighted');
  assert.ok((await highlightTexts(page)).includes('Serotonin'), 'the text outside still is');
  assertNoErrors(page);
  await page.close();
});

test('editables nested in a read-only page: plaintext-only, a read-only island, click-to-edit', async () => {
  const page = await openBusy('nested.html');
  assert.deepEqual(await editableHighlights(page), []);
  assert.ok(
    !(await highlightTexts(page)).includes('ketamine'),
    'a read-only island inside an editor is part of the editor',
  );

  await page.click('#plain');
  await page.press('End');
  await page.type(' And SSRIs, quickly.');
  assert.deepEqual(await caretIn(page, '#plain'), {
    text: 'I read about glutamate. And SSRIs, quickly.',
    before: 'I read about glutamate. And SSRIs, quickly.',
  });

  await page.click('#doc p');
  await page.press('Home');
  await page.type('Depression: ');
  assert.equal((await caretIn(page, '#doc')).before, 'Depression: ');

  // A paragraph the page turns into an editor once it was already highlighted.
  assert.ok((await highlightTexts(page)).includes('psychotherapy'));
  await page.click('#click-to-edit');
  await page.press('End');
  await page.type(' Also ketamine.');
  assert.deepEqual(await caretIn(page, '#click-to-edit'), {
    text: 'Click to edit: psychotherapy works. Also ketamine.',
    before: 'Click to edit: psychotherapy works. Also ketamine.',
  });
  await poll(async () => (await editableHighlights(page)).length === 0, {
    message: 'the highlights of a paragraph turned editor to go',
  });
  // Saved: read-only again, and read again.
  await page.evaluate(() => window.save());
  await poll(
    async () => {
      const texts = await highlightTexts(page);
      return texts.includes('psychotherapy') && texts.includes('ketamine') ? texts : null;
    },
    { message: 'the saved paragraph to be highlighted again' },
  );
  await newsCaughtUp(page);
  assert.deepEqual(await editableHighlights(page), []);
  assertNoErrors(page);
  await page.close();
});

test('<textarea> and <input>: typed text and caret exact, nothing highlighted inside', async () => {
  const page = await openBusy('fields.html');
  await page.click('#area');
  await page.press('Control+End');
  await page.type(`\n${TYPED}`);
  await page.press('Control+Home');
  await page.type('Top: serotonin. ');
  await page.click('#field');
  await page.press('End');
  await page.type(` and ${TYPED}`);
  const fields = await page.evaluate(() => {
    const area = document.getElementById('area');
    const field = document.getElementById('field');
    return {
      area: area.value,
      areaCaret: area.selectionStart,
      field: field.value,
      fieldCaret: [field.selectionStart, field.selectionEnd],
    };
  });
  assert.deepEqual(fields, {
    area: `Top: serotonin. Already here: ketamine.\n${TYPED}`,
    areaCaret: 'Top: serotonin. '.length,
    field: `SSRIs title and ${TYPED}`,
    fieldCaret: [`SSRIs title and ${TYPED}`.length, `SSRIs title and ${TYPED}`.length],
  });
  await newsCaughtUp(page);
  const inside = (await highlightedRanges(page)).filter((range) =>
    range.ancestors.some((tag) => tag === 'textarea' || tag === 'input'),
  );
  assert.deepEqual(inside, []);
  assert.ok((await highlightTexts(page)).includes('Serotonin'));
  assertNoErrors(page);
  await page.close();
});

test('a design-mode frame: typing is exact, the frame is never highlighted, the page around it is', async () => {
  const page = await openBusy('designer.html');
  const frame = await page.frame('/design.html');
  await waitForScan(frame);
  // A click on the frame's paragraph, where it is on the page.
  const origin = await page.frameOrigin('iframe');
  const { box } = await frame.waitFor('#body-text');
  await page.mouse.click(origin.x + box.x + box.width / 2, origin.y + box.y + box.height / 2);
  await page.press('End');
  await page.type(` ${TYPED}`);
  assert.deepEqual(await caretIn(frame, '#body-text'), {
    text: `Designed anxiety text about ketamine. ${TYPED}`,
    before: `Designed anxiety text about ketamine. ${TYPED}`,
  });
  await newsCaughtUp(page);
  assert.deepEqual(await highlightTexts(frame), []);
  assert.equal(await frame.evaluate(() => document.designMode), 'on');
  await waitForHighlights(page, { min: 2 });
  assert.ok((await highlightTexts(page)).includes('SSRIs'));
  assertNoErrors(page);
  await page.close();
});
