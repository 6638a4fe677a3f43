import { describe, expect, it } from 'vitest';
import { glossary } from '@/content/glossary';
import { matchableGlossary } from '@/content/matchable-glossary';

describe('matchableGlossary', () => {
  it('has every term with all its spellings and exclusions, in the glossary’s order', () => {
    expect(matchableGlossary).toEqual(
      glossary.map(({ id, term, aliases, notWhen }) =>
        notWhen ? { id, term, aliases, notWhen } : { id, term, aliases },
      ),
    );
  });

  it('carries nothing of the card: no summary, citation or related term', () => {
    for (const entry of matchableGlossary) {
      expect(Object.keys(entry).sort()).toEqual(expect.not.arrayContaining(['summary', 'citations', 'related']));
    }
  });
});
