// Writes the table of known differences between the browsers (tests/support/known-differences.mjs)
// into docs/browser-quirks.md, between its two marker comments. tests/build/known-differences.test.mjs
// fails when the two disagree: run `node scripts/write-known-differences.mjs` after changing the table.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KNOWN_DIFFERENCES } from '../tests/support/known-differences.mjs';

export const QUIRKS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/browser-quirks.md');
export const START = '<!-- known-differences:start (written by scripts/write-known-differences.mjs) -->';
export const END = '<!-- known-differences:end -->';

const cell = (text) => text.replaceAll('|', '\\|');

/** The table as Markdown. */
export function differencesTable(rows = KNOWN_DIFFERENCES) {
  if (rows.length === 0) return 'No known differences: every user-path test runs in both browsers.';
  const lines = ['| suite | test | browser | why it cannot run there |', '| --- | --- | --- | --- |'];
  for (const row of rows) {
    lines.push(`| \`${cell(row.suite)}\` | ${cell(row.test)} | ${row.browser} | ${cell(row.reason)} |`);
  }
  return lines.join('\n');
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
  console.log(`Wrote ${KNOWN_DIFFERENCES.length} known differences into ${path.relative(process.cwd(), QUIRKS_FILE)}`);
}
