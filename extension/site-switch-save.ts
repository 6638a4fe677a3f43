import type { PageAddress } from '@/utils/site-rules';
import { type ScopeChoice, switchedRules } from '@/utils/site-switch-rules';
import type { StorageFailure } from '@/utils/storage-failure';
import { updateSettings } from './settings';

/**
 * The popup's switch: highlighting on or off for `choice` on this page, saved. Resolves with why
 * sync refused the write when the rules were kept on this device only; rejects when not kept at all.
 */
export async function switchSite(
  address: PageAddress,
  choice: ScopeChoice,
  enabled: boolean,
): Promise<StorageFailure | undefined> {
  const saved = await updateSettings((current) => ({
    ...current,
    rules: switchedRules(current.rules, address, choice, enabled),
  }));
  return saved.syncRefused;
}
