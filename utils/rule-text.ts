import type { HighlightMode, RuleScope, SiteRule } from './site-rules';

/** What a rule covers, in words: "example.org and its subdomains", "www.example.org only", "example.org/health/ and below". */
export function ruleReach(rule: Pick<SiteRule, 'scope' | 'pattern'>): string {
  switch (rule.scope) {
    case 'domain':
      return `${rule.pattern} and its subdomains`;
    case 'host':
      return `${rule.pattern} only`;
    case 'path':
      return `${rule.pattern} and below`;
  }
}

export const SCOPE_NAMES: Readonly<Record<RuleScope, string>> = {
  domain: 'Site and subdomains',
  host: 'Exact host',
  path: 'Path prefix',
};

export const MODE_NAMES: Readonly<Record<HighlightMode, string>> = {
  'mental-health-pages': 'Only on pages about mental health',
  everywhere: 'Everywhere',
  'chosen-sites': 'Only on sites I choose',
};

/** What each mode means, under its name. */
export const MODE_HINTS: Readonly<Record<HighlightMode, string>> = {
  'mental-health-pages':
    'Pages that mention several different terms, often enough to be about the subject. A novel that says "depression" twice stays quiet.',
  everywhere: 'Every page with a known term.',
  'chosen-sites': 'Only on sites where you turn it on, from the toolbar button or a site rule.',
};
