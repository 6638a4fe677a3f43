import { describe, expect, it, vi } from 'vitest';
import { forwardTermStep } from '@/extension/term-step-forwarding';
import { TERM_STEP_COMMANDS, termStepCommandsManifest, termStepDirection } from '@/utils/term-step-commands';

describe('term commands', () => {
  it.each([
    ['next-term', 'next'],
    ['previous-term', 'previous'],
    ['toggle-site', null],
    ['_execute_action', null],
    ['', null],
    ['toString', null],
    ['__proto__', null],
  ])('%j steps %j', (command, direction) => {
    expect(termStepDirection(command)).toBe(direction);
  });

  it('gives every command a default shortcut and a description for the manifest', () => {
    const manifest = termStepCommandsManifest();
    expect(Object.keys(manifest)).toEqual(Object.keys(TERM_STEP_COMMANDS));
    for (const entry of Object.values(manifest)) {
      // Chromium and Firefox both require Ctrl or Alt (or Command/MacCtrl) in a suggested key.
      expect(entry.suggested_key.default).toMatch(/^(Ctrl|Alt)\+(Shift\+)?[A-Z]$/u);
      expect(entry.description.length).toBeGreaterThan(10);
    }
    const keys = Object.values(manifest).map((entry) => entry.suggested_key.default);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('forwardTermStep', () => {
  it.each([
    ['next-term', { id: 7 }, [['next', 7]], true],
    ['previous-term', { id: 3 }, [['previous', 3]], true],
    ['toggle-site', { id: 7 }, [], false],
    ['next-term', undefined, [], false],
    ['next-term', {}, [], false],
  ])('%s on tab %j sends %j', async (command, tab, sent, result) => {
    const send = vi.fn(async () => true);
    expect(await forwardTermStep(command, tab, send)).toBe(result);
    expect(send.mock.calls).toEqual(sent);
  });

  it('is quiet when the tab has no content script to answer', async () => {
    const send = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await forwardTermStep('next-term', { id: 1 }, send)).toBe(false);
  });
});
