// The table of tests a browser cannot run (tests/support/known-differences.mjs) names real tests,
// and docs/browser-quirks.md shows exactly that table.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { QUIRKS_FILE, withTable } from '../../scripts/write-known-differences.mjs';
import { KNOWN_DIFFERENCES, OPEN_BUGS } from '../support/known-differences.mjs';
import { ROOT } from '../support/polling.mjs';

const SUITES = ['tests/e2e', 'tests/hostile'];

test('every known difference and open bug names a test that exists, once, with a reason', () => {
  const seen = new Set();
  for (const row of [...KNOWN_DIFFERENCES, ...OPEN_BUGS.map(({ bug, ...rest }) => ({ ...rest, reason: bug }))]) {
    const file = SUITES.map((folder) => path.join(ROOT, folder, row.suite)).find((candidate) => existsSync(candidate));
    assert.ok(file, `${row.suite}: no such suite in ${SUITES.join(' or ')}`);
    const source = readFileSync(file, 'utf8');
    const quoted = [`'${row.test.replaceAll("'", "\\'")}'`, `"${row.test}"`, `\`${row.test}\``];
    assert.ok(
      quoted.some((name) => source.includes(`test(${name}`)),
      `${row.suite} has no test named ${JSON.stringify(row.test)}`,
    );
    assert.ok(['chromium', 'firefox'].includes(row.browser), `${row.test}: browser is ${row.browser}`);
    assert.ok(row.reason.trim().length > 10, `${row.test}: say why it cannot run in ${row.browser}`);
    const key = `${row.suite}\u0000${row.test}\u0000${row.browser}`;
    assert.ok(!seen.has(key), `${row.test} is listed twice for ${row.browser} (a difference or an open bug, not both)`);
    seen.add(key);
  }
});

test('docs/browser-quirks.md lists exactly the known differences', () => {
  const document = readFileSync(QUIRKS_FILE, 'utf8');
  assert.equal(document, withTable(document), 'run `node scripts/write-known-differences.mjs` to update the docs');
});
