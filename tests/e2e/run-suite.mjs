// Runs a browser suite with node's test runner, one file at a time (each starts its browser).
//   node tests/e2e/run-suite.mjs                       every tests/e2e file in Chromium
//   node tests/e2e/run-suite.mjs --browser firefox     … in Firefox; `--browser all`: Chromium, then Firefox
//   node tests/e2e/run-suite.mjs popup switch          only the files whose name holds one of the words
//   node tests/e2e/run-suite.mjs --suite hostile       tests/hostile instead of tests/e2e
// Needs the built extension (`npm run build`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args.splice(at, 2)[1];
};
const suite = option('--suite', 'e2e');
const browserOption = option('--browser', 'chromium');
const browsers = browserOption === 'all' ? ['chromium', 'firefox'] : [browserOption];
if (!browsers.every((name) => name === 'chromium' || name === 'firefox')) {
  console.error(`--browser must be chromium, firefox or all, not ${browserOption}`);
  process.exit(2);
}
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

let failed = false;
for (const browser of browsers) {
  console.log(`# ${suite} suite in ${browser}: ${files.length} files`);
  // The tap reporter ends with node's "# pass N / # fail N" summary whether or not stdout is a terminal.
  const run = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=1', '--test-timeout=300000', '--test-reporter=tap', ...files],
    { cwd: root, stdio: 'inherit', env: { ...process.env, MHX_BROWSER: browser } },
  );
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
