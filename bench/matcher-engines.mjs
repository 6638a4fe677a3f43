// Part of `npm run bench`: issue 3 asks whether one generated regular expression or an
// Aho-Corasick automaton finds the glossary's terms faster. Both run here side by side, in Node's
// V8 (Chromium's engine), over War and Peace's text (or, where the shared pages are absent, a
// generated text), with the real glossary and with it inflated to 1,000 terms.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AhoCorasick as FastAhoCorasick } from '@monyone/aho-corasick/fast';
import { runnerImport } from 'vite';
import { median, ROOT, sharedPagesDir } from './bench-pages.mjs';

const RUNS = 7;

/** Loads one of the project's TypeScript modules as the build resolves it. */
async function load(modulePath) {
  const { module } = await runnerImport(path.join(ROOT, modulePath), {
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@': ROOT } },
  });
  return module;
}

function corpus() {
  const shared = sharedPagesDir();
  const file = shared && path.join(shared, 'war-and-peace.html');
  if (file && existsSync(file)) {
    const html = readFileSync(file, 'utf8');
    return { name: 'war-and-peace.html', text: html.replace(/<[^>]*>/gu, ' ').replace(/&[a-z]+;/gu, ' ') };
  }
  const sentence =
    'Plain sentences about the weather and the week ahead, and now and then SSRIs, ketamine or depression. ';
  return { name: 'a generated text', text: sentence.repeat(36_000) };
}

function medianMs(work) {
  const samples = [];
  let result;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = work();
    samples.push(performance.now() - started);
  }
  return { ms: median(samples), result };
}

/** The trie expression (the whole matcher) against the automaton, per glossary; times in ms, medians of 7. */
export async function measureMatcherEngines() {
  const [{ glossary }, { compileGlossary }, { createTermMatcher }, { inflateGlossary }] = await Promise.all([
    load('content/glossary.ts'),
    load('utils/glossary-compiler.ts'),
    load('utils/term-matcher.ts'),
    load('bench/inflate-glossary.ts'),
  ]);
  const { name, text } = corpus();
  const rows = [];
  for (const [label, terms] of [
    ['real', glossary],
    ['1,000 terms', inflateGlossary(glossary, 1000)],
  ]) {
    const compiled = compileGlossary(terms);
    const matcher = createTermMatcher(compiled);
    // The automaton gets the spellings' keys and lower-cased text: it is case-sensitive, and knows
    // no white-space runs, word edges or exclusions, so it does less than the matcher measured beside it.
    const automaton = new FastAhoCorasick(compiled.spellings.map(([key]) => key));
    const expression = medianMs(() => matcher.findAll(text).length);
    const lowerCasing = medianMs(() => text.toLowerCase().length);
    const aho = medianMs(() => automaton.matchInText(text.toLowerCase()).length);
    rows.push({
      glossary: label,
      expression: expression.ms,
      expressionFound: expression.result,
      aho: aho.ms,
      ahoFound: aho.result,
      lowerCasing: lowerCasing.ms,
    });
  }
  return { corpus: name, characters: text.length, runs: RUNS, node: process.versions.node, rows };
}
