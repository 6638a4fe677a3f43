import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { updatePreferences } from '@/extension/settings';
import { watchHelpChoice } from '@/page/card/card-help-choice';

/** A content script context that only collects what is to run when it ends. */
function fakeContext() {
  const endings: (() => void)[] = [];
  const ctx = { onInvalidated: (end: () => void) => endings.push(end) } as unknown as ContentScriptContext;
  const endAll = () => {
    for (const end of endings) end();
  };
  return { ctx, end: endAll };
}

const serviceOf = async (current: () => Promise<{ line: { service: string } | null } | null>) => {
  const choice = await current();
  return choice === null ? 'off' : (choice.line?.service ?? 'directory only');
};

describe('watchHelpChoice (the card script’s help line)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('follows the browser’s UI language, then the settings as they change', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-GB');
    const { ctx, end } = fakeContext();
    const current = watchHelpChoice(ctx);
    expect(await serviceOf(current)).toBe('Samaritans');
    await updatePreferences({ helpCountry: 'US' });
    await vi.waitFor(async () => expect(await serviceOf(current)).toBe('988 Suicide & Crisis Lifeline'), {
      timeout: 10_000,
    });
    await updatePreferences({ helpLines: false });
    await vi.waitFor(async () => expect(await serviceOf(current)).toBe('off'), { timeout: 10_000 });
    end();
  });

  it('points to the directory alone where the UI language cannot be read', async () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockImplementation(() => {
      throw new Error('not here');
    });
    const { ctx, end } = fakeContext();
    expect(await serviceOf(watchHelpChoice(ctx))).toBe('directory only');
    end();
  });

  it('lets go quietly when the extension was updated and its storage API is gone', () => {
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
    const { ctx, end } = fakeContext();
    watchHelpChoice(ctx);
    vi.spyOn(fakeBrowser.storage.onChanged, 'removeListener').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'onChanged')");
    });
    expect(end).not.toThrow();
  });
});
