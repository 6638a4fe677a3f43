import { describe, expect, it } from 'vitest';
import { clickOnTerm, keyOpensCard, restOpensCard } from '@/utils/card-trigger';
import type { CardTrigger, CardTriggerKey } from '@/utils/preferences';

const pointer = (pointerType: string, held: '' | 'alt' | 'shift' = '') => ({
  pointerType,
  altKey: held === 'alt',
  shiftKey: held === 'shift',
});

describe('restOpensCard: a pointer resting on a term', () => {
  it.each<[CardTrigger, CardTriggerKey, ReturnType<typeof pointer>, boolean]>([
    ['hover', 'Alt', pointer('mouse'), true],
    ['hover', 'Alt', pointer('pen'), true],
    ['hover', 'Alt', pointer(''), true],
    ['hover', 'Alt', pointer('touch'), false],
    ['hover-with-key', 'Alt', pointer('mouse'), false],
    ['hover-with-key', 'Alt', pointer('mouse', 'alt'), true],
    ['hover-with-key', 'Alt', pointer('mouse', 'shift'), false],
    ['hover-with-key', 'Shift', pointer('mouse', 'shift'), true],
    ['hover-with-key', 'Shift', pointer('touch', 'shift'), false],
    ['click', 'Alt', pointer('mouse'), false],
    ['click', 'Alt', pointer('mouse', 'alt'), false],
  ])('%s (key %s), %j → %s', (trigger, key, facts, opens) => {
    expect(restOpensCard(trigger, key, facts)).toBe(opens);
  });
});

describe('keyOpensCard: the key pressed while the pointer rests on a term', () => {
  it.each<[CardTrigger, CardTriggerKey, string, boolean]>([
    ['hover-with-key', 'Alt', 'Alt', true],
    ['hover-with-key', 'Alt', 'Shift', false],
    ['hover-with-key', 'Shift', 'Shift', true],
    ['hover', 'Alt', 'Alt', false],
    ['click', 'Shift', 'Shift', false],
  ])('%s (key %s), %s pressed → %s', (trigger, key, pressed, opens) => {
    expect(keyOpensCard(trigger, key, pressed)).toBe(opens);
  });
});

describe('clickOnTerm: a click or tap on a term', () => {
  it.each<[CardTrigger, string, boolean, string]>([
    ['hover', 'mouse', false, 'toggle'],
    ['hover-with-key', 'mouse', false, 'toggle'],
    ['click', 'mouse', false, 'toggle'],
    ['click', 'touch', false, 'toggle'],
    ['hover', 'touch', false, 'toggle'],
    // A term inside a link: the tap follows the link; a click does too unless hover opened the card already.
    ['hover', 'touch', true, 'leave'],
    ['click', 'touch', true, 'leave'],
    ['click', 'mouse', true, 'leave'],
    ['hover-with-key', 'mouse', true, 'leave'],
    ['hover', 'mouse', true, 'toggle'],
  ])('%s, %s, in a link: %s → %s', (trigger, pointerType, inControl, action) => {
    expect(clickOnTerm(trigger, { ...pointer(pointerType), inControl })).toBe(action);
  });
});
