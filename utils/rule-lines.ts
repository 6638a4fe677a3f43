import { readableRule } from './rule-patterns';
import type { RuleScope, SiteRule } from './site-rules';

/*
 * Rules as one line each ("-d example.org", "+p example.org/health/"): a third the size of JSON,
 * compresses well, and a damaged or cut-off text still yields every line that survived whole.
 */

const LETTER: Record<RuleScope, string> = { domain: 'd', host: 'h', path: 'p' };
const SCOPE: Record<string, RuleScope> = { d: 'domain', h: 'host', p: 'path' };
const LINE = /^([+-])([dhp]) (\S+)$/u;

export function ruleLine(rule: SiteRule): string {
  return `${rule.enabled ? '+' : '-'}${LETTER[rule.scope]} ${rule.pattern}`;
}

export function encodeRuleLines(rules: readonly SiteRule[]): string {
  return rules.map(ruleLine).join('\n');
}

/** Every well-formed line's rule, in order; anything else is skipped. Never throws. */
export function decodeRuleLines(text: string): SiteRule[] {
  const rules: SiteRule[] = [];
  for (const line of text.split('\n')) {
    const parts = LINE.exec(line);
    if (!parts) continue;
    const [, state, letter = '', pattern] = parts;
    const rule = readableRule({ scope: SCOPE[letter], pattern, enabled: state === '+' });
    if (rule) rules.push(rule);
  }
  return rules;
}
