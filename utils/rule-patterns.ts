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

/**
 * The canonical pattern for what someone typed or pasted: "https://WWW.Example.org:8080/" as a host
 * rule is "www.example.org"; "*.example.org" as a domain rule is "example.org"; a pasted page URL as
 * a path rule keeps its path and drops query and fragment.
 */
export function normalizeRulePattern(scope: RuleScope, text: string): PatternResult {
  let rest = text.trim().replace(SCHEME, '');
  if (scope === 'domain') rest = rest.replace(/^\*?\./u, '');
  const end = rest.search(/[/?#]/u);
  const hostText = end < 0 ? rest : rest.slice(0, end);
  const tail = end < 0 ? '' : rest.slice(end);
  if (hostText === '') return { ok: false, error: 'Enter a host name such as example.org.' };
  const host = normalizeHost(hostText);
  if (host === null) return { ok: false, error: `"${hostText}" is not a host name.` };
  const path = tail.startsWith('/') ? new URL(`http://h${tail}`).pathname : '';
  if (scope !== 'path') {
    if (path.length > 1) {
      return { ok: false, error: `A ${scope} rule covers whole hosts; to match "${path}" only, make it a path rule.` };
    }
    return { ok: true, pattern: host };
  }
  if (path === '') {
    return { ok: false, error: 'A path rule needs a path after the host name, such as example.org/health/.' };
  }
  return { ok: true, pattern: `${host}${path}` };
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
    const normalized = normalizeRulePattern('host', host);
    return normalized.ok ? { scope: 'host', pattern: normalized.pattern, enabled } : null;
  }
  if (!isScope(scope) || typeof pattern !== 'string') return null;
  if (looksNormalized(scope, pattern)) return { scope, pattern, enabled };
  const normalized = normalizeRulePattern(scope, pattern);
  return normalized.ok ? { scope, pattern: normalized.pattern, enabled } : null;
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
