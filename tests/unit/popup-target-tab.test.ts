import { describe, expect, it } from 'vitest';
import { popupTargetTab } from '@/utils/popup-target-tab';

const activeTab = async () => 42;

describe('popupTargetTab', () => {
  it.each([
    ['chrome-extension://id/popup.html', 42],
    ['chrome-extension://id/popup.html?tab=7', 7],
    ['moz-extension://uuid/popup.html?tab=0', 0],
    ['chrome-extension://id/popup.html?tab=abc', 42],
    ['chrome-extension://id/popup.html?tab=-3', 42],
    ['chrome-extension://id/popup.html?tab=', 42],
  ])('%s → %s', async (url, expected) => {
    expect(await popupTargetTab(url, activeTab)).toBe(expected);
  });

  it('is undefined when there is no active tab either', async () => {
    expect(await popupTargetTab('chrome-extension://id/popup.html', async () => undefined)).toBeUndefined();
  });
});
