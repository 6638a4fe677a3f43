// Pages that keep changing: feeds, edited text, single-page navigation, editors, tickers, frames,
// shadow roots, and an extension reload under an open page.
import assert from 'node:assert/strict';
import {
  assertNoErrors,
  highlightCount,
  highlightedRanges,
  htmlPage,
  poll,
  registeredTexts,
  sleep,
  test,
  useSession,
  waitForHighlights,
  waitForScan,
} from '../support/e2e.mjs';

const page = (body) => htmlPage(body, { title: 'Live' });

const ROUTES = {
  '/feed.html': page('<main id="feed"><p>Serotonin and the weather.</p></main>'),
  '/spa.html': page('<nav>Home</nav><main id="view"><h1>About ketamine</h1><p>SSRIs and anxiety.</p></main>'),
  '/editor.html': page(
    '<p>ketamine outside</p><div id="editor" contenteditable="true"><p>Notes:</p></div><textarea id="field"></textarea>',
  ),
  // A consent dialog hides the rest of the page from assistive technology until it is answered.
  '/consent.html': page(
    '<div id="consent" role="dialog"><p>We use cookies.</p><button id="accept">Accept</button></div><main id="content" aria-hidden="true"><p>Ketamine and SSRIs for depression.</p></main><script>document.getElementById("accept").onclick = () => { document.getElementById("consent").remove(); document.getElementById("content").removeAttribute("aria-hidden"); };</script>',
  ),
  '/ticker.html': page(
    '<p>Price of <span id="tick">0</span> and ketamine news</p><script>let n=0;const tick=()=>{document.getElementById("tick").textContent=String(n++);requestAnimationFrame(tick)};requestAnimationFrame(tick)</script>',
  ),
  '/framed.html': page(
    '<p>glutamate on the outer page</p><iframe src="/inner.html" width="600" height="200"></iframe>',
  ),
  '/inner.html': page('<p>psychotherapy inside the frame</p>'),
  '/late-component.html': page(
    '<p>anxiety in the light</p><section><x-late id="late"><span>light words</span></x-late></section><section><div id="outer"></div></section>',
  ),
  '/shadow.html': page(
    '<p>anxiety in the light</p><x-card id="card"></x-card><script>customElements.define("x-card", class extends HTMLElement { constructor(){ super(); this.attachShadow({mode:"open"}).innerHTML = "<p>serotonin in the shadow</p>"; } });</script>',
  ),
};

// Pages with a term or two, to watch the engine follow changes: not about mental health, so 'everywhere'.
// Every occurrence: the tests count them all (the default is the first in each section, decision 040).
const env = useSession({
  routes: ROUTES,
  launch: { highlightMode: 'everywhere', preferences: { highlightDensity: 'every' } },
});

const texts = async (tab) => (await highlightedRanges(tab)).map((range) => range.text);
const rescans = (tab) => tab.evaluate(() => performance.getEntriesByName('mhx:rescan', 'measure').length);

test('an infinite feed: appended items light up, removed ones drop their highlights', async () => {
  const tab = await env.session.openTab(env.server.url('feed.html'));
  await waitForHighlights(tab, { exact: 1 });
  await tab.evaluate(() => {
    const feed = document.getElementById('feed');
    for (let index = 0; index < 50; index++) {
      const item = document.createElement('p');
      item.className = 'item';
      item.textContent = `Item ${index}: ketamine and SSRIs.`;
      feed.append(item);
    }
  });
  await waitForHighlights(tab, { exact: 101 });
  await tab.evaluate(() => {
    for (const item of document.querySelectorAll('.item')) item.remove();
  });
  await waitForHighlights(tab, { exact: 1 });
  assertNoErrors(tab);
  await tab.close();
});

test('text edited inside formatting is read again as a whole phrase', async () => {
  const tab = await env.session.openTab(env.server.url('feed.html'));
  await waitForHighlights(tab, { exact: 1 });
  await tab.evaluate(() => {
    const paragraph = document.createElement('p');
    paragraph.innerHTML = 'selective <em id="word">weather</em> reuptake inhibitors';
    document.getElementById('feed').append(paragraph);
  });
  await sleep(300);
  await tab.evaluate(() => {
    document.getElementById('word').firstChild.data = 'serotonin';
  });
  await poll(async () => (await texts(tab)).includes('selective serotonin reuptake inhibitors'), {
    message: 'the edited phrase to be highlighted',
  });
  assert.deepEqual((await texts(tab)).sort(), ['Serotonin', 'selective serotonin reuptake inhibitors']);
  await tab.close();
});

test('single-page navigation: the new view is highlighted and the old one forgotten', async () => {
  const tab = await env.session.openTab(env.server.url('spa.html'));
  await waitForHighlights(tab, { exact: 3 });
  await tab.evaluate(() => {
    history.pushState({}, '', '/spa.html#glossary');
    document.getElementById('view').innerHTML = '<h1>Glutamate</h1><p>and depression, then psychotherapy</p>';
  });
  await poll(async () => (await texts(tab)).join('|') === 'Glutamate|depression|psychotherapy', {
    message: 'only the new view to be highlighted',
  });
  await tab.close();
});

test('typing in editors and fields is never disturbed and never highlighted', async () => {
  const tab = await env.session.openTab(env.server.url('editor.html'));
  await waitForHighlights(tab, { exact: 1 });
  await tab.click('#editor p');
  await tab.press('End');
  await tab.type(' ketamine and SSRIs, typed', { delay: 10 });
  await tab.click('#field');
  await tab.type('serotonin typed here', { delay: 10 });
  await sleep(600);
  assert.equal(
    (await tab.property('#editor', 'textContent')).replace(/\s+/gu, ' '),
    'Notes: ketamine and SSRIs, typed',
  );
  assert.equal(await tab.property('#field', 'value'), 'serotonin typed here');
  assert.deepEqual(await texts(tab), ['ketamine']);
  await tab.close();
});

test('a page loaded behind a consent dialog is highlighted once the dialog is answered', async () => {
  const tab = await env.session.openTab(env.server.url('consent.html'));
  await waitForScan(tab);
  assert.deepEqual(await texts(tab), []);
  await tab.click('#accept');
  await waitForHighlights(tab, { exact: 3 });
  assert.deepEqual(await texts(tab), ['Ketamine', 'SSRIs', 'depression']);
  assertNoErrors(tab);
  await tab.close();
});

test('a page that changes every frame is read a few times a second, not sixty', async () => {
  const tab = await env.session.openTab(env.server.url('ticker.html'));
  await waitForScan(tab);
  await waitForHighlights(tab, { exact: 1 });
  const before = await rescans(tab);
  const frames = await tab.evaluate(
    () =>
      new Promise((resolve) => {
        let count = 0;
        const started = performance.now();
        const count_ = () => {
          count++;
          if (performance.now() - started < 2000) requestAnimationFrame(count_);
          else resolve(count);
        };
        requestAnimationFrame(count_);
      }),
  );
  const passes = (await rescans(tab)) - before;
  assert.ok(frames > 30, `the page ticked ${frames} times`);
  // 2 s at one pass per 200 ms at most; the ticker changes far more often than that.
  assert.ok(passes <= 12, `${passes} rescans for ${frames} changes`);
  assert.equal(await highlightCount(tab), 1);
  await tab.close();
});

test('same-origin frames and open shadow roots are read too', async () => {
  const tab = await env.session.openTab(env.server.url('framed.html'));
  await waitForHighlights(tab, { exact: 1 });
  const frame = await tab.frame('/inner.html');
  await waitForHighlights(frame, { exact: 1 });
  await tab.goto(env.server.url('shadow.html'));
  await waitForHighlights(tab, { exact: 2 });
  assert.deepEqual(await registeredTexts(tab, { sorted: true }), ['anxiety', 'serotonin']);
  const adopted = await tab.evaluate(() => document.getElementById('card').shadowRoot.adoptedStyleSheets.length);
  assert.equal(adopted, 1, 'the highlight style is adopted into the shadow root');
  await tab.close();
});

test('a web component defined after the scan has its shadow root read, nested ones too', async () => {
  const tab = await env.session.openTab(env.server.url('late-component.html'));
  await waitForScan(tab);
  await waitForHighlights(tab, { exact: 1 });
  // No DOM change tells of a root attached to an element already on the page.
  await tab.evaluate(() => {
    customElements.define(
      'x-late',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>glutamate in a late shadow root</p><slot></slot>';
        }
      },
    );
  });
  await waitForHighlights(tab, { exact: 2 });
  await tab.evaluate(() => {
    const outer = document.getElementById('outer').attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>plain words</p><div id="inner"></div>';
    outer.getElementById('inner').attachShadow({ mode: 'open' }).innerHTML = '<p>psychotherapy, nested</p>';
  });
  await waitForHighlights(tab, { exact: 3 });
  assert.deepEqual(await registeredTexts(tab, { sorted: true }), ['anxiety', 'glutamate', 'psychotherapy']);
  assertNoErrors(tab);
  await tab.close();
});

test('a page switched to design mode loses its highlights, and gets them back when switched off', async () => {
  const tab = await env.session.openTab(env.server.url('spa.html'));
  await waitForHighlights(tab, { exact: 3 });
  for (const [mode, highlights] of [
    ['on', 0],
    ['off', 3],
  ]) {
    await tab.evaluate((value) => {
      document.designMode = value;
    }, mode);
    await waitForHighlights(tab, { exact: highlights });
  }
  assertNoErrors(tab);
  await tab.close();
});

test('reloading the extension under an open page cleans up without errors', async () => {
  const tab = await env.session.openTab(env.server.url('spa.html'));
  await waitForHighlights(tab, { exact: 3 });
  // Chrome does not bring an extension loaded with --load-extension back after runtime.reload(),
  // so this checks the half that matters to an open page: the orphaned script lets go cleanly.
  await env.session.inExtension(() => chrome.runtime.reload());
  await sleep(1000);
  await tab.mouse.move(10, 10);
  await tab.mouse.move(20, 20);
  await poll(async () => (await highlightCount(tab)) === 0, { message: 'the old highlights to be removed' });
  await tab.evaluate(() => {
    document.getElementById('view').innerHTML = '<p>ketamine added after the reload</p>';
  });
  await sleep(500);
  assert.equal(await highlightCount(tab), 0);
  assertNoErrors(tab);
  await tab.close();
});
