import { describe, expect, it } from 'vitest';
import {
  browserSpecificManifest,
  FIREFOX_ADDON_ID,
  FIREFOX_ANDROID_MIN_VERSION,
  FIREFOX_MIN_VERSION,
  pageScriptAccess,
} from '@/utils/browser-differences';

describe('browserSpecificManifest', () => {
  it.each([
    ['chrome', {}],
    ['edge', {}],
    [
      'firefox',
      {
        browser_specific_settings: {
          gecko: {
            id: FIREFOX_ADDON_ID,
            strict_min_version: FIREFOX_MIN_VERSION,
            data_collection_permissions: { required: ['none'] },
          },
          gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
        },
      },
    ],
  ])('%s gets %j', (browser, expected) => {
    expect(browserSpecificManifest(browser)).toEqual(expected);
  });
});

describe('pageScriptAccess', () => {
  const pages = ['http://*/*', 'https://*/*'];
  it.each([
    [
      'chrome',
      [
        {
          resources: ['explainer-engine.js', 'mhx-page-signals.js', 'term-card.js'],
          matches: pages,
          use_dynamic_url: true,
        },
      ],
    ],
    [
      'edge',
      [
        {
          resources: ['explainer-engine.js', 'mhx-page-signals.js', 'term-card.js'],
          matches: pages,
          use_dynamic_url: true,
        },
      ],
    ],
    // Firefox rejects use_dynamic_url; its per-installation UUID already keeps the URL unguessable.
    ['firefox', [{ resources: ['explainer-engine.js', 'mhx-page-signals.js', 'term-card.js'], matches: pages }]],
  ])('%s gets %j', (browser, expected) => {
    expect(pageScriptAccess(browser)).toEqual(expected);
  });
});
