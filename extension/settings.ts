import { storage } from 'wxt/utils/storage';
import { readableSiteRules, type SiteRule, withSiteRule } from '@/utils/site-rules';

/**
 * Per-site rules, in sync storage so they follow the user. Versioned from the first release so a
 * later format can migrate it; what is stored is read defensively, so a damaged value never breaks
 * a page or the popup.
 */
export const siteRulesItem = storage.defineItem<SiteRule[]>('sync:siteRules', { fallback: [], version: 1 });

export async function loadSiteRules(): Promise<SiteRule[]> {
  try {
    return readableSiteRules(await siteRulesItem.getValue());
  } catch {
    return [];
  }
}

export function watchSiteRules(onChange: (rules: SiteRule[]) => void): () => void {
  return siteRulesItem.watch((stored) => onChange(readableSiteRules(stored)));
}

export async function setSiteEnabled(host: string, enabled: boolean): Promise<void> {
  await siteRulesItem.setValue(withSiteRule(await loadSiteRules(), host, enabled));
}
