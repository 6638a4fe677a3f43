// The content script runs on every page: it must carry the glossary index and the card, never the
// article text, the search engine or the Markdown parser (those belong to the popup and reader).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

// MHX_OUT_DIR: the builds' folder when not WXT's default (see wxt.config.ts).
const out = process.env.MHX_OUT_DIR ?? '.output';
const builds = [`${out}/chrome-mv3`, `${out}/firefox-mv3`].filter((dir) => existsSync(dir));

test('at least the Chromium build exists', () => {
  assert.ok(builds.includes(`${out}/chrome-mv3`), 'run `npm run build` first');
});

for (const dir of builds) {
  const script = readFileSync(`${dir}/content-scripts/explainer.js`, 'utf8');

  test(`${dir}: the content script holds no article text, search or Markdown parser`, () => {
    for (const marker of [
      'represents a paradigm shift', // a sentence of Part I that no glossary summary quotes
      'Fuse.js',
      'fuse.js',
      'micromark',
      'fromMarkdown',
    ]) {
      assert.equal(script.includes(marker), false, `found "${marker}" in ${dir}/content-scripts/explainer.js`);
    }
  });

  test(`${dir}: the content script carries the glossary`, () => {
    assert.ok(script.includes('Selective Serotonin Reuptake Inhibitor'));
    console.log(`# ${dir} content script: ${(gzipSync(script).length / 1024).toFixed(1)} kB gzip`);
  });
}
