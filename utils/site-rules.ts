/** How far a rule reaches. */
export type RuleScope = 'domain' | 'host' | 'path';

/**
 * A researcher's choice for part of the web, overriding the global mode. Patterns are normalised
 * (see `normalizeRulePattern`): lower-case host names without port, and for paths the path exactly
 * as the browser's URL parser writes it.
 *
 * - `domain` "example.org": example.org and every subdomain (www.example.org, a.b.example.org)
 * - `host` "www.example.org": that host only
 * - `path` "example.org/health/": that host, paths starting with /health/
 */
export interface SiteRule {
  scope: RuleScope;
  pattern: string;
  enabled: boolean;
}

/** Where highlights appear when no rule decides. */
export type HighlightMode = 'everywhere' | 'mental-health-pages' | 'chosen-sites';

export const HIGHLIGHT_MODES: readonly HighlightMode[] = ['mental-health-pages', 'everywhere', 'chosen-sites'];
export const RULE_SCOPES: readonly RuleScope[] = ['domain', 'host', 'path'];

/** The parts of a page's URL that rules look at. */
export interface PageAddress {
  host: string;
  path: string;
}

export type SiteDecision =
  | { verdict: 'on' | 'off'; reason: 'rule'; rule: SiteRule }
  | { verdict: 'on' | 'off' | 'if-relevant'; reason: 'mode'; mode: HighlightMode }
  | { verdict: 'off'; reason: 'unsupported-page' };

/** The parts of a URL that rules read: a page's `location` has them parsed already. */
export type UrlParts = Pick<URL, 'protocol' | 'hostname' | 'pathname'>;

/** The host and path of a web page, or null for pages the extension never runs on (about:, chrome:, data:, ...). */
export function pageAddress(url: string | UrlParts): PageAddress | null {
  let parsed: UrlParts;
  if (typeof url !== 'string') parsed = url;
  else {
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/u, '');
  return host === '' ? null : { host, path: parsed.pathname || '/' };
}

/** The host a page belongs to, or null for pages the extension never runs on. */
export function siteOf(url: string): string | null {
  return pageAddress(url)?.host ?? null;
}

/** A rule's identity: two rules with the same key cannot both exist. */
export function ruleKey(rule: Pick<SiteRule, 'scope' | 'pattern'>): string {
  return `${rule.scope} ${rule.pattern}`;
}

/** A path rule's pattern split into its host and path prefix. */
export function splitPathPattern(pattern: string): { host: string; prefix: string } {
  const slash = pattern.indexOf('/');
  return slash < 0 ? { host: pattern, prefix: '/' } : { host: pattern.slice(0, slash), prefix: pattern.slice(slash) };
}

/**
 * A prefix ending in "/" matches the paths below it; one without matches itself and what lies below
 * it as a directory: "/health" matches /health and /health/x, not /healthy.
 */
function pathHasPrefix(path: string, prefix: string): boolean {
  if (prefix.endsWith('/')) return path.startsWith(prefix);
  return path === prefix || path.startsWith(`${prefix}/`);
}

export function ruleApplies(rule: SiteRule, address: PageAddress): boolean {
  switch (rule.scope) {
    case 'domain':
      return address.host === rule.pattern || address.host.endsWith(`.${rule.pattern}`);
    case 'host':
      return address.host === rule.pattern;
    case 'path': {
      const { host, prefix } = splitPathPattern(rule.pattern);
      return address.host === host && pathHasPrefix(address.path, prefix);
    }
  }
}

/**
 * Most specific first: any path rule beats any host rule, which beats any domain rule; among path
 * rules the longer prefix wins, among domain rules the deeper domain (a.example.org over example.org).
 * Positive when `a` is more specific than `b`.
 */
export function compareSpecificity(a: SiteRule, b: SiteRule): number {
  const rank = (rule: SiteRule) => RULE_SCOPES.indexOf(rule.scope);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return depth(a) - depth(b);
}

function depth(rule: SiteRule): number {
  switch (rule.scope) {
    case 'domain':
      return rule.pattern.split('.').length;
    case 'host':
      return 0;
    case 'path':
      return splitPathPattern(rule.pattern).prefix.length;
  }
}

/** The rule that decides for this page: the most specific one that applies (the later one on a tie). */
export function decidingRule(address: PageAddress, rules: readonly SiteRule[]): SiteRule | null {
  let best: SiteRule | null = null;
  for (const rule of rules) {
    if (!ruleApplies(rule, address)) continue;
    if (best === null || compareSpecificity(rule, best) >= 0) best = rule;
  }
  return best;
}

export function decideForAddress(
  address: PageAddress,
  mode: HighlightMode,
  rules: readonly SiteRule[],
): Exclude<SiteDecision, { reason: 'unsupported-page' }> {
  const rule = decidingRule(address, rules);
  if (rule) return { verdict: rule.enabled ? 'on' : 'off', reason: 'rule', rule };
  const verdict = mode === 'everywhere' ? 'on' : mode === 'chosen-sites' ? 'off' : 'if-relevant';
  return { verdict, reason: 'mode', mode };
}

/**
 * Does this page get highlights, and what decided it? A rule that applies decides; otherwise the
 * mode: everywhere, nowhere ("only on sites I choose"), or only if the page proves to be about
 * mental health.
 */
export function decideSite(url: string | UrlParts, mode: HighlightMode, rules: readonly SiteRule[]): SiteDecision {
  const address = pageAddress(url);
  return address === null ? { verdict: 'off', reason: 'unsupported-page' } : decideForAddress(address, mode, rules);
}

/** `rule` in place of the rule with the same key, or added at the end. */
/**
 * Whether moving to another path of the page's host can change what `decideSite` says: only a path
 * rule for that host can. Where none can, a single-page app's moves need not be watched for.
 */
export function decisionDependsOnPath(url: string | UrlParts, rules: readonly SiteRule[]): boolean {
  const address = pageAddress(url);
  return (
    address !== null &&
    rules.some((rule) => rule.scope === 'path' && splitPathPattern(rule.pattern).host === address.host)
  );
}

export function upsertRule(rules: readonly SiteRule[], rule: SiteRule): SiteRule[] {
  const key = ruleKey(rule);
  const at = rules.findIndex((candidate) => ruleKey(candidate) === key);
  return at < 0 ? [...rules, rule] : rules.map((candidate, index) => (index === at ? rule : candidate));
}

/** One rule per key: the last value wins, at the position where the key first appeared. */
export function uniqueRules(rules: Iterable<SiteRule>): SiteRule[] {
  const byKey = new Map<string, SiteRule>();
  for (const rule of rules) byKey.set(ruleKey(rule), rule);
  return [...byKey.values()];
}
