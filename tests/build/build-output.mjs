// Where the build tests find the builds: `npm run build` writes .output/; MHX_OUT_DIR points elsewhere
// (as it does for `wxt build`, see wxt.config.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT_DIR = path.resolve(ROOT, process.env.MHX_OUT_DIR ?? '.output');
export const BUILDS = { chrome: path.join(OUT_DIR, 'chrome-mv3'), firefox: path.join(OUT_DIR, 'firefox-mv3') };
export const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

export function readManifest(dir) {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run \`npm run build\` first`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every file of a build (or any folder), as paths relative to it, sorted. */
export function filesIn(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path
        .relative(dir, path.join(entry.parentPath ?? entry.path, entry.name))
        .split(path.sep)
        .join('/'),
    )
    .sort();
}

/** The project's own runtime source (what ships), not tests or configuration. */
export function sourceFiles() {
  return ['entrypoints', 'components', 'content', 'utils', 'extension', 'page'].flatMap((folder) =>
    filesIn(path.join(ROOT, folder))
      .filter((file) => /\.(ts|tsx)$/u.test(file))
      .map((file) => ({ file: `${folder}/${file}`, text: readFileSync(path.join(ROOT, folder, file), 'utf8') })),
  );
}
