import { describe, expect, it } from 'vitest';
import {
  decideSite,
  decidingRule,
  decisionDependsOnPath,
  type HighlightMode,
  pageAddress,
  type RuleScope,
  ruleApplies,
  type SiteRule,
  siteOf,
  uniqueRules,
  upsertRule,
} from '@/utils/site-rules';

const rule = (scope: RuleScope, pattern: string, enabled = false): SiteRule => ({ scope, pattern, enabled });

describe('ruleApplies', () => {
  it.each([
    // domain: the domain itself and every subdomain, nothing that merely ends in the same letters
    [rule('domain', 'example.org'), 'https://example.org/', true],
    [rule('domain', 'example.org'), 'https://www.example.org/a', true],
    [rule('domain', 'example.org'), 'https://a.b.example.org/', true],
    [rule('domain', 'example.org'), 'https://badexample.org/', false],
    [rule('domain', 'example.org'), 'https://example.org.evil.net/', false],
    [rule('domain', 'example.org'), 'https://EXAMPLE.org:8443/', true],
    // host: exactly that host, any port, any path
    [rule('host', 'www.example.org'), 'https://www.example.org/x', true],
    [rule('host', 'www.example.org'), 'https://example.org/', false],
    [rule('host', 'www.example.org'), 'https://m.www.example.org/', false],
    [rule('host', '127.0.0.1'), 'http://127.0.0.1:8080/article.html', true],
    [rule('host', '127.0.0.1'), 'http://localhost:8080/article.html', false],
    // path: that host, paths under the prefix; a prefix without "/" is a directory, not a word start
    [rule('path', 'example.org/health/'), 'https://example.org/health/', true],
    [rule('path', 'example.org/health/'), 'https://example.org/health/depression?x=1', true],
    [rule('path', 'example.org/health/'), 'https://example.org/health', false],
    [rule('path', 'example.org/health/'), 'https://www.example.org/health/a', false],
    [rule('path', 'example.org/health'), 'https://example.org/health', true],
    [rule('path', 'example.org/health'), 'https://example.org/health/a', true],
    [rule('path', 'example.org/health'), 'https://example.org/healthy', false],
    [rule('path', 'example.org/Health/'), 'https://example.org/health/', false],
  ])('%j on %s → %s', (candidate, url, applies) => {
    const address = pageAddress(url);
    expect(address).not.toBeNull();
    if (address) expect(ruleApplies(candidate, address)).toBe(applies);
  });
});

describe('precedence: the most specific rule wins', () => {
  const rules: SiteRule[] = [
    rule('domain', 'example.org', false),
    rule('domain', 'news.example.org', true),
    rule('host', 'www.example.org', true),
    rule('path', 'www.example.org/health/', false),
    rule('path', 'www.example.org/health/kids/', true),
    rule('host', 'news.example.org', false),
    rule('path', 'example.org/', true),
  ];

  it.each([
    ['https://example.org/about', 'path example.org/'],
    ['https://shop.example.org/', 'domain example.org'],
    ['https://a.news.example.org/', 'domain news.example.org'],
    ['https://news.example.org/', 'host news.example.org'],
    ['https://www.example.org/', 'host www.example.org'],
    ['https://www.example.org/health/', 'path www.example.org/health/'],
    ['https://www.example.org/health/kids/games', 'path www.example.org/health/kids/'],
    ['https://other.net/', null],
  ])('%s is decided by %s', (url, expected) => {
    const address = pageAddress(url);
    if (!address) throw new Error('test URL must be a web page');
    const found = decidingRule(address, rules);
    expect(found ? `${found.scope} ${found.pattern}` : null).toBe(expected);
  });

  it('does not depend on the order rules were added in', () => {
    const address = pageAddress('https://www.example.org/health/kids/games');
    if (!address) throw new Error('unreachable');
    expect(decidingRule(address, [...rules].reverse())).toEqual(rule('path', 'www.example.org/health/kids/', true));
  });
});

describe('decideSite', () => {
  const rules = [rule('domain', 'off.example', false), rule('host', 'on.example', true)];

  it.each<[string, HighlightMode, string, string]>([
    ['https://news.example/a', 'everywhere', 'on', 'mode'],
    ['https://news.example/a', 'mental-health-pages', 'if-relevant', 'mode'],
    ['https://news.example/a', 'chosen-sites', 'off', 'mode'],
    ['https://sub.off.example/any?q=1', 'everywhere', 'off', 'rule'],
    ['https://off.example/', 'mental-health-pages', 'off', 'rule'],
    ['https://on.example/', 'chosen-sites', 'on', 'rule'],
    ['https://on.example/', 'mental-health-pages', 'on', 'rule'],
    ['about:blank', 'everywhere', 'off', 'unsupported-page'],
    ['chrome://extensions', 'everywhere', 'off', 'unsupported-page'],
    ['file:///home/a.html', 'everywhere', 'off', 'unsupported-page'],
    ['not a url', 'everywhere', 'off', 'unsupported-page'],
  ])('%s in mode %s → %s (%s)', (url, mode, verdict, reason) => {
    expect(decideSite(url, mode, rules)).toMatchObject({ verdict, reason });
  });

  it('names the rule that decided', () => {
    expect(decideSite('https://off.example/', 'everywhere', rules)).toEqual({
      verdict: 'off',
      reason: 'rule',
      rule: rule('domain', 'off.example', false),
    });
  });
});

describe('pageAddress and siteOf', () => {
  it.each([
    ['https://Example.org:8443/x', { host: 'example.org', path: '/x' }],
    ['http://localhost:3000/', { host: 'localhost', path: '/' }],
    ['https://example.org./a%20b', { host: 'example.org', path: '/a%20b' }],
    ['data:text/html,hi', null],
    ['', null],
  ])('%s → %j', (url, address) => {
    expect(pageAddress(url)).toEqual(address);
    expect(siteOf(url)).toBe(address?.host ?? null);
  });

  it('reads a page’s location, already parsed, as it reads its URL', () => {
    for (const url of ['https://Example.org:8443/x', 'https://example.org./a%20b', 'data:text/html,hi']) {
      const { protocol, hostname, pathname } = new URL(url);
      expect(pageAddress({ protocol, hostname, pathname })).toEqual(pageAddress(url));
    }
  });
});

describe('decisionDependsOnPath: can a move to another path of the page change the decision?', () => {
  it.each([
    ['no rules', [], false],
    ['a domain and a host rule for the site', [rule('domain', 'example.org'), rule('host', 'example.org')], false],
    ['a path rule for the site', [rule('path', 'example.org/health/')], true],
    ['a path rule for another site', [rule('path', 'other.example/health/')], false],
    ['a path rule for a subdomain', [rule('path', 'www.example.org/health/')], false],
  ])('%s → %s', (_what, rules, expected) => {
    expect(decisionDependsOnPath('https://example.org/news', rules)).toBe(expected);
  });

  it('never for a page the extension does not run on', () => {
    expect(decisionDependsOnPath('data:text/html,hi', [rule('path', 'example.org/x/')])).toBe(false);
  });
});

describe('upsertRule and uniqueRules', () => {
  const rules = [rule('domain', 'a.example'), rule('host', 'b.example')];

  it('replaces the rule with the same scope and pattern in place, and adds others at the end', () => {
    expect(upsertRule(rules, rule('domain', 'a.example', true))).toEqual([
      rule('domain', 'a.example', true),
      rule('host', 'b.example'),
    ]);
    expect(upsertRule(rules, rule('host', 'a.example', true))).toEqual([...rules, rule('host', 'a.example', true)]);
  });

  it('keeps one rule per scope and pattern: the last value, where it first appeared', () => {
    expect(uniqueRules([...rules, rule('domain', 'a.example', true)])).toEqual([
      rule('domain', 'a.example', true),
      rule('host', 'b.example'),
    ]);
  });
});
