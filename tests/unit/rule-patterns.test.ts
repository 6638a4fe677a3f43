import { describe, expect, it } from 'vitest';
import { normalizeRulePattern, readableSiteRules } from '@/utils/rule-patterns';
import type { RuleScope } from '@/utils/site-rules';

describe('normalizeRulePattern', () => {
  it.each<[RuleScope, string, string]>([
    ['domain', 'example.org', 'example.org'],
    ['domain', '  Example.ORG  ', 'example.org'],
    ['domain', '*.example.org', 'example.org'],
    ['domain', '.example.org', 'example.org'],
    ['domain', 'https://example.org/', 'example.org'],
    ['domain', 'bücher.de', 'xn--bcher-kva.de'],
    ['host', 'https://WWW.Example.org:8080/', 'www.example.org'],
    ['host', '127.0.0.1:5173', '127.0.0.1'],
    ['host', 'localhost', 'localhost'],
    ['host', 'example.org.', 'example.org'],
    ['path', 'example.org/health/', 'example.org/health/'],
    ['path', 'https://www.example.org/health/article?id=3#top', 'www.example.org/health/article'],
    ['path', 'example.org/a b', 'example.org/a%20b'],
    ['path', 'example.org/', 'example.org/'],
  ])('%s %j → %j', (scope, text, pattern) => {
    expect(normalizeRulePattern(scope, text)).toEqual({ ok: true, pattern });
  });

  it.each<[RuleScope, string, RegExp]>([
    ['domain', '', /Enter a host name/u],
    ['domain', '   ', /Enter a host name/u],
    ['domain', 'exa mple.org', /is not a host name/u],
    ['domain', 'user@example.org', /is not a host name/u],
    ['host', 'exa$mple.org', /is not a host name/u],
    ['domain', 'example.org/health/', /make it a path rule/u],
    ['host', 'example.org/health', /make it a path rule/u],
    ['path', 'example.org', /needs a path/u],
    ['path', '/health/', /Enter a host name/u],
  ])('%s %j is refused', (scope, text, error) => {
    const result = normalizeRulePattern(scope, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe('readableSiteRules', () => {
  it.each([
    ['nothing stored', undefined, []],
    ['null', null, []],
    ['truncated JSON text', '[{"host":"a"}]', []],
    ['a single object', { host: 'a.example', enabled: false }, []],
    [
      'first-release rules, some damaged',
      [{ host: 'A.example', enabled: false }, { host: 7, enabled: true }, null, { host: 'b.example' }, 'x'],
      [{ scope: 'host', pattern: 'a.example', enabled: false }],
    ],
    [
      'current rules with wrong types and unknown scopes',
      [
        { scope: 'domain', pattern: 'a.example', enabled: true },
        { scope: 'planet', pattern: 'b.example', enabled: true },
        { scope: 'path', pattern: 'c.example', enabled: true },
        { scope: 'path', pattern: 'c.example/x/', enabled: 'yes' },
        { scope: 'path', pattern: 'c.example/x/', enabled: false },
      ],
      [
        { scope: 'domain', pattern: 'a.example', enabled: true },
        { scope: 'path', pattern: 'c.example/x/', enabled: false },
      ],
    ],
    [
      'patterns not in canonical form (read the slow, exact way)',
      [
        { scope: 'host', pattern: '127.1', enabled: true },
        { scope: 'domain', pattern: 'Example.ORG', enabled: false },
        { scope: 'path', pattern: 'example.org/a b', enabled: false },
      ],
      [
        { scope: 'host', pattern: '127.0.0.1', enabled: true },
        { scope: 'domain', pattern: 'example.org', enabled: false },
        { scope: 'path', pattern: 'example.org/a%20b', enabled: false },
      ],
    ],
    [
      'duplicates (the last value wins)',
      [
        { host: 'A.example', enabled: false },
        { scope: 'host', pattern: 'a.example', enabled: true },
      ],
      [{ scope: 'host', pattern: 'a.example', enabled: true }],
    ],
  ])('%s', (_what, stored, expected) => {
    expect(readableSiteRules(stored)).toEqual(expected);
  });
});
