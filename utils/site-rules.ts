/** A researcher's choice for one site (host name), overriding the default of highlighting everywhere. */
export interface SiteRule {
  host: string;
  enabled: boolean;
}

export type SiteDecision =
  | { enabled: boolean; reason: 'site-rule'; rule: SiteRule }
  | { enabled: true; reason: 'default' }
  | { enabled: false; reason: 'unsupported-page' };

/** The site a page belongs to, or null for pages the extension never runs on (about:, chrome:, data:, ...). */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.hostname.toLowerCase() || null;
}

/** Does this page get highlights, and which rule decided it? */
export function decideHighlighting(url: string, rules: readonly SiteRule[]): SiteDecision {
  const site = siteOf(url);
  if (site === null) return { enabled: false, reason: 'unsupported-page' };
  const rule = rules.find((candidate) => candidate.host === site);
  return rule ? { enabled: rule.enabled, reason: 'site-rule', rule } : { enabled: true, reason: 'default' };
}

/** The rules with `host` set to `enabled`; other sites' rules are kept as they were. */
export function withSiteRule(rules: readonly SiteRule[], host: string, enabled: boolean): SiteRule[] {
  return [...rules.filter((rule) => rule.host !== host), { host, enabled }];
}

/** Keeps every rule that can still be read from a stored value of unknown shape; never throws. */
export function readableSiteRules(stored: unknown): SiteRule[] {
  if (!Array.isArray(stored)) return [];
  const byHost = new Map<string, SiteRule>();
  for (const candidate of stored) {
    if (typeof candidate !== 'object' || candidate === null) continue;
    const { host, enabled } = candidate as Record<string, unknown>;
    if (typeof host !== 'string' || host === '' || typeof enabled !== 'boolean') continue;
    byHost.set(host.toLowerCase(), { host: host.toLowerCase(), enabled });
  }
  return [...byHost.values()];
}
