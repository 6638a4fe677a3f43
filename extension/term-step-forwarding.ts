import { type TermDirection, termStepDirection } from '@/utils/term-step-commands';
import { sendMessage } from './messages';

export type SendTermStep = (direction: TermDirection, tabId: number) => Promise<unknown>;

/** Only the top frame steps through the page: each frame has its own terms, and one card is enough. */
const toTopFrame: SendTermStep = (direction, tabId) =>
  sendMessage('showAdjacentTerm', direction, { tabId, frameId: 0 });

/**
 * Passes a term command on to the tab it was pressed in. Pages without the content script (browser
 * pages, the web store, a tab still loading) cannot answer, which is no error; false then, and for
 * commands that are not ours.
 */
export async function forwardTermStep(
  command: string,
  tab: { id?: number } | undefined,
  send: SendTermStep = toTopFrame,
): Promise<boolean> {
  const direction = termStepDirection(command);
  if (direction === null || tab?.id === undefined) return false;
  try {
    await send(direction, tab.id);
    return true;
  } catch {
    return false;
  }
}
