import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onMessage } from '@/extension/messages';

export default defineBackground(() => {
  onMessage('openReader', async ({ data: anchor, sender }) => {
    await browser.tabs.create({
      url: browser.runtime.getURL(`/reader.html#${encodeURI(anchor)}`),
      index: sender.tab ? sender.tab.index + 1 : undefined,
    });
  });
});
