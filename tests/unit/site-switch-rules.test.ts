import { describe, expect, it } from 'vitest';
import { siteDomainOf } from '@/utils/site-domain';
import { decideForAddress, type PageAddress, type RuleScope, type SiteRule } from '@/utils/site-rules';
import {
  flippedRules,
  pausedRules,
  scopeChoices,
  sectionPrefix,
  switchedRules,
  undoneRules,
} from '@/utils/site-switch-rules';

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

describe("pausedRules (the card's “Not on this site”) and undoneRules", () => {
  const page = at('www.example.org', '/health/a');
  const domain = 'example.org';

  it.each([
    ['no rule: the whole site goes off', [], [rule('domain', 'example.org')]],
    [
      'a host rule turns it on: that rule goes off where it is',
      [rule('host', 'www.example.org', true)],
      [rule('host', 'www.example.org')],
    ],
    [
      'a path rule decides: off for that path',
      [rule('domain', 'example.org', true), rule('path', 'www.example.org/health/', true)],
      [rule('domain', 'example.org', true), rule('path', 'www.example.org/health/')],
    ],
    [
      'rules for other sites stay',
      [rule('domain', 'other.net', true)],
      [rule('domain', 'other.net', true), rule('domain', 'example.org')],
    ],
  ])('%s', (_what, rules, expected) => {
    const paused = pausedRules(rules, page, domain);
    expect(paused.rules).toEqual(expected);
    // The same as the popup's switch, turned off at the scope it starts on.
    expect(paused.rules).toEqual(flippedRules(rules, page, domain, true));
    expect(decideForAddress(page, 'everywhere', paused.rules).verdict).toBe('off');
    // Undo gives back exactly the rules there were.
    expect(undoneRules(paused.rules, paused.change)).toEqual(expect.arrayContaining(rules));
    expect(undoneRules(paused.rules, paused.change)).toHaveLength(rules.length);
  });

  it('says which rule it wrote and which it replaced', () => {
    expect(pausedRules([rule('host', 'www.example.org', true)], page, domain).change).toEqual({
      added: rule('host', 'www.example.org'),
      removed: [rule('host', 'www.example.org', true)],
    });
  });

  it('undo leaves what was changed since: a rule switched on again elsewhere, other new rules', () => {
    const { rules, change } = pausedRules([], page, domain);
    const later = [...rules, rule('domain', 'news.net')];
    expect(undoneRules(later, change)).toEqual([rule('domain', 'news.net')]);
    // The user switched the site on again from the popup before undoing: nothing of the pause is left to take back.
    const onAgain = [rule('domain', 'example.org', true)];
    expect(undoneRules(onAgain, change)).toEqual(onAgain);
  });
});
