// The pages `npm run bench` measures: the real pages of ../shared/pages when that folder is there
// (see its README), pages generated here, and a bare page like example.com.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const SENTENCES = [
  'SSRIs are a cornerstone in treating conditions like depression and anxiety.',
  'Ketamine therapy adjusts brain chemistry by affecting the glutamate pathway.',
  'It is often combined with psychotherapy, and some speak of psychedelic integration.',
  'Plain sentences about the weather, the garden and the week ahead fill the rest of the page.',
];

/**
 * ../shared/pages beside the project; in a git worktree elsewhere, beside the main checkout.
 * MHX_SHARED_PAGES names another folder. Null where there is none (a user's machine).
 */
export function sharedPagesDir() {
  const candidates = [process.env.MHX_SHARED_PAGES, path.resolve(ROOT, '../shared/pages')];
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    candidates.push(path.resolve(path.dirname(common), '../shared/pages'));
  } catch {
    // Not a git checkout: only the folder beside the project.
  }
  return candidates.find((dir) => dir && existsSync(dir)) ?? null;
}

/** A page about nothing, of example.com's size and shape: what every page costs at the least. */
export const BARE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Example Domain</title>
<style>body { background: #eee; width: 60vw; margin: 15vh auto; font-family: system-ui, sans-serif; } h1 { font-size: 1.5em; } div { opacity: 0.8; } a:link, a:visited { color: #348; }</style>
</head>
<body>
<div>
<h1>Example Domain</h1>
<p>This domain is for use in documentation examples without needing permission. Avoid use in operations.</p>
<p><a href="https://www.iana.org/domains/example">Learn more</a></p>
</div>
</body>
</html>
`;

/** Pages made here: a long feed of short paragraphs and a deeply nested one, both about the glossary's subject. */
export function generatedPages() {
  const feed = Array.from({ length: 5000 }, (_, index) => `<p>${SENTENCES[index % SENTENCES.length]}</p>`).join('\n');
  const nested = `${'<div>'.repeat(2000)}<p>${SENTENCES.join(' ')}</p>${'</div>'.repeat(2000)}`;
  return {
    'generated-feed.html': `<!doctype html><title>feed</title><main>${feed}</main>`,
    'generated-deep.html': `<!doctype html><title>deep</title>${nested}${feed.slice(0, 200_000)}`,
  };
}

/**
 * name → HTML of every page to measure: the shared pages (sorted), then the generated ones.
 * BENCH_PAGES=a.html,b.html keeps only those, for a quick look at one change.
 */
export function benchPages({ bare = false } = {}) {
  const pages = {};
  const shared = sharedPagesDir();
  if (shared) {
    for (const file of readdirSync(shared)
      .filter((name) => name.endsWith('.html'))
      .sort()) {
      pages[file] = readFileSync(path.join(shared, file), 'utf8');
    }
  }
  Object.assign(pages, generatedPages());
  if (bare) pages['bare-example.html'] = BARE_PAGE;
  const only = process.env.BENCH_PAGES?.split(',').map((name) => name.trim());
  return only ? Object.fromEntries(Object.entries(pages).filter(([name]) => only.includes(name))) : pages;
}

/** The glossary's spellings as one regular expression, the way mark.js users combine terms. */
export function glossaryRegExpSource() {
  const source = readFileSync(path.join(ROOT, 'content/glossary.ts'), 'utf8');
  const spellings = new Set();
  for (const [, term, aliases] of source.matchAll(/term: '([^']+)',\s*aliases: \[([^\]]*)\]/gu)) {
    spellings.add(term);
    for (const [, alias] of aliases.matchAll(/'([^']+)'/gu)) spellings.add(alias);
  }
  const escaped = [...spellings]
    .sort((a, b) => b.length - a.length)
    .map((spelling) => spelling.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, '\\s+'));
  return `\\b(?:${escaped.join('|')})(?:e?s)?\\b`;
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
