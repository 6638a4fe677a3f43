import { describe, expect, it } from 'vitest';
import { siteDomainOf } from '@/utils/site-domain';
import { decideForAddress, type PageAddress, type RuleScope, type SiteRule } from '@/utils/site-rules';
import { flippedRules, scopeChoices, sectionPrefix, switchedRules } from '@/utils/site-switch-rules';

const rule = (scope: RuleScope, pattern: string, enabled = false): SiteRule => ({ scope, pattern, enabled });
const at = (host: string, path = '/'): PageAddress => ({ host, path });

describe('siteDomainOf', () => {
  it.each([
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['www.example.org', 'example.org'],
    ['example.org', 'example.org'],
    ['someone.github.io', 'someone.github.io'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, domain) => expect(siteDomainOf(host)).toBe(domain));
});

describe('sectionPrefix', () => {
  it.each([
    ['/', null],
    ['/article.html', '/article.html'],
    ['/health/', '/health/'],
    ['/health/depression/article', '/health/'],
  ])('%s → %s', (path, prefix) => expect(sectionPrefix(path)).toBe(prefix));
});

describe('scopeChoices', () => {
  it('offers the site, the host when it differs, and the section', () => {
    expect(scopeChoices(at('www.example.org', '/health/a'), 'example.org', null)).toEqual([
      { scope: 'domain', pattern: 'example.org', kind: 'site' },
      { scope: 'host', pattern: 'www.example.org', kind: 'host' },
      { scope: 'path', pattern: 'www.example.org/health/', kind: 'path' },
    ]);
  });

  it('offers no host for a host that is the site, and no path on the home page', () => {
    expect(scopeChoices(at('127.0.0.1'), '127.0.0.1', null)).toEqual([
      { scope: 'domain', pattern: '127.0.0.1', kind: 'site' },
    ]);
  });

  it('puts the deciding rule first when it is none of those', () => {
    const deciding = rule('path', 'www.example.org/health/kids/');
    expect(scopeChoices(at('www.example.org', '/health/kids/a'), 'example.org', deciding)[0]).toEqual({
      scope: 'path',
      pattern: 'www.example.org/health/kids/',
      kind: 'rule',
    });
  });
});

describe('switchedRules', () => {
  const page = at('www.example.org', '/health/a');
  const rules = [
    rule('path', 'www.example.org/health/', true),
    rule('domain', 'other.net'),
    rule('path', 'www.example.org/news/', true),
  ];

  it('adds a rule for the chosen scope and keeps rules for other pages', () => {
    const next = switchedRules(
      rules,
      at('www.example.org', '/news/x'),
      { scope: 'path', pattern: 'www.example.org/news/', kind: 'path' },
      false,
    );
    expect(next).toEqual([rules[0], rules[1], rule('path', 'www.example.org/news/', false)]);
  });

  it('drops narrower rules for this page that would still decide against the switch', () => {
    const next = switchedRules(rules, page, { scope: 'domain', pattern: 'example.org', kind: 'site' }, false);
    expect(next).toEqual([
      rule('domain', 'other.net'),
      rule('path', 'www.example.org/news/', true),
      rule('domain', 'example.org'),
    ]);
    expect(decideForAddress(page, 'everywhere', next)).toMatchObject({ verdict: 'off' });
  });
});

describe('flippedRules (command and context menu)', () => {
  it.each<[string, SiteRule[], PageAddress, boolean, SiteRule[]]>([
    [
      'no rule, shown: the site goes off',
      [],
      at('www.example.org', '/a'),
      true,
      [rule('domain', 'example.org', false)],
    ],
    [
      'no rule, hidden: the site goes on',
      [],
      at('www.example.org', '/a'),
      false,
      [rule('domain', 'example.org', true)],
    ],
    [
      'a rule decides: it flips where it is',
      [rule('host', 'www.example.org', false), rule('domain', 'a.net')],
      at('www.example.org', '/a'),
      false,
      [rule('host', 'www.example.org', true), rule('domain', 'a.net')],
    ],
    [
      'a deep path rule decides: it flips, the broader rule stays',
      [rule('domain', 'example.org', false), rule('path', 'example.org/health/kids/', true)],
      at('example.org', '/health/kids/x'),
      true,
      [rule('domain', 'example.org', false), rule('path', 'example.org/health/kids/', false)],
    ],
  ])('%s', (_what, rules, address, shownNow, expected) => {
    expect(flippedRules(rules, address, 'example.org', shownNow)).toEqual(expected);
  });
});
