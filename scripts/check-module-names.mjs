// Fails when two modules share a base name, wherever they are: a reader should find a module by its
// name alone, and a name should say which half of a thing a file holds. Entry files are exempt:
// index and main, and WXT's entrypoints/*, which are named for the bundle they build
// (entrypoints/term-card.ts builds term-card.js); so are type declarations and test fixtures. Names are compared without case and
// separators, so `SiteSwitch.tsx` and `site-switch.ts` count as one name.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULE = /\.(?:[cm]?[jt]sx?)$/u;
const EXEMPT_BASES = new Set(['index', 'main']);

/** The key two modules must not share: base name without extension, case or separators. */
export function moduleNameKey(file) {
  return path.posix.basename(file).replace(MODULE, '').toLowerCase().replace(/[-_.]/gu, '');
}

/** Groups of module paths that share a name key, e.g. [['a/site.ts', 'b/site.ts']]. */
export function sharedModuleNames(files) {
  const byKey = new Map();
  for (const file of files) {
    if (!MODULE.test(file) || file.endsWith('.d.ts') || file.startsWith('tests/fixtures/')) continue;
    if (/^entrypoints\/[^/]+$/u.test(file)) continue;
    const base = path.posix.basename(file).replace(MODULE, '');
    if (EXEMPT_BASES.has(base)) continue;
    const key = moduleNameKey(file);
    byKey.set(key, [...(byKey.get(key) ?? []), file]);
  }
  return [...byKey.values()].filter((group) => group.length > 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file, index, all) => file !== '' && all.indexOf(file) === index);
  const shared = sharedModuleNames(files);
  if (shared.length > 0) {
    console.error('Modules that share a base name (name each for what it holds):');
    for (const group of shared) console.error(`  ${group.join('  ~  ')}`);
    process.exit(1);
  }
  console.log(`Module names: ${files.filter((file) => MODULE.test(file)).length} files, no two share a base name.`);
}
