import { describe, expect, it } from 'vitest';
import { compiledGlossary } from '@/content/compiled-glossary';
import { glossary } from '@/content/glossary';
import { compileGlossary } from '@/utils/glossary-compiler';
import { createTermMatcher } from '@/utils/term-matcher';

describe('compileGlossary', () => {
  it('keys each spelling by its phrase key, with the capitals an acronym must keep', () => {
    expect(
      compileGlossary([
        { id: 'ssri', term: 'SSRI', aliases: ['Selective  Serotonin’s Reuptake', ' '] },
        { id: 'ssri-word', term: 'Ssri', aliases: ['SSRI'] },
      ]).spellings,
    ).toEqual([
      [
        'ssri',
        [
          ['ssri', 'SSRI'],
          ['ssri-word', null],
          ['ssri-word', 'SSRI'],
        ],
      ],
      ["selective serotonin's reuptake", [['ssri', null]]],
    ]);
  });

  it('lists a spelling given twice for one term once', () => {
    expect(compileGlossary([{ id: 'k', term: 'Ketamine', aliases: ['ketamine', 'Ketamine '] }]).spellings).toEqual([
      ['ketamine', [['k', null]]],
    ]);
  });

  it('keeps exclusions per term, and nothing for terms without', () => {
    const { exclusions } = compileGlossary([
      { id: 'depression', term: 'depression', aliases: [], notWhen: ['Great Depression'] },
      { id: 'anxiety', term: 'anxiety', aliases: [], notWhen: [] },
    ]);
    expect(exclusions.map(([termId]) => termId)).toEqual(['depression']);
    expect(new RegExp(exclusions[0]?.[1] ?? '(?!)', 'i').test('the great   depression')).toBe(true);
  });

  it('compiles an empty glossary to an expression source of nothing', () => {
    expect(compileGlossary([])).toEqual({ spellingsSource: '', spellings: [], exclusions: [] });
    expect(compileGlossary([{ id: 'blank', term: '  ', aliases: [] }]).spellingsSource).toBe('');
  });
});

describe('the bundled compiled glossary', () => {
  it('is the glossary compiled', () => {
    expect(compiledGlossary).toEqual(compileGlossary(glossary));
  });

  it('matches the same after a trip through JSON, as the build ships it', () => {
    const shipped = createTermMatcher(JSON.parse(JSON.stringify(compiledGlossary)));
    const direct = createTermMatcher(compiledGlossary);
    const text =
      'SSRIs and selective serotonin reuptake inhibitors, ketamine therapy, the Great Depression and depression, ssri.';
    expect(shipped.findAll(text)).toEqual(direct.findAll(text));
    expect(direct.findAll(text).length).toBeGreaterThan(3);
  });

  it('carries nothing of the card: no summary, citation or related term', () => {
    const shipped = JSON.stringify(compiledGlossary);
    for (const entry of glossary) expect(shipped).not.toContain(entry.summary.slice(0, 40));
    expect(shipped).not.toMatch(/summary|citations|related/u);
  });
});
