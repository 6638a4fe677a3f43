// `npm run zip` makes the store packages: the Chrome zip, the Firefox zip and the sources zip a
// Firefox reviewer builds from. Each zip holds exactly its build, and building the unpacked sources
// gives, byte for byte, the Firefox package (a reproducible build).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import JSZip from 'jszip';
import { filesIn, PACKAGE, ROOT } from './build-output.mjs';

let work;
let out;
const zipName = (kind) => `${PACKAGE.name}-${PACKAGE.version}-${kind}.zip`;

function run(command, args, { cwd, env }) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8' });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

/** A zip's files (no folder entries) as name → bytes. */
async function unzip(file) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entries = new Map();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) entries.set(entry.name, Buffer.from(await entry.async('uint8array')));
  }
  return entries;
}

function assertSameFiles(entries, dir, what) {
  assert.deepEqual([...entries.keys()].sort(), filesIn(dir), `${what}: the same files`);
  for (const [name, bytes] of entries) {
    assert.ok(bytes.equals(readFileSync(path.join(dir, name))), `${what}: ${name} differs`);
  }
}

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mhx-packages-'));
  out = path.join(work, 'out');
  // The README's command, into a folder of the test's own so it never touches .output/.
  run('npm', ['run', '--silent', 'zip'], { cwd: ROOT, env: { ...process.env, MHX_OUT_DIR: out } });
});

after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test('npm run zip makes the Chrome, Firefox and sources zips, named by package name and version', () => {
  for (const kind of ['chrome', 'firefox', 'sources']) {
    assert.ok(existsSync(path.join(out, zipName(kind))), `${zipName(kind)} in ${out}`);
  }
});

test('each browser zip holds exactly its build', async () => {
  assertSameFiles(await unzip(path.join(out, zipName('chrome'))), path.join(out, 'chrome-mv3'), 'chrome zip');
  assertSameFiles(await unzip(path.join(out, zipName('firefox'))), path.join(out, 'firefox-mv3'), 'firefox zip');
});

test('the sources zip holds the code and lockfile, and no tests, output or dependencies', async () => {
  const names = [...(await unzip(path.join(out, zipName('sources')))).keys()];
  for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md']) {
    assert.ok(names.includes(needed), `${needed} is in the sources zip`);
  }
  assert.ok(names.some((name) => name.startsWith('entrypoints/')));
  for (const name of names) {
    assert.doesNotMatch(name, /(^|\/)(node_modules|tests|test-results)\//u, name);
    assert.doesNotMatch(name, /(^|\/)\./u, `${name}: hidden files stay out`);
  }
});

test('building the unpacked sources gives the Firefox package byte for byte', async () => {
  const sources = path.join(work, 'sources');
  mkdirSync(sources);
  for (const [name, bytes] of await unzip(path.join(out, zipName('sources')))) {
    mkdirSync(path.dirname(path.join(sources, name)), { recursive: true });
    writeFileSync(path.join(sources, name), bytes);
  }
  // A reviewer runs `npm ci` first; the test has no network, so it lends the project's own
  // node_modules, installed from the same lockfile.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(sources, 'node_modules'), 'dir');
  const env = { ...process.env };
  delete env.MHX_OUT_DIR;
  run('npm', ['run', '--silent', 'build:firefox'], { cwd: sources, env });
  assertSameFiles(
    await unzip(path.join(out, zipName('firefox'))),
    path.join(sources, '.output/firefox-mv3'),
    'rebuilt from sources',
  );
});
