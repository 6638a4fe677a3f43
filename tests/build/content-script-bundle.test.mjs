// The content script runs on every page: it is the gate (page/gate/), which reads the settings and
// the page's text and loads the engine only where the page will be highlighted. The engine script
// carries the glossary's matcher and what highlights and hit-tests terms; neither holds the article
// text, the search engine or the Markdown parser (those belong to the popup and reader), nor the
// card: Preact, Floating UI, the card's styles and every term's explanation are in the card script,
// which the engine loads the first time a card is wanted.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

// MHX_OUT_DIR: the builds' folder when not WXT's default (see wxt.config.ts).
const out = process.env.MHX_OUT_DIR ?? '.output';
const builds = [`${out}/chrome-mv3`, `${out}/firefox-mv3`].filter((dir) => existsSync(dir));

/** Issue 3: what every page loads, gzipped. A size, not a timing: the same build always gives the same number. */
const CONTENT_SCRIPT_MAX_GZIP = 15 * 1024;
const CARD_SCRIPT = 'term-card.js';
const ENGINE_SCRIPT = 'explainer-engine.js';

const PAGE_WORLD_SCRIPT = 'mhx-page-signals.js';

/** Text that only the engine's code holds: the XPath question of its scan, the page-world script it puts in a page. */
const ENGINE_ONLY = {
  'the scan': 'text()[normalize-space()]',
  'the page-world signals': `/${PAGE_WORLD_SCRIPT}`,
};

/** Text that only the card's code or data holds, by what it is. */
const CARD_ONLY = {
  Preact: 'dangerouslySetInnerHTML', // the prop Preact's renderer looks for (no component of ours sets it)
  'Floating UI': 'referenceHidden', // the `hide` middleware's result
  'github-slugger': '[\\0-\\x1F!-,', // the start of the slugger's character class, which section anchors need
  'the card component': 'Read in the series',
  'a summary': 'cornerstone in treating conditions', // from the SSRI entry's summary
  'a citation': 'Beyond Daily Medication', // a section heading the glossary cites
};

const gzipKiB = (text) => gzipSync(text).length / 1024;

test('at least the Chromium build exists', () => {
  assert.ok(builds.includes(`${out}/chrome-mv3`), 'run `npm run build` first');
});

for (const dir of builds) {
  const script = readFileSync(`${dir}/content-scripts/explainer.js`, 'utf8');
  const card = readFileSync(`${dir}/${CARD_SCRIPT}`, 'utf8');
  const engine = readFileSync(`${dir}/${ENGINE_SCRIPT}`, 'utf8');
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));

  for (const [file, text] of [
    ['content-scripts/explainer.js', script],
    [ENGINE_SCRIPT, engine],
  ]) {
    test(`${dir}: ${file} holds no article text, search or Markdown parser`, () => {
      for (const marker of [
        'represents a paradigm shift', // a sentence of Part I that no glossary summary quotes
        'Fuse.js',
        'fuse.js',
        'micromark',
        'fromMarkdown',
      ]) {
        assert.equal(text.includes(marker), false, `found "${marker}" in ${dir}/${file}`);
      }
    });

    test(`${dir}: ${file} carries the glossary's terms, and nothing of the card`, () => {
      assert.ok(
        text.includes('"selective serotonin reuptake inhibitor"'),
        'an alias the matcher needs, as its compiled key',
      );
      for (const [what, marker] of Object.entries(CARD_ONLY)) {
        assert.equal(text.includes(marker), false, `${what} ("${marker}") in ${dir}/${file}`);
      }
      assert.equal(text.includes('webextension-polyfill'), false, 'the polyfill (wxt.config.ts says why not)');
    });
  }

  test(`${dir}: the content script holds nothing of the engine, which holds the scan`, () => {
    for (const [what, marker] of Object.entries(ENGINE_ONLY)) {
      assert.equal(script.includes(marker), false, `${what} ("${marker}") in ${dir}/content-scripts/explainer.js`);
      assert.ok(engine.includes(marker), `${what} ("${marker}") in ${dir}/${ENGINE_SCRIPT}`);
    }
  });

  test(`${dir}: the content script is at most 15 kB gzipped`, () => {
    const size = gzipKiB(script);
    console.log(
      `# ${dir} content script: ${size.toFixed(1)} kB gzip; engine script: ${gzipKiB(engine).toFixed(1)} kB; card script: ${gzipKiB(card).toFixed(1)} kB`,
    );
    assert.ok(size <= CONTENT_SCRIPT_MAX_GZIP / 1024, `${size.toFixed(2)} kB gzip`);
  });

  test(`${dir}: the card script holds the card and every explanation, and nothing that reaches the network`, () => {
    // The markers are found where they belong, so their absence from the content script means something.
    for (const [what, marker] of Object.entries(CARD_ONLY)) {
      assert.ok(card.includes(marker), `${what} ("${marker}") in ${dir}/${CARD_SCRIPT}`);
    }
    for (const pattern of [/XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection|WebTransport/u]) {
      assert.equal(pattern.test(card), false, `${pattern} in ${dir}/${CARD_SCRIPT}`);
    }
    // The only fetch calls are the shadow-root library's stylesheet loaders (a stylesheet URL, or the
    // content script's own CSS through runtime.getURL), and the card passes its CSS inline instead:
    // tests/build/no-remote-code.test.mjs lists them.
    for (const match of card.matchAll(/\bfetch\(([^)]*)\)/gu)) {
      assert.match(match[1], /^\w+(\.url)?$/u, `fetch(${match[1]}) in ${dir}/${CARD_SCRIPT}`);
    }
    // Nothing loads more code: the card script is one file, with no import of its own.
    assert.equal(/\bimport\s*\(/u.test(card), false, 'a dynamic import in the card script');
  });

  test(`${dir}: the content script loads the engine script, which loads the card script; only the pages they run on can reach them`, () => {
    assert.match(script, /import\(\w+\.runtime\.getURL\("\/explainer-engine\.js"\)\)/u);
    assert.match(engine, /import\(\w+\.runtime\.getURL\("\/term-card\.js"\)\)/u);
    // Nothing loads more code than that: the engine one import, the card none (checked above).
    assert.equal(engine.match(/\bimport\s*\(/gu)?.length, 1, 'one dynamic import in the engine script');
    const contentPages = [...new Set(manifest.content_scripts.flatMap((entry) => entry.matches))].sort();
    const accessible = manifest.web_accessible_resources ?? [];
    assert.equal(accessible.length, 1, 'one web_accessible_resources entry');
    assert.deepEqual(accessible[0].resources, [ENGINE_SCRIPT, PAGE_WORLD_SCRIPT, CARD_SCRIPT]);
    assert.deepEqual([...accessible[0].matches].sort(), contentPages);
    assert.equal(accessible[0].extension_ids, undefined, 'no other extension');
    // Chromium: reachable only under a per-session URL, so a page cannot probe for the extension.
    // Firefox does not support the key; its moz-extension:// UUID is random per installation.
    assert.equal(accessible[0].use_dynamic_url, dir.endsWith('firefox-mv3') ? undefined : true);
  });

  test(`${dir}: the script in the page's own world only announces what no DOM change reports, is tiny, and only the engine puts it there`, () => {
    // No content script runs in the page's world: the engine adds this one to the pages it highlights.
    assert.deepEqual(
      manifest.content_scripts.filter((entry) => entry.world === 'MAIN'),
      [],
    );
    assert.ok(engine.includes(`"/${PAGE_WORLD_SCRIPT}"`), 'the engine injects it');
    // The page can read and change everything in its world: nothing there may touch the extension.
    const code = readFileSync(`${dir}/${PAGE_WORLD_SCRIPT}`, 'utf8');
    assert.equal(/\b(?:chrome|browser)\s*\.|\bruntime\b|postMessage|fetch\(/u.test(code), false, code);
    assert.ok(gzipKiB(code) < 1, `${gzipKiB(code).toFixed(2)} kB gzip`);
    assert.match(code, /^\(function\(\)\{/u, 'an anonymous function: no global variable in the page');
  });
}
