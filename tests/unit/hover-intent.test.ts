import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '@/page/card/hover-intent';

describe('hover intent', () => {
  let events: string[];
  let intent: HoverIntent<string>;

  beforeEach(() => {
    vi.useFakeTimers();
    events = [];
    intent = new HoverIntent<string>({
      openDelayMs: 300,
      closeDelayMs: 250,
      open: (target) => events.push(`open ${target}`),
      close: () => events.push('close'),
      setTimer: (callback, ms) => setTimeout(callback, ms) as unknown as number,
      clearTimer: (id) => clearTimeout(id),
    });
  });
  afterEach(() => vi.useRealTimers());

  it('opens only after the pointer rests', () => {
    intent.pointerOver('ssri');
    vi.advanceTimersByTime(299);
    expect(events).toEqual([]);
    intent.pointerOver('ssri');
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open ssri']);
  });

  it('opens nothing for a pointer that crosses a term', () => {
    intent.pointerOver('ssri');
    vi.advanceTimersByTime(100);
    intent.pointerOver(null);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('closes after a grace period once the pointer leaves', () => {
    intent.pointerOver('ssri');
    vi.advanceTimersByTime(300);
    intent.pointerOver(null);
    vi.advanceTimersByTime(249);
    expect(events).toEqual(['open ssri']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open ssri', 'close']);
  });

  it('stays open while the pointer moves into the card and closes when it leaves the card', () => {
    intent.pointerOver('ssri');
    vi.advanceTimersByTime(300);
    intent.pointerOver(null);
    vi.advanceTimersByTime(100);
    intent.cardEntered();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open ssri']);
    intent.cardLeft();
    vi.advanceTimersByTime(250);
    expect(events).toEqual(['open ssri', 'close']);
  });

  it('coming back to the term keeps the card', () => {
    intent.pointerOver('ssri');
    vi.advanceTimersByTime(300);
    intent.pointerOver(null);
    vi.advanceTimersByTime(100);
    intent.pointerOver('ssri');
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open ssri']);
    expect(intent.current).toBe('ssri');
  });

  it('switches to another term after it rests there', () => {
    intent.pointerOver('ssri');
    vi.advanceTimersByTime(300);
    intent.pointerOver('ketamine');
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['open ssri', 'open ketamine']);
  });

  it('a pinned card stays when the pointer leaves term and card, and other terms do not replace it', () => {
    intent.pointerOver('ssri');
    vi.advanceTimersByTime(300);
    intent.pin('ssri');
    intent.pointerOver(null);
    intent.cardEntered();
    intent.cardLeft();
    intent.pointerOver('ketamine');
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open ssri']);
    expect(intent.isPinned).toBe(true);
  });

  it('pins a term that is not open yet at once, without waiting for the rest', () => {
    intent.pointerOver('ssri');
    vi.advanceTimersByTime(100);
    intent.pin('ketamine');
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open ketamine']);
    expect(intent.current).toBe('ketamine');
  });

  it('unpinned, the card follows the pointer again and closes once it has left', () => {
    intent.pin('ssri');
    intent.unpin();
    expect(intent.isPinned).toBe(false);
    intent.pointerOver('ssri');
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open ssri']);
    intent.pointerOver(null);
    vi.advanceTimersByTime(250);
    expect(events).toEqual(['open ssri', 'close']);
  });

  it('dismiss closes a pinned card and unpins', () => {
    intent.pin('ssri');
    intent.dismiss();
    expect(intent.isPinned).toBe(false);
    intent.pointerOver('ketamine');
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['open ssri', 'close', 'open ketamine']);
  });

  it.each([0, 150, 800])('opens after a configured rest of %i ms', (delay) => {
    intent.setOpenDelay(delay);
    intent.pointerOver('ssri');
    if (delay > 0) {
      vi.advanceTimersByTime(delay - 1);
      expect(events).toEqual([]);
    }
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open ssri']);
  });

  it('dismisses at once (Escape) and forgets a pending open', () => {
    intent.pointerOver('ssri');
    vi.advanceTimersByTime(300);
    intent.pointerOver('ketamine');
    intent.dismiss();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open ssri', 'close']);
    expect(intent.current).toBeNull();
  });

  it('shows at once with showNow (a held key), and then follows the pointer as after a rest', () => {
    intent.showNow('ssri');
    expect(events).toEqual(['open ssri']);
    intent.showNow('ssri');
    expect(events).toEqual(['open ssri']);
    intent.pointerOver(null);
    vi.advanceTimersByTime(250);
    expect(events).toEqual(['open ssri', 'close']);
  });

  it('showNow replaces a pinned card with another term, and leaves a pinned one alone', () => {
    intent.pin('ssri');
    intent.showNow('ssri');
    expect(intent.isPinned).toBe(true);
    intent.showNow('ketamine');
    expect(events).toEqual(['open ssri', 'open ketamine']);
    expect(intent.isPinned).toBe(false);
  });
});
