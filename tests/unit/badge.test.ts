import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { frameCountStore, TabBadges } from '@/extension/badge';
import { badgeText } from '@/utils/badge-text';

describe('badgeText', () => {
  it.each([
    [{}, ''],
    [{ 0: 0 }, ''],
    [{ 0: 20 }, '20'],
    [{ 0: 20, 3: 5 }, '25'],
    [{ 0: 999 }, '999'],
    [{ 0: 1000 }, '999+'],
    [{ 0: Number.NaN, 1: -2, 2: 4 }, '4'],
  ])('%j → %j', (counts, text) => expect(badgeText(counts)).toBe(text));
});

describe('TabBadges', () => {
  beforeEach(() => fakeBrowser.reset());

  it('adds up the frames of a tab and clears when they show nothing', async () => {
    const show = vi.fn(async () => {});
    const badges = new TabBadges(frameCountStore(), show);
    await Promise.all([badges.report(7, 0, 20), badges.report(7, 4, 3), badges.report(8, 0, 1)]);
    expect(show).toHaveBeenLastCalledWith(8, '1');
    expect(show).toHaveBeenCalledWith(7, '23');
    await badges.report(7, 4, null);
    expect(show).toHaveBeenLastCalledWith(7, '20');
    await badges.report(7, 0, null);
    expect(show).toHaveBeenLastCalledWith(7, '');
  });

  it('remembers the other frames across a restart of the background (in session storage)', async () => {
    const show = vi.fn(async () => {});
    await new TabBadges(frameCountStore(), show).report(7, 0, 20);
    await new TabBadges(frameCountStore(), show).report(7, 2, 1);
    expect(show).toHaveBeenLastCalledWith(7, '21');
  });

  it('forgets a closed tab', async () => {
    const badges = new TabBadges(frameCountStore(), async () => {});
    await badges.report(7, 0, 20);
    await badges.forget(7);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });
});
