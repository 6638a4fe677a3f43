import { RULE_SCOPES, type RuleScope, type SiteRule, uniqueRules } from './site-rules';

export type PatternResult = { ok: true; pattern: string } | { ok: false; error: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//iu;
const HOST_NAME = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_-]+(?:\.[a-z0-9_-]+)*)$/u;

/**
 * A host name as the browser's URL parser writes it (lower case, IDN in punycode, IPv4 in dotted
 * decimal), so a rule typed by hand matches the hosts pages really have. Ports are dropped: rules
 * are about sites, not servers. Null when it is not a host name.
 */
function normalizeHost(text: string): string | null {
  if (text === '' || /[\s@\\]/u.test(text)) return null;
  let url: URL;
  try {
    url = new URL(`http://${text}/`);
  } catch {
    return null;
  }
  const host = url.hostname.replace(/\.$/u, '');
  return HOST_NAME.test(host) ? host : null;
}

/** Why a typed pattern is no rule: worded for people by `normalizeRulePattern`. */
type PatternProblem =
  | { problem: 'no-host' }
  | { problem: 'not-a-host'; hostText: string }
  | { problem: 'path-in-host-rule'; path: string }
  | { problem: 'no-path' };

/**
 * The canonical pattern for what someone typed or pasted: "https://WWW.Example.org:8080/" as a host
 * rule is "www.example.org"; "*.example.org" as a domain rule is "example.org"; a pasted page URL as
 * a path rule keeps its path and drops query and fragment. Kept apart from the wording of problems,
 * which pages never need (they only read stored rules).
 */
function canonicalPattern(scope: RuleScope, text: string): { pattern: string } | PatternProblem {
  let rest = text.trim().replace(SCHEME, '');
  if (scope === 'domain') rest = rest.replace(/^\*?\./u, '');
  const end = rest.search(/[/?#]/u);
  const hostText = end < 0 ? rest : rest.slice(0, end);
  const tail = end < 0 ? '' : rest.slice(end);
  if (hostText === '') return { problem: 'no-host' };
  const host = normalizeHost(hostText);
  if (host === null) return { problem: 'not-a-host', hostText };
  const path = tail.startsWith('/') ? new URL(`http://h${tail}`).pathname : '';
  if (scope !== 'path') return path.length > 1 ? { problem: 'path-in-host-rule', path } : { pattern: host };
  return path === '' ? { problem: 'no-path' } : { pattern: `${host}${path}` };
}

/** `canonicalPattern`, with what is wrong said for people. */
export function normalizeRulePattern(scope: RuleScope, text: string): PatternResult {
  const result = canonicalPattern(scope, text);
  if ('pattern' in result) return { ok: true, pattern: result.pattern };
  switch (result.problem) {
    case 'no-host':
      return { ok: false, error: 'Enter a host name such as example.org.' };
    case 'not-a-host':
      return { ok: false, error: `"${result.hostText}" is not a host name.` };
    case 'path-in-host-rule':
      return {
        ok: false,
        error: `A ${scope} rule covers whole hosts; to match "${result.path}" only, make it a path rule.`,
      };
    case 'no-path':
      return { ok: false, error: 'A path rule needs a path after the host name, such as example.org/health/.' };
  }
}

const CANONICAL_HOST = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/u;
/** Characters the URL parser leaves as they are in a path (others it percent-encodes). */
const CANONICAL_PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/u;

/**
 * Whether `pattern` is already in the form `normalizeRulePattern` gives: a quick check that spares
 * reading thousands of stored rules through the URL parser on every page. IP addresses and anything
 * unusual take the slow, exact way.
 */
function looksNormalized(scope: RuleScope, pattern: string): boolean {
  if (/^[\d.]+$/u.test(pattern)) return false;
  if (scope !== 'path') return CANONICAL_HOST.test(pattern);
  const slash = pattern.indexOf('/');
  return slash > 0 && CANONICAL_HOST.test(pattern.slice(0, slash)) && CANONICAL_PATH.test(pattern.slice(slash));
}

function isScope(value: unknown): value is RuleScope {
  return typeof value === 'string' && (RULE_SCOPES as readonly string[]).includes(value);
}

/**
 * A rule from a stored value of unknown shape, or null. The first release stored `{host, enabled}`
 * and matched that exact host: such a value is read as a host rule, which means what it meant then.
 */
export function readableRule(candidate: unknown): SiteRule | null {
  if (typeof candidate !== 'object' || candidate === null) return null;
  const { scope, pattern, host, enabled } = candidate as Record<string, unknown>;
  if (typeof enabled !== 'boolean') return null;
  if (scope === undefined && pattern === undefined && typeof host === 'string') {
    const normalized = canonicalPattern('host', host);
    return 'pattern' in normalized ? { scope: 'host', pattern: normalized.pattern, enabled } : null;
  }
  if (!isScope(scope) || typeof pattern !== 'string') return null;
  if (looksNormalized(scope, pattern)) return { scope, pattern, enabled };
  const normalized = canonicalPattern(scope, pattern);
  return 'pattern' in normalized ? { scope, pattern: normalized.pattern, enabled } : null;
}

/** Every rule that can still be read from a stored value of unknown shape, one per key; never throws. */
export function readableSiteRules(stored: unknown): SiteRule[] {
  if (!Array.isArray(stored)) return [];
  const rules: SiteRule[] = [];
  for (const candidate of stored) {
    const rule = readableRule(candidate);
    if (rule) rules.push(rule);
  }
  return uniqueRules(rules);
}
