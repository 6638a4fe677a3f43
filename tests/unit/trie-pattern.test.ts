import { describe, expect, it } from 'vitest';
import { phraseKey, triePatternSource } from '@/utils/trie-pattern';

const matchesOf = (phrases: string[], text: string) =>
  [...text.matchAll(new RegExp(triePatternSource(phrases), 'gi'))].map((found) => found[0]);

describe('triePatternSource', () => {
  it.each([
    [['ketamine', 'ketamine therapy'], 'ketamine therapy, ketamine', ['ketamine therapy', 'ketamine']],
    [['ser', 'serotonin', 'sero'], 'serotonin sero ser', ['serotonin', 'sero', 'ser']],
    [['a.b', 'c+d', '(e)'], 'a.b axb c+d (e) e', ['a.b', 'c+d', '(e)']],
    [['brain chemistry'], 'brain\u00a0 chemistry and brainchemistry', ['brain\u00a0 chemistry']],
    [["patient's view"], "patient’s view and patient's view", ['patient’s view', "patient's view"]],
    [['Mood'], 'MOOD mood Mood', ['MOOD', 'mood', 'Mood']],
  ])('%j in %j', (phrases, text, expected) => {
    expect(matchesOf(phrases, text)).toEqual(expected);
  });

  it('shares prefixes instead of listing every phrase', () => {
    const source = triePatternSource(['serotonin', 'serotonergic', 'sertraline']);
    expect(source.match(/ser/gu)).toHaveLength(1);
  });
});

describe('phraseKey', () => {
  it.each([
    ['Brain  Chemistry', 'brain chemistry'],
    [' ketamine\u00a0therapy ', 'ketamine therapy'],
    ['Patient’s', "patient's"],
  ])('%j → %j', (text, key) => expect(phraseKey(text)).toBe(key));
});
