// `web-ext lint` (addons-linter, what addons.mozilla.org runs on upload) on the Firefox build: no
// errors, no notices, and no warning but the known ones below, each matched to the library code it
// points at. docs/releasing.md says why each is safe.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import webExt from 'web-ext';
import { BUILDS } from './build-output.mjs';

/**
 * Warnings about library code, by linter code, with the code they must point at. A warning matching
 * none of these — or pointing anywhere else — fails the test.
 */
const KNOWN_WARNINGS = [
  {
    // Preact's renderer supports `dangerouslySetInnerHTML`; no component of ours uses it (checked by
    // tests/build/no-remote-code.test.mjs), so the assignment never runs.
    code: 'UNSAFE_VAR_ASSIGNMENT',
    library: 'preact',
    at: /\.innerHTML=\w+\.__html/u,
  },
  {
    // decode-named-character-reference (under the Markdown parser) decodes `&name;` entities of the
    // bundled series by setting them as the innerHTML of a detached <i>: an entity name, never markup.
    code: 'UNSAFE_VAR_ASSIGNMENT',
    library: 'decode-named-character-reference',
    at: /\w+\.innerHTML=\w+;const \w+=\w+\.textContent/u,
  },
  {
    // micromark's tokenizer has a method called `write`; the linter takes `….document().write(…)` for
    // `document.write`. It is the Markdown parser writing the bundled series into its tokenizer.
    code: 'UNSAFE_VAR_ASSIGNMENT',
    library: 'micromark',
    at: /\w+\(\)\.document\(\)\.write\(/u,
  },
  {
    // Ours, not a library's: the engine imports the card script (page/card/term-card-module.ts)
    // by the URL `runtime.getURL` gives for a constant path of the add-on's own, never by a value
    // from the page; the linter flags every `import()` whose argument is not a literal.
    code: 'UNSAFE_VAR_ASSIGNMENT',
    library: 'the engine loading the card script',
    at: /import\(\w+\.runtime\.getURL\("\/term-card\.js"\)\)/u,
  },
  {
    // Ours too, the same way: the content script imports the engine script (page/engine/engine-module.ts)
    // by the URL `runtime.getURL` gives for a constant path of the add-on's own.
    code: 'UNSAFE_VAR_ASSIGNMENT',
    library: 'the content script loading the engine script',
    at: /import\(\w+\.runtime\.getURL\("\/explainer-engine\.js"\)\)/u,
  },
];

test('web-ext lint: no errors or notices, and only the known library warnings', async () => {
  const sourceDir = BUILDS.firefox;
  const result = await webExt.cmd.lint(
    { sourceDir, output: 'none', boring: true, selfHosted: false },
    { shouldExitProgram: false },
  );
  const describe = (message) =>
    `${message.code} ${message.file ?? ''}: ${message.message} ${message.description ?? ''}`;
  assert.deepEqual(result.errors.map(describe), [], 'errors');
  assert.deepEqual(result.notices.map(describe), [], 'notices');

  const libraries = new Set();
  for (const warning of result.warnings) {
    assert.ok(warning.file && warning.line && warning.column, `a warning with no place: ${describe(warning)}`);
    const line = readFileSync(path.join(sourceDir, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
    const near = line.slice(Math.max(0, warning.column - 60), warning.column + 60);
    const known = KNOWN_WARNINGS.find(({ code, at }) => code === warning.code && at.test(near));
    assert.ok(known, `an unexplained warning: ${describe(warning)} at …${near}…`);
    libraries.add(known.library);
  }
  console.log(`# web-ext lint: ${result.warnings.length} warnings, all in ${[...libraries].join(', ') || 'nothing'}`);
});
