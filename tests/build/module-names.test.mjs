// The module-name check that `npm run lint` runs (scripts/check-module-names.mjs), on tables.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sharedModuleNames } from '../../scripts/check-module-names.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

test('two modules with the same base name in different folders are found', () => {
  const cases = [
    [
      ['utils/site-commands.ts', 'extension/site-commands.ts'],
      [['utils/site-commands.ts', 'extension/site-commands.ts']],
    ],
    [
      ['components/SiteSwitch.tsx', 'extension/site-switch.ts'],
      [['components/SiteSwitch.tsx', 'extension/site-switch.ts']],
    ],
    [['bench/run.mjs', 'tests/e2e/run.mjs'], [['bench/run.mjs', 'tests/e2e/run.mjs']]],
    [['utils/glossary-compiler.ts', 'content/compiled-glossary.ts'], []],
    [['entrypoints/popup/main.tsx', 'entrypoints/options/main.tsx'], []],
    [['entrypoints/explainer.content/index.ts', 'page/index.ts'], []],
    [['entrypoints/term-card.ts', 'page/card/TermCard.tsx'], []],
    [['page/card/term-card.css', 'page/card/TermCard.tsx'], []],
    [['tests/fixtures/a/run.mjs', 'tests/fixtures/b/run.mjs'], []],
    [['a/types.d.ts', 'b/types.d.ts'], []],
    [['tests/unit/site-rules.test.ts', 'utils/site-rules.ts'], []],
  ];
  for (const [files, expected] of cases) assert.deepEqual(sharedModuleNames(files), expected, files.join(', '));
});

test('this repository passes the check', () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/check-module-names.mjs')], { cwd: ROOT, stdio: 'pipe' });
});
