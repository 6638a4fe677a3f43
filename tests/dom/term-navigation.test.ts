import { afterEach, describe, expect, it } from 'vitest';
import { adjacentTerm, beyondTerm, compareDocumentOrder, type TermDirection } from '@/page/card/term-navigation';

interface Term {
  name: string;
  range: Range;
}

/** Every `[word]` of the markup as a term named by its word, listed in the given (found) order. */
function termsIn(html: string, foundOrder?: readonly string[]): Term[] {
  document.body.innerHTML = html.replace(/\[(\w+)\]/gu, '<b>$1</b>');
  const terms = [...document.querySelectorAll('b')].map((element) => term(element));
  if (!foundOrder) return terms;
  return foundOrder.map((name) => {
    const found = terms.find((candidate) => candidate.name === name);
    if (!found) throw new Error(name);
    return found;
  });
}

function term(element: Element): Term {
  const range = document.createRange();
  range.selectNodeContents(element.firstChild ?? element);
  return { name: element.textContent ?? '', range };
}

const names = (terms: readonly (Term | null)[]) => terms.map((found) => found?.name ?? null);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('adjacentTerm', () => {
  // Found out of order, as after a rescan of the middle of the page.
  const html = '<p>[a] x [b]</p><div><p>[c]</p></div><p>[d]</p>';
  const foundOrder = ['c', 'a', 'd', 'b'];

  it.each<[string, TermDirection, string[]]>([
    ['steps forward in document order and wraps round', 'next', ['b', 'c', 'd', 'a']],
    ['steps back in document order and wraps round', 'previous', ['d', 'a', 'b', 'c']],
  ])('%s', (_name, direction, expected) => {
    const terms = termsIn(html, foundOrder);
    const from = (name: string) => terms.find((candidate) => candidate.name === name) as Term;
    expect(
      names(['a', 'b', 'c', 'd'].map((name) => adjacentTerm(terms, direction, beyondTerm(from(name), direction)))),
    ).toEqual(expected);
  });

  it.each<[TermDirection, string[], string]>([
    ['next', ['c', 'd'], 'c'],
    ['next', [], 'a'],
    ['previous', ['a', 'b'], 'b'],
    ['previous', [], 'd'],
  ])('%s from a place (beyond: %j) picks %s', (direction, beyond, expected) => {
    const terms = termsIn(html, foundOrder);
    expect(adjacentTerm(terms, direction, (candidate) => beyond.includes(candidate.name))?.name).toBe(expected);
  });

  it('has nothing to show on a page without terms', () => {
    expect(adjacentTerm([], 'next', () => true)).toBeNull();
  });

  it('a single term is its own next and previous', () => {
    const [only] = termsIn('<p>[a]</p>');
    if (!only) throw new Error('no term');
    expect(adjacentTerm([only], 'next', beyondTerm(only, 'next'))).toBe(only);
    expect(adjacentTerm([only], 'previous', beyondTerm(only, 'previous'))).toBe(only);
  });
});

describe('compareDocumentOrder', () => {
  it('orders ranges of one tree as the document does', () => {
    const [a, b] = termsIn('<p>[a]</p><p>[b]</p>');
    if (!a || !b) throw new Error('no terms');
    expect(compareDocumentOrder(a.range, b.range)).toBe(-1);
    expect(compareDocumentOrder(b.range, a.range)).toBe(1);
    expect(compareDocumentOrder(a.range, a.range)).toBe(0);
  });

  it('orders a term inside an open shadow root by where its host is, without throwing', () => {
    const [before, after] = termsIn('<p>[before]</p><div id="host"></div><p>[after]</p>');
    if (!before || !after) throw new Error('no terms');
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<section><b>inside</b></section>';
    const inside = term(shadow.querySelector('b') as Element);
    expect(compareDocumentOrder(before.range, inside.range)).toBe(-1);
    expect(compareDocumentOrder(inside.range, before.range)).toBe(1);
    expect(compareDocumentOrder(inside.range, after.range)).toBe(-1);
    expect(names([adjacentTerm([after, inside, before], 'next', beyondTerm(before, 'next'))])).toEqual(['inside']);
  });
});
