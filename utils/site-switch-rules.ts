import {
  compareSpecificity,
  decidingRule,
  type PageAddress,
  type RuleScope,
  ruleApplies,
  ruleKey,
  type SiteRule,
  upsertRule,
} from './site-rules';

/** A scope the switch can write a rule for, on the page it is about. */
export interface ScopeChoice {
  scope: RuleScope;
  pattern: string;
  /** How the popup names it: this site, this host, this path, or the rule that decides here. */
  kind: 'site' | 'host' | 'path' | 'rule';
}

/**
 * The first path segment as a directory ("/health/" for /health/depression/article), or the page
 * itself when it sits at the top ("/article.html"); null for the home page, where a path rule would
 * be a host rule.
 */
export function sectionPrefix(path: string): string | null {
  const segments = path.split('/').filter((segment) => segment !== '');
  const first = segments[0];
  if (first === undefined) return null;
  return segments.length > 1 || path.endsWith('/') ? `/${first}/` : `/${first}`;
}

/**
 * What the switch can apply to on this page: the site (its registrable domain and subdomains), the
 * host when it differs from the site, and the page's section. The rule that decides here comes
 * first when it is none of those, so it can always be switched where it is.
 */
export function scopeChoices(address: PageAddress, siteDomain: string, deciding: SiteRule | null): ScopeChoice[] {
  const choices: ScopeChoice[] = [{ scope: 'domain', pattern: siteDomain, kind: 'site' }];
  if (address.host !== siteDomain) choices.push({ scope: 'host', pattern: address.host, kind: 'host' });
  const section = sectionPrefix(address.path);
  if (section !== null) choices.push({ scope: 'path', pattern: `${address.host}${section}`, kind: 'path' });
  if (deciding && !choices.some((choice) => ruleKey(choice) === ruleKey(deciding))) {
    choices.unshift({ scope: deciding.scope, pattern: deciding.pattern, kind: 'rule' });
  }
  return choices;
}

/** The choice the switch starts on: where the deciding rule is, else the whole site. */
export function defaultScopeChoice(choices: readonly ScopeChoice[], deciding: SiteRule | null): ScopeChoice {
  const match = deciding && choices.find((choice) => ruleKey(choice) === ruleKey(deciding));
  const fallback = choices.find((choice) => choice.scope === 'domain') ?? choices[0];
  if (!fallback) throw new Error('scopeChoices always offers the site');
  return match ?? fallback;
}

/**
 * The rules after switching highlighting to `enabled` for `choice` on this page. Narrower rules that
 * apply to this page would still decide here, against what was just asked, so they go; rules for
 * other pages stay.
 */
export function switchedRules(
  rules: readonly SiteRule[],
  address: PageAddress,
  choice: ScopeChoice,
  enabled: boolean,
): SiteRule[] {
  const target: SiteRule = { scope: choice.scope, pattern: choice.pattern, enabled };
  return upsertRule(rules, target).filter(
    (rule) => rule === target || !ruleApplies(rule, address) || compareSpecificity(rule, target) <= 0,
  );
}

/**
 * One keystroke or menu click: the opposite of what the page shows now, written where the deciding
 * rule is or, without one, for the whole site.
 */
export function flippedRules(
  rules: readonly SiteRule[],
  address: PageAddress,
  siteDomain: string,
  shownNow: boolean,
): SiteRule[] {
  const deciding = decidingRule(address, rules);
  const choice = defaultScopeChoice(scopeChoices(address, siteDomain, deciding), deciding);
  return switchedRules(rules, address, choice, !shownNow);
}

/** What a switch changed in the rules: the rule it wrote, and the rules that went (replaced or overruled). */
export interface SwitchChange {
  added: SiteRule;
  removed: SiteRule[];
}

const sameRule = (a: SiteRule, b: SiteRule) => ruleKey(a) === ruleKey(b) && a.enabled === b.enabled;

/**
 * The card's "Not on this site": exactly the popup's switch turned off on this page, at the scope it
 * starts on (where the deciding rule is, else the whole site). Also says what changed, for an undo.
 */
export function pausedRules(
  rules: readonly SiteRule[],
  address: PageAddress,
  siteDomain: string,
): { rules: SiteRule[]; change: SwitchChange } {
  const deciding = decidingRule(address, rules);
  const choice = defaultScopeChoice(scopeChoices(address, siteDomain, deciding), deciding);
  const next = switchedRules(rules, address, choice, false);
  const added: SiteRule = { scope: choice.scope, pattern: choice.pattern, enabled: false };
  const removed = rules.filter((rule) => !next.some((kept) => sameRule(kept, rule)));
  return { rules: next, change: { added, removed } };
}

/**
 * The rules with a switch's change taken back: the rule it wrote goes (unless it has been changed
 * since), and the rules it removed come back, replacing any rule written for their place since.
 */
export function undoneRules(rules: readonly SiteRule[], change: SwitchChange): SiteRule[] {
  let next = rules.filter((rule) => !sameRule(rule, change.added));
  for (const rule of change.removed) next = upsertRule(next, rule);
  return next;
}
