// Writes the table of known differences between the browsers (tests/support/known-differences.mjs)
// into docs/browser-quirks.md, between its two marker comments. tests/build/known-differences.test.mjs
// fails when the two disagree: run `node scripts/write-known-differences.mjs` after changing the table.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KNOWN_DIFFERENCES, OPEN_BUGS } from '../tests/support/known-differences.mjs';

export const QUIRKS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/browser-quirks.md');
export const START = '<!-- known-differences:start (written by scripts/write-known-differences.mjs) -->';
export const END = '<!-- known-differences:end -->';

const cell = (text) => text.replaceAll('|', '\\|');

/**
 * One Markdown table of `rows`, with `last` as the heading and `field` as the content of the last
 * column, its columns padded to one width as the formatter (Biome) writes them.
 */
function table(rows, last, field) {
  const body = rows.map((row) => [`\`${cell(row.suite)}\``, cell(row.test), row.browser, cell(row[field])]);
  const cells = [['suite', 'test', 'browser', last], ...body];
  const widths = cells[0].map((_, column) => Math.max(...cells.map((line) => [...line[column]].length)));
  const line = (values) => `| ${values.map((value, column) => value.padEnd(widths[column])).join(' | ')} |`;
  return [line(cells[0]), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}

/** The tables as Markdown: the known differences, then the open bugs that fail a test in one browser. */
export function differencesTable(rows = KNOWN_DIFFERENCES, bugs = OPEN_BUGS) {
  const differences =
    rows.length === 0
      ? 'No known differences: every user-path test runs in both browsers.'
      : table(rows, 'why it cannot run there', 'reason');
  const open =
    bugs.length === 0
      ? 'No open bugs: no test fails in one browser only.'
      : `Open product bugs (the test runs, and reports TODO instead of failing the run):\n\n${table(bugs, 'the bug', 'bug')}`;
  return `${differences}\n\n${open}`;
}

/** The quirks document's text with the table between the markers replaced by `table`. */
export function withTable(document, table = differencesTable()) {
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start === -1 || end < start) throw new Error(`${QUIRKS_FILE} has no ${START} … ${END} section`);
  return `${document.slice(0, start + START.length)}\n\n${table}\n\n${document.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(QUIRKS_FILE, withTable(readFileSync(QUIRKS_FILE, 'utf8')));
  console.log(
    `Wrote ${KNOWN_DIFFERENCES.length} known differences and ${OPEN_BUGS.length} open bugs into ${path.relative(process.cwd(), QUIRKS_FILE)}`,
  );
}
