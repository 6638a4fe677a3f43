import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MatchableTerm } from '@/utils/glossary-compiler';
import { compileGlossary } from '@/utils/glossary-compiler';
import { createTermMatcher } from '@/utils/term-matcher';
import { referenceMatches } from './reference-highlights';
import { propertyParameters, propertyTimeoutMs } from './run-count';

/**
 * The matcher against the reference over glossaries it has never seen: spellings that share
 * prefixes, end in "e" or an apostrophe, hold regular-expression characters, acronyms beside
 * ordinary words, exclusions that overlap. The real glossary has few such collisions; a future one
 * may have any.
 */
const WORDS = ['ab', 'abe', 'abc', 'a', 'b', 'AB', 'ABC', 'A1', 'ba', "ab'", 'a-b', 'a.b', 'c++', 'bé', 'é'];

const spelling = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
  .chain((words) => fc.constantFrom(' ', '  ').map((space) => words.join(space)));

/** Terms with distinct spellings (one spelling, one meaning), some with aliases, some with exclusion phrases. */
const randomGlossary: fc.Arbitrary<MatchableTerm[]> = fc
  .record({
    spellings: fc.uniqueArray(spelling, {
      minLength: 1,
      maxLength: 6,
      selector: (text) => text.toLowerCase().replace(/\s+/gu, ' '),
    }),
    owners: fc.array(fc.nat(), { maxLength: 6 }),
    exclusions: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...WORDS), fc.boolean()), { maxLength: 3 }),
  })
  .map(({ spellings, owners, exclusions }) => {
    const terms: { id: string; term: string; aliases: string[]; notWhen: string[] }[] = [];
    spellings.forEach((text, index) => {
      // An alias of a term already made, or a term of its own.
      const owner = terms[(owners[index] ?? terms.length) % (terms.length + 1)];
      if (owner) owner.aliases.push(text);
      else terms.push({ id: `t${terms.length}`, term: text, aliases: [], notWhen: [] });
    });
    for (const [index, word, before] of exclusions) {
      const term = terms[index % terms.length] as (typeof terms)[number];
      term.notWhen.push(before ? `${word} ${term.term}` : `${term.term} ${word}`);
    }
    return terms.map(({ notWhen, ...term }) => (notWhen.length > 0 ? { ...term, notWhen } : term));
  });

function textFor(terms: readonly MatchableTerm[]): fc.Arbitrary<string> {
  const spellings = terms.flatMap((term) => [term.term, ...term.aliases, ...(term.notWhen ?? [])]);
  const word = fc.oneof(
    fc.tuple(fc.constantFrom(...spellings), fc.boolean()).map(([text, upper]) => (upper ? text.toUpperCase() : text)),
    fc.constantFrom(...WORDS),
  );
  const separator = fc.constantFrom(' ', ' ', '\u00a0', '\n', '', 's', 'es', "'s", '’s', 'x', 'é', '-', '.', '’');
  return fc.array(fc.tuple(separator, word), { maxLength: 6 }).map((pairs) => pairs.flat().join(''));
}

describe('the matcher over random glossaries', () => {
  it(
    'finds exactly what the reference finds, and its pre-test misses none of it',
    () => {
      fc.assert(
        fc.property(
          randomGlossary.chain((terms) => fc.tuple(fc.constant(terms), textFor(terms))),
          ([terms, text]) => {
            const matcher = createTermMatcher(compileGlossary(terms));
            expect(matcher.findAll(text)).toEqual(referenceMatches(text, terms));
            // Text the pre-test passes over must hold no term.
            matcher.mayMatch.lastIndex = 0;
            if (!matcher.mayMatch.test(text)) expect(matcher.findAll(text)).toEqual([]);
          },
        ),
        propertyParameters(300),
      );
    },
    propertyTimeoutMs(300),
  );
});
