import type { CardTrigger, CardTriggerKey } from './preferences';

/*
 * What opens a term's card, by the reader's choice (utils/preferences.ts `cardTrigger`). Keyboard
 * commands and the popup's terms list open cards whatever the choice; these decide for the pointer.
 */

/** What a pointer event says about itself. */
export interface PointerFacts {
  /** 'mouse', 'pen' or 'touch' (PointerEvent.pointerType); '' where the browser does not say. */
  pointerType: string;
  altKey: boolean;
  shiftKey: boolean;
}

const keyHeld = (key: CardTriggerKey, facts: Pick<PointerFacts, 'altKey' | 'shiftKey'>) =>
  key === 'Alt' ? facts.altKey : facts.shiftKey;

/**
 * Whether a pointer resting on a term may open its card. A finger never hovers: its moves are a
 * scroll or a drag, and its taps come as clicks (`clickOnTerm`). On a device with both, a hover
 * therefore never opens a second card beside the one a tap opened.
 */
export function restOpensCard(trigger: CardTrigger, key: CardTriggerKey, facts: PointerFacts): boolean {
  if (facts.pointerType === 'touch') return false;
  if (trigger === 'hover') return true;
  if (trigger === 'hover-with-key') return keyHeld(key, facts);
  return false;
}

/** Whether pressing `pressedKey` (KeyboardEvent.key) while the pointer rests on a term opens its card now. */
export function keyOpensCard(trigger: CardTrigger, key: CardTriggerKey, pressedKey: string): boolean {
  return trigger === 'hover-with-key' && pressedKey === key;
}

/** What a click or tap on a highlighted term does to its card. */
export type ClickOnTerm =
  /** Nothing: the click is the page's (a term inside a link follows the link). */
  | 'leave'
  /** Opens the card and keeps it open (or, when that term's card is already pinned, closes it). */
  | 'toggle';

/**
 * A click on a term pins its card in every choice: it is how "on click" opens one, and with hover it
 * keeps a card open. A term inside a link or another control belongs to the page: a tap there follows
 * the link (the card is still reachable from the popup's terms list and the keyboard), and so does a
 * click unless cards open on hover alone, where the card is open already and the click pins it as
 * the link is followed (the first release's behaviour).
 */
export function clickOnTerm(trigger: CardTrigger, facts: PointerFacts & { inControl: boolean }): ClickOnTerm {
  if (!facts.inControl) return 'toggle';
  return facts.pointerType !== 'touch' && trigger === 'hover' ? 'toggle' : 'leave';
}
