import { sendMessage } from '@/extension/messages';
import { pageAddress } from '@/utils/site-rules';
import type { CardControlRequests, CardControlResult } from './term-card-host';

type Send = typeof sendMessage;

/**
 * The card's "Not on this site" and "Hide this term", asked of the background (pages cannot write
 * settings), and what the undo notice says after each. The change reaches this tab, and every other
 * tab, through the settings every content script watches: the highlights go at once everywhere.
 */
export function cardControlRequests(
  send: Send = sendMessage,
  address = () => pageAddress(location.href),
): CardControlRequests {
  const failed = (error: unknown): CardControlResult => ({
    done: false,
    reason: `Nothing was changed: the extension did not answer (${error instanceof Error ? error.message : String(error)}).`,
  });
  return {
    async pauseSite() {
      const here = address();
      if (!here) return { done: false, reason: 'Highlighting cannot be switched off for this page.' };
      const outcome = await send('pauseSite', here).catch(failed);
      if (!('saved' in outcome)) return outcome;
      if (!outcome.saved) return { done: false, reason: outcome.reason };
      const change = outcome.change;
      const where = change?.added.pattern ?? here.host;
      return {
        done: true,
        notice: `Highlighting is off on ${where}`,
        detail: outcome.savedLocally,
        undo: change
          ? async () => {
              const undone = await send('undoSitePause', change).catch(failed);
              if (!('saved' in undone)) return undone;
              return undone.saved
                ? { done: true, notice: `Highlighting is back on ${where}`, detail: undone.savedLocally, undo: null }
                : { done: false, reason: undone.reason };
            }
          : null,
      };
    },
    async hideTerm(termId, term) {
      const outcome = await send('setTermHidden', { termId, hidden: true }).catch(failed);
      if (!('saved' in outcome)) return outcome;
      if (!outcome.saved) return { done: false, reason: outcome.reason };
      return {
        done: true,
        notice: `“${term}” is no longer highlighted anywhere`,
        detail: outcome.savedLocally,
        undo: async () => {
          const undone = await send('setTermHidden', { termId, hidden: false }).catch(failed);
          if (!('saved' in undone)) return undone;
          return undone.saved
            ? { done: true, notice: `“${term}” is highlighted again`, detail: undone.savedLocally, undo: null }
            : { done: false, reason: undone.reason };
        },
      };
    },
  };
}
