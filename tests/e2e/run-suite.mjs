// Runs an end-to-end suite with node's test runner, one file at a time (each launches Chromium).
// `node tests/e2e/run-suite.mjs popup switch` runs only the files whose name contains one of the words;
// `--suite hostile` runs tests/hostile instead of tests/e2e. Needs the built extension: `npx wxt build` first.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const suiteFlag = args.indexOf('--suite');
const suite = suiteFlag === -1 ? 'e2e' : args.splice(suiteFlag, 2)[1];
const filters = args;
const files = readdirSync(path.join(root, 'tests', suite))
  .filter((name) => name.endsWith('.test.mjs'))
  .filter((name) => filters.length === 0 || filters.some((word) => name.includes(word)))
  .sort()
  .map((name) => path.posix.join('tests', suite, name));

if (files.length === 0) {
  console.error(`No test files match ${filters.join(', ')}`);
  process.exit(1);
}

// The tap reporter ends with node's "# pass N / # fail N" summary whether or not stdout is a terminal.
const child = spawn(
  process.execPath,
  ['--test', '--test-concurrency=1', '--test-timeout=300000', '--test-reporter=tap', ...files],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
