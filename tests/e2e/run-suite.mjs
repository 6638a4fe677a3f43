// Runs a browser suite with node's test runner, one file at a time (each starts its browser).
//   node tests/e2e/run-suite.mjs                       every tests/e2e file in Chromium
//   node tests/e2e/run-suite.mjs --browser firefox     … in Firefox; `--browser all`: Chromium, then Firefox
//   node tests/e2e/run-suite.mjs popup switch          only the files whose name holds one of the words
//   node tests/e2e/run-suite.mjs --suite hostile       tests/hostile instead of tests/e2e
//   node tests/e2e/run-suite.mjs --name 'wraps round' keyboard-reading
//                                                      only the tests whose name matches (a regular expression)
// Needs the built extension (`npm run build`). MHX_FIREFOX and MHX_CHROMIUM point at other browsers.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
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
// Node 20 refuses --test-name-pattern in NODE_OPTIONS, so the pattern is passed on the command line.
const namePattern = option('--name', null);
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

const EXECUTABLES = {
  chromium: process.env.MHX_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.MHX_FIREFOX ?? '/usr/bin/firefox-esr',
};
const INSTALL = { chromium: 'apt-get install chromium', firefox: 'apt-get install firefox-esr' };

/**
 * Why `browser` cannot run here, or null: it must exist and answer `--version` within 20 s. Checked
 * once before its files run, so a missing or broken browser fails the run at once with one clear
 * message, rather than each file failing (or waiting) on its own.
 */
function unusable(browser) {
  const executable = EXECUTABLES[browser];
  const variable = browser === 'firefox' ? 'MHX_FIREFOX' : 'MHX_CHROMIUM';
  if (!existsSync(executable)) {
    return `${executable} does not exist: install it (${INSTALL[browser]}) or set ${variable} to the browser's path`;
  }
  const answer = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
  if (answer.error?.code === 'ETIMEDOUT') return `${executable} --version did not answer within 20 s`;
  if (answer.error) return `${executable} could not be started: ${answer.error.message}`;
  if (answer.status !== 0) {
    return `${executable} --version exited with ${answer.status}: ${(answer.stderr || answer.stdout).trim()}`;
  }
  return null;
}

let failed = false;
for (const browser of browsers) {
  const problem = unusable(browser);
  if (problem) {
    console.error(`# ${suite} suite in ${browser}: not run, the browser is not usable: ${problem}`);
    failed = true;
    continue;
  }
  console.log(`# ${suite} suite in ${browser}: ${files.length} files`);
  // The tap reporter ends with node's "# pass N / # fail N" summary whether or not stdout is a terminal.
  const run = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-concurrency=1',
      '--test-timeout=300000',
      '--test-reporter=tap',
      ...(namePattern ? [`--test-name-pattern=${namePattern}`] : []),
      ...files,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, MHX_BROWSER: browser } },
  );
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
