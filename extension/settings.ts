import { storage } from 'wxt/utils/storage';
import { DEFAULT_PREFERENCES, type HighlightPreferences, readablePreferences } from '@/utils/preferences';
import { readableSiteRules, type SiteRule, withSiteRule } from '@/utils/site-rules';

/*
 * Settings live in sync storage so they follow the user. Each item is versioned from the first
 * release so a later format can migrate it, and what is stored is read defensively: a damaged value
 * never breaks a page or the popup.
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

export const preferencesItem = storage.defineItem<HighlightPreferences>('sync:preferences', {
  fallback: { ...DEFAULT_PREFERENCES },
  version: 1,
});

export async function loadPreferences(): Promise<HighlightPreferences> {
  try {
    return readablePreferences(await preferencesItem.getValue());
  } catch {
    return { ...DEFAULT_PREFERENCES };
  }
}

export function watchPreferences(onChange: (preferences: HighlightPreferences) => void): () => void {
  return preferencesItem.watch((stored) => onChange(readablePreferences(stored)));
}

export async function updatePreferences(change: Partial<HighlightPreferences>): Promise<void> {
  await preferencesItem.setValue({ ...(await loadPreferences()), ...change });
}
