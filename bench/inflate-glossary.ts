import type { GlossaryEntry } from '@/content/types';

const SYLLABLES = [
  'ka',
  'te',
  'mi',
  'ro',
  'su',
  'lan',
  'ver',
  'tho',
  'pli',
  'gra',
  'nes',
  'dor',
  'quo',
  'zen',
  'fi',
  'bu',
];

/**
 * The real glossary plus synthetic terms up to `size`: deterministic pseudo-words, some of them
 * two-word phrases and acronyms, so the benchmark can show that matching cost does not grow with
 * the number of terms.
 */
export function inflateGlossary(real: readonly GlossaryEntry[], size: number): GlossaryEntry[] {
  const entries = [...real];
  const template = real[0];
  if (!template) return entries;
  let seed = 7;
  const next = (limit: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % limit;
  };
  const word = () => Array.from({ length: 2 + next(4) }, () => SYLLABLES[next(SYLLABLES.length)]).join('');
  while (entries.length < size) {
    const index = entries.length;
    const roll = next(10);
    const term = roll === 0 ? `X${word().toUpperCase().slice(0, 3)}` : roll < 3 ? `${word()} ${word()}` : word();
    entries.push({ ...template, id: `synthetic-${index}`, term, aliases: [], notWhen: [], related: [] });
  }
  return entries;
}
