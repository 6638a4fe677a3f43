import { describe, expect, it } from 'vitest';
import { glossary } from '@/content/glossary';
import { compileGlossary } from '@/utils/glossary-compiler';
import { createTermMatcher } from '@/utils/term-matcher';

const matcher = createTermMatcher(compileGlossary(glossary));
const found = (text: string) =>
  matcher.findAll(text).map((match) => [text.slice(match.start, match.end), match.termId] as const);

describe('term matcher over the real glossary', () => {
  it.each([
    ['SSRIs are common.', [['SSRIs', 'ssri']]],
    ['An SSRI-based plan', [['SSRI', 'ssri']]],
    [
      'Selective Serotonin Reuptake Inhibitors (SSRIs)',
      [
        ['Selective Serotonin Reuptake Inhibitors', 'ssri'],
        ['SSRIs', 'ssri'],
      ],
    ],
    ['selective serotonin reuptake inhibitor', [['selective serotonin reuptake inhibitor', 'ssri']]],
    ['selective\u00a0serotonin  reuptake\ninhibitors', [['selective\u00a0serotonin  reuptake\ninhibitors', 'ssri']]],
    ['ssri in lower case is not the acronym', []],
    [
      'Ketamine, ketamines and ketamine’s effects',
      [
        ['Ketamine', 'ketamine'],
        ['ketamines', 'ketamine'],
        ['ketamine’s', 'ketamine'],
      ],
    ],
    ['Ketamine therapy works fast', [['Ketamine therapy', 'ketamine']]],
    ['the glutamate pathway', [['glutamate pathway', 'glutamate']]],
    ['glutamatergic neurons', []],
    ['serotonin levels', [['serotonin', 'serotonin']]],
    [
      'Depression and anxiety.',
      [
        ['Depression', 'depression'],
        ['anxiety', 'anxiety'],
      ],
    ],
    ['psychotherapy; psychotherapist', [['psychotherapy', 'psychotherapy']]],
    ['What is Psychedelic Integration?', [['Psychedelic Integration', 'psychedelic-integration']]],
    ['introspective journeys', [['introspective', 'introspection']]],
    ['no terms here at all', []],
    ['', []],
    ['antidepression', []],
    ['the Great Depression hit farmers', []],
    ['during the great  depression and after', []],
    ['a tropical depression formed; economic depression followed', []],
    ['Depression-era photographs', []],
    ['ketamine causes less respiratory depression than opioids', [['ketamine', 'ketamine']]],
    ['CNS depression, ST-segment depression and depression of the ST segment on the ECG', []],
    ['her first depression was the worst', [['depression', 'depression']]],
    ['Great Depression survivors had depression too', [['depression', 'depression']]],
    [
      'she lives with depression and anxiety',
      [
        ['depression', 'depression'],
        ['anxiety', 'anxiety'],
      ],
    ],
    ['SSRI’s side effects', [['SSRI’s', 'ssri']]],
    ['keta\u00admine is split by a soft hyphen here, handled where text is collected', []],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('finds the same terms in a string 1,000 times longer, in order', () => {
    const text = 'SSRIs alter serotonin. '.repeat(1000);
    expect(matcher.findAll(text)).toHaveLength(2000);
  });

  it('handles lone surrogates and right-to-left text without throwing', () => {
    expect(found('\ud800 ketamine \u05e9\u05dc\u05d5\u05dd depression \udfff')).toEqual([
      ['ketamine', 'ketamine'],
      ['depression', 'depression'],
    ]);
  });
});

describe('term matcher rules', () => {
  it('prefers the longest alias at one position', () => {
    const small = createTermMatcher(
      compileGlossary([
        { id: 'short', term: 'serotonin', aliases: [] },
        { id: 'long', term: 'serotonin reuptake', aliases: [] },
      ]),
    );
    expect(small.findAll('serotonin reuptake').map((match) => match.termId)).toEqual(['long']);
  });

  it('treats regular-expression characters in terms as text', () => {
    const small = createTermMatcher(compileGlossary([{ id: 'x', term: 'C++ (v2)', aliases: [] }]));
    expect(small.findAll('use C++ (v2) now')).toEqual([{ start: 4, end: 12, termId: 'x' }]);
  });

  it('keeps looking after a candidate that fails its boundary', () => {
    const small = createTermMatcher(
      compileGlossary([
        { id: 'ket', term: 'ketamine', aliases: [] },
        { id: 'therapy', term: 'ketamine therapy', aliases: [] },
      ]),
    );
    expect(small.findAll('ketamine therapyx').map((match) => match.termId)).toEqual(['ket']);
    expect(small.findAll('xketamine ketamine').map((match) => match.start)).toEqual([10]);
  });

  it('reads acronyms only in capitals but other spellings in any case', () => {
    const small = createTermMatcher(
      compileGlossary([{ id: 'cbt', term: 'CBT', aliases: ['cognitive behavioural therapy'] }]),
    );
    expect(small.findAll('cbt CBT Cognitive Behavioural Therapy').map((match) => match.start)).toEqual([4, 8]);
  });

  it('keeps case rules and spellings apart after matching hundreds of different spellings', () => {
    const spaced = Array.from({ length: 600 }, (_, index) => `selective${' '.repeat(index + 1)}serotonin`).join('. ');
    const small = createTermMatcher(
      compileGlossary([
        { id: 'cbt', term: 'CBT', aliases: [] },
        { id: 'serotonin', term: 'selective serotonin', aliases: [] },
      ]),
    );
    expect(small.findAll(spaced)).toHaveLength(600);
    for (let round = 0; round < 2; round++) {
      expect(small.findAll('cbt CBT Cbt').map((match) => match.start)).toEqual([4]);
      small.findAll(spaced);
    }
  });

  it('matches nothing with an empty glossary', () => {
    const empty = createTermMatcher(compileGlossary([]));
    expect(empty.findAll('ketamine')).toEqual([]);
    expect(empty.mayMatch.test('ketamine')).toBe(false);
  });

  it.each([
    ['SSRIs are common.', true],
    ['ssri in lower case', true],
    ['glutamatergic', true],
    ['the Great Depression', true],
    ['no terms here at all', false],
    ['', false],
  ])('pre-tests %j as worth a closer read: %s', (text, worth) => {
    matcher.mayMatch.lastIndex = 0;
    expect(matcher.mayMatch.test(text)).toBe(worth);
  });
});

describe('occurrences in another sense', () => {
  const inOtherSense = (text: string) => {
    const told: string[] = [];
    const matches = matcher.findAll(text, (termId) => told.push(termId));
    return { told, found: matches.map((match) => text.slice(match.start, match.end)) };
  };

  it.each([
    ['Tropical Depression Nine is moving north.', ['depression'], []],
    ['The Great Depression and the depression that followed.', ['depression'], ['depression']],
    ['Respiratory depression, CNS depression and depression.', ['depression', 'depression'], ['depression']],
    ['Depression and anxiety.', [], ['Depression', 'anxiety']],
  ])('%j: told %j, found %j', (text, told, found) => {
    expect(inOtherSense(text)).toEqual({ told, found });
  });
});
