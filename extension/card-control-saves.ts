import { isTermId, MAX_HIDDEN_TERMS } from '@/utils/preferences';
import { readableRule, readableSiteRules } from '@/utils/rule-patterns';
import { notSavedMessage, savedLocallyMessage } from '@/utils/save-messages';
import { siteDomainOf } from '@/utils/site-domain';
import type { PageAddress } from '@/utils/site-rules';
import { pausedRules, type SwitchChange, undoneRules } from '@/utils/site-switch-rules';
import { type StoredSettings, updateSettings } from './settings';

/*
 * The background's half of the card's two controls, "Not on this site" and "Hide this term" (pages
 * cannot write settings; the card asks here). Each saves as the popup and the options page do, under
 * the same lock, and says how it went in the words the popup would use.
 */

/** How a change asked for from a card went. */
export type CardControlOutcome =
  | {
      saved: true;
      /** Set when sync refused the change and it is kept on this device only. */
      savedLocally: string | null;
    }
  | { saved: false; reason: string };

async function save(change: Parameters<typeof updateSettings>[0]): Promise<CardControlOutcome> {
  let stored: StoredSettings;
  try {
    stored = await updateSettings(change);
  } catch (error) {
    // Nothing was kept (see updateSettings): the page stays as it is, and the card says why.
    return { saved: false, reason: notSavedMessage(error) };
  }
  return { saved: true, savedLocally: stored.syncRefused ? savedLocallyMessage(stored.syncRefused) : null };
}

const isAddress = (value: unknown): value is PageAddress =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PageAddress).host === 'string' &&
  (value as PageAddress).host !== '' &&
  typeof (value as PageAddress).path === 'string';

/** "Not on this site": the popup's switch turned off for this page, where it starts. */
export async function pauseSite(address: PageAddress): Promise<CardControlOutcome & { change?: SwitchChange }> {
  if (!isAddress(address)) return { saved: false, reason: 'This page has no address a rule can name.' };
  let change: SwitchChange | undefined;
  const outcome = await save((current) => {
    const paused = pausedRules(current.rules, address, siteDomainOf(address.host));
    change = paused.change;
    return { ...current, rules: paused.rules };
  });
  return outcome.saved && change ? { ...outcome, change } : outcome;
}

/** The notice's Undo after "Not on this site". */
export function undoSitePause(change: SwitchChange): Promise<CardControlOutcome> {
  // Rules come back only as the storage would read them.
  const added = readableRule(change?.added);
  if (!added) return Promise.resolve({ saved: false, reason: 'There is nothing to undo.' });
  const removed = readableSiteRules(change.removed);
  return save((current) => ({ ...current, rules: undoneRules(current.rules, { added, removed }) }));
}

/** "Hide this term", and its undo (also the options page's "Show again"). */
export function setTermHidden(termId: string, hidden: boolean): Promise<CardControlOutcome> {
  if (!isTermId(termId)) return Promise.resolve({ saved: false, reason: 'That is not a term the glossary knows.' });
  return save((current) => {
    const others = current.hiddenTerms.filter((id) => id !== termId);
    const hiddenTerms = hidden ? [...others, termId].slice(-MAX_HIDDEN_TERMS) : others;
    return { ...current, hiddenTerms };
  });
}
