import { getDomain } from 'tldts';

/**
 * The site a host belongs to, as people mean it: its registrable domain by the Public Suffix List
 * ("news.bbc.co.uk" → "bbc.co.uk", "someone.github.io" stays itself), or the host itself for IP
 * addresses and single-label names such as localhost.
 *
 * Only the popup, options page and background use this: the list is too large to ship to every page,
 * and pages need no list to apply a rule (a domain rule matches by suffix).
 */
export function siteDomainOf(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}
