import { describe, expect, it } from 'vitest';
import { decodeRuleLines, encodeRuleLines } from '@/utils/rule-lines';
import type { SiteRule } from '@/utils/site-rules';

const rules: SiteRule[] = [
  { scope: 'domain', pattern: 'example.org', enabled: false },
  { scope: 'host', pattern: 'www.example.net', enabled: true },
  { scope: 'path', pattern: 'example.org/health/a%20b', enabled: true },
];

describe('rule lines', () => {
  it('encodes one rule a line and reads them back in order', () => {
    const text = encodeRuleLines(rules);
    expect(text).toBe('-d example.org\n+h www.example.net\n+p example.org/health/a%20b');
    expect(decodeRuleLines(text)).toEqual(rules);
  });

  it.each([
    ['an empty text', '', []],
    ['a line of another kind', '-x example.org\n-d example.org', [rules[0]]],
    ['a line without a pattern', '+d \n+h www.example.net', [rules[1]]],
    ['a pattern that is not a host', '-d exa$mple.org\n-d example.org', [rules[0]]],
    ['a path rule without a path', '+p example.org\n-d example.org', [rules[0]]],
    ['Windows line ends and junk', '-d example.org\r\n\u0000\u0001garbage\n+h www.example.net', [rules[1]]],
  ])('skips what is damaged: %s', (_what, text, expected) => {
    expect(decodeRuleLines(text)).toEqual(expected);
  });
});
