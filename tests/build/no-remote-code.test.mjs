// What ships is all the code there is: no eval, no code or data from the network, and no network
// API at all beyond the two library calls that load the extension's own files. The extension CSP
// (tests/build/manifest.test.mjs) enforces this for extension pages; the content script runs under
// the page's CSP instead, so for it this check is the guarantee.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BUILDS, filesIn, sourceFiles } from './build-output.mjs';

/** Code built from strings at run time. */
const DYNAMIC_CODE = [
  /\beval\s*\(/u,
  /\bnew\s+Function\b/u,
  /(^|[^\w$.])Function\s*\(/u,
  /\bset(Timeout|Interval)\s*\(\s*["'`]/u,
  /\bimportScripts\s*\(/u,
  // A dynamic import of anything but a file of our own: a relative path, or (the content script
  // loading the card script) a path of the extension through runtime.getURL.
  /\bimport\s*\(\s*(?!["'`]\.{0,2}\/|\w+\.runtime\.getURL\(["']\/[\w-]+\.js["']\)\))/u,
];

/** Ways to reach the network, other than fetch (below). */
const NETWORK_APIS = [
  /\bXMLHttpRequest\b/u,
  /\bWebSocket\b/u,
  /\bEventSource\b/u,
  /\bsendBeacon\b/u,
  /\bRTCPeerConnection\b/u,
  /\bWebTransport\b/u,
];

/**
 * The only fetch calls in the bundles, and why each is harmless. Any other fails the test.
 * - Vite's modulepreload polyfill fetches a `<link rel="modulepreload">` of our own page; it only runs
 *   in browsers without modulepreload (neither target), and our pages link only their own chunks.
 * - WXT's shadow-root UI can load a stylesheet by URL or the content script's own CSS file through
 *   `runtime.getURL` (moz-extension:// or chrome-extension://); the card passes its CSS inline instead.
 */
const KNOWN_FETCHES = [
  /fetch\(\w+\.href,\w+\)/u,
  /"url"in \w+\?\w+\.textContent=yield fetch\(\w+\.url\)/u,
  /runtime\.getURL\("\/content-scripts\/[\w-]+\.css"\);try\{return await\(await fetch\(\w+\)\)/u,
];

/** URLs that appear in the bundles as text and are never requested. */
const INERT_URLS = [
  /^http:\/\/www\.w3\.org\/(1998\/Math\/MathML|1999\/xhtml|2000\/svg)$/u, // DOM namespaces (Preact)
  /^https?:\/\/\*\/\*$/u, // match patterns (WXT's content script context)
  /^https:\/\/(github\.com\/wxt-dev\/wxt\/issues\/\d+|wxt\.dev\/[\w/.#-]+)$/u, // WXT's error messages
  /^https:\/\/developer\.mozilla\.org\/[\w/.#-]+$/u, // WXT's error message about attachShadow
];
/**
 * The help lines' addresses (content/help-lines.json): links the reader may follow from the popup,
 * a card or the About page, opened by the browser only on a click; the extension never requests them.
 */
const HELP_LINE_URLS = new Set(readFileSync('content/help-lines.json', 'utf8').match(/https:\/\/[^"\s]+/gu));
/** A URL template handed straight to `new URL(…)` is parsed (e.g. to normalise a typed host), not fetched. */
const PARSED_ONLY = 'new URL(`';

function around(text, index, width = 80) {
  return text.slice(Math.max(0, index - width), index + width);
}

for (const [browser, dir] of Object.entries(BUILDS)) {
  const files = filesIn(dir);
  const scripts = files
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, text: readFileSync(path.join(dir, file), 'utf8') }));

  test(`${browser}: no code is built from strings or loaded from elsewhere`, () => {
    assert.ok(scripts.length > 0);
    for (const { file, text } of scripts) {
      for (const pattern of DYNAMIC_CODE) {
        const match = pattern.exec(text);
        assert.equal(match, null, `${file}: ${pattern} at …${match && around(text, match.index)}…`);
      }
    }
  });

  test(`${browser}: no network API, and fetch only where a library loads the extension's own files`, () => {
    for (const { file, text } of scripts) {
      for (const pattern of NETWORK_APIS) {
        const match = pattern.exec(text);
        assert.equal(match, null, `${file}: ${pattern} at …${match && around(text, match.index)}…`);
      }
      for (const match of text.matchAll(/\bfetch\(/gu)) {
        const context = around(text, match.index, 120);
        assert.ok(
          KNOWN_FETCHES.some((known) => known.test(context)),
          `${file}: a fetch call not in KNOWN_FETCHES: …${context}…`,
        );
      }
    }
  });

  test(`${browser}: every URL in the bundles is inert text`, () => {
    for (const { file, text } of scripts) {
      for (const { 0: url, index } of text.matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)\\]*/gu)) {
        if (text.slice(index - PARSED_ONLY.length, index) === PARSED_ONLY) continue;
        assert.ok(
          INERT_URLS.some((inert) => inert.test(url)) || HELP_LINE_URLS.has(url),
          `${file}: ${url} is not a known inert URL (INERT_URLS)`,
        );
      }
    }
  });

  test(`${browser}: pages load only their own scripts and styles`, () => {
    for (const file of files.filter((name) => name.endsWith('.html'))) {
      const html = readFileSync(path.join(dir, file), 'utf8');
      assert.equal(/<script(?![^>]*\bsrc=)[^>]*>/u.test(html), false, `${file}: an inline script`);
      for (const [, url] of html.matchAll(/\b(?:src|href)="([^"]*)"/gu)) {
        assert.match(url, /^\.{0,2}\/[\w./-]+$/u, `${file} loads ${url}`);
      }
    }
  });
}

test('the source writes no HTML from strings (the linter’s innerHTML warnings are in libraries)', () => {
  for (const { file, text } of sourceFiles()) {
    for (const pattern of [
      /dangerouslySetInnerHTML/u,
      /\.(inner|outer)HTML\s*=/u,
      /insertAdjacentHTML/u,
      /document\.write/u,
    ]) {
      assert.equal(pattern.test(text), false, `${file}: ${pattern}`);
    }
  }
});
