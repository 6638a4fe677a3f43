// Helpers for the fault tests: updating the extension under open pages, stopping its service worker,
// and filling its storage until the browser refuses writes. Built on tests/support/e2e.mjs; what
// only one browser can do says so.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_EXTENSION_DIR } from '../support/chromium-session.mjs';
import { IN_FIREFOX, poll } from '../support/e2e.mjs';

// ---------------------------------------------------------------------------------------------
// Updates

/**
 * A copy of the built extension that the test can inject its content script with, as Firefox does
 * by itself for open tabs when an extension is installed or updated. Chrome does not, and the product
 * has no reason to ask for "scripting" or host permissions, so only this copy gets them; the code
 * that runs is the build under test, byte for byte.
 */
export async function injectableCopy(extensionDir = CHROMIUM_EXTENSION_DIR) {
  const dir = await mkdtemp(path.join(tmpdir(), 'mhx-faults-ext-'));
  await cp(extensionDir, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
  manifest.permissions = [...(manifest.permissions ?? []), 'scripting'];
  manifest.host_permissions = ['http://*/*', 'https://*/*'];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return { dir, manifest, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The browser's own extensions page (chrome://extensions), which may call `chrome.developerPrivate`
 * and `chrome.management` on any extension: what a developer clicking "Reload" there does.
 */
export async function extensionsPage(session) {
  const page = await session.context.newPage();
  await page.goto('chrome://extensions');
  await poll(() => page.evaluate(() => typeof chrome.developerPrivate?.reload === 'function'), {
    message: 'chrome://extensions to offer developerPrivate',
  });
  // Chrome keeps an extension's errors (for the "Errors" button) only in developer mode, and only from
  // contexts started after it was turned on: a worker after its next start, a reloaded extension.
  await page.evaluate(() => chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }));
  const info = () => page.evaluate((id) => chrome.developerPrivate.getExtensionInfo(id), session.extensionId);
  return {
    page,
    info,
    /** Errors Chrome recorded for the extension: thrown in its worker or pages, or logged with console.error. */
    async errors() {
      const { runtimeErrors = [], manifestErrors = [] } = await info();
      return [...manifestErrors, ...runtimeErrors].map((error) => `${error.message} (${error.source || 'worker'})`);
    },
    /**
     * Reloads the extension from disk, as an update does: its content scripts in open pages are cut
     * off, and a new worker starts. An extension loaded with --load-extension comes back disabled
     * after a reload (also after chrome.runtime.reload()), so it is switched on again as a user would.
     */
    async reload() {
      const before = session.context.serviceWorkers().filter((worker) => worker.url().includes(session.extensionId));
      await page.evaluate((id) => chrome.developerPrivate.reload(id, { failQuietly: true }), session.extensionId);
      const state = await poll(
        async () => {
          const { state } = await info();
          return state === 'ENABLED' || state === 'DISABLED' ? state : null;
        },
        { message: 'the extension to be reloaded' },
      );
      if (state === 'DISABLED')
        await page.evaluate((id) => chrome.management.setEnabled(id, true), session.extensionId);
      await poll(async () => (await info()).state === 'ENABLED', { message: 'the extension to be enabled again' });
      await poll(
        () =>
          session.context
            .serviceWorkers()
            .some((worker) => worker.url().includes(session.extensionId) && !before.includes(worker)),
        { message: 'the reloaded extension to start a new service worker' },
      );
    },
    close: () => page.close(),
  };
}

/**
 * The errors the extension logs or throws from now on, read where each browser keeps them:
 * chrome://extensions (see extensionsPage) in Chromium, the Browser Console in Firefox.
 */
export async function extensionErrorLog(session) {
  if (IN_FIREFOX) {
    const before = (await session.extensionErrors()).length;
    return { errors: async () => (await session.extensionErrors()).slice(before), close: async () => {} };
  }
  const extensions = await extensionsPage(session);
  return { errors: () => extensions.errors(), close: () => extensions.close(), reload: () => extensions.reload() };
}

/**
 * The extension as a build that can be updated under open pages: `launch` (options for launchExtension),
 * `update(session, tabId, log)` and `remove()`. An update reloads the extension from disk. Firefox then
 * injects the new content script into open tabs by itself; Chromium injects nothing, so the test
 * plays Firefox's part with chrome.scripting from the new worker, right after the update, in a copy
 * of the build given that permission (see injectableCopy). `update` returns into how many of the
 * tab's frames the test injected the script (null in Firefox, which injects by itself).
 */
export async function updatableExtension() {
  if (IN_FIREFOX) {
    return {
      launch: {},
      async update(session) {
        // Reloads the temporary add-on from its folder, as an update does; it closes the add-on's pages.
        await session.inExtension(() => {
          window.beforeTheUpdate = true;
          setTimeout(() => chrome.runtime.reload(), 0);
        });
        // Back once an extension page answers that is not the one from before.
        await poll(
          () => session.inExtension(() => window.beforeTheUpdate !== true && typeof chrome.runtime.id === 'string'),
          {
            timeout: 20_000,
            message: 'the add-on to be back after its update',
          },
        );
        return null;
      },
      remove: async () => {},
    };
  }
  const copy = await injectableCopy();
  return {
    launch: { extensionDir: copy.dir },
    async update(session, tabId, log) {
      await log.reload();
      return injectContentScript(session, copy.manifest, tabId);
    },
    remove: copy.remove,
  };
}

/** Runs the manifest's content script (and its CSS) in every frame of `tabId`, from the extension's worker. */
export async function injectContentScript(session, manifest, tabId) {
  const [script] = manifest.content_scripts;
  return session.inExtension(
    async ({ tabId, js, css }) => {
      await chrome.scripting.insertCSS({ target: { tabId, allFrames: true }, files: css });
      const results = await chrome.scripting.executeScript({ target: { tabId, allFrames: true }, files: js });
      return results.length;
    },
    { tabId, js: script.js, css: script.css ?? [] },
  );
}

// ---------------------------------------------------------------------------------------------
// The service worker

/**
 * Follows the extension's service worker through the DevTools protocol of `page` (any page of the
 * profile), and stops it as Chrome does after 30 s idle, or under memory pressure.
 */
export async function serviceWorkerControl(session, page) {
  const cdp = await session.context.newCDPSession(page);
  const statusOf = new Map();
  let starts = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(`chrome-extension://${session.extensionId}/`)) continue;
      if (version.runningStatus === 'running' && statusOf.get(version.versionId) !== 'running') starts++;
      statusOf.set(version.versionId, version.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  const running = () => [...statusOf.values()].includes('running');
  await poll(running, { message: 'the service worker to be reported running' });
  return {
    running,
    /** How many times the worker has started since this control was made (the first one included). */
    starts: () => starts,
    /**
     * Stops the worker. Playwright keeps its handle on the stopped worker and never sees the next
     * one start, so after this `session.inExtension` would wait forever: read browser state from an
     * extension page instead (e.g. `chrome.action.getBadgeText` in the popup).
     */
    async stop() {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await poll(() => !running(), { message: 'the service worker to stop' });
    },
    detach: () => cdp.detach().catch(() => {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Storage

/** Chrome's storage.sync quota in bytes (keys and JSON values counted). */
export const SYNC_QUOTA_BYTES = 102_400;
/** Chrome's storage.local quota in bytes without the "unlimitedStorage" permission. */
export const LOCAL_QUOTA_BYTES = 10_485_760;

/**
 * Fills a storage area of the extension with filler items until fewer than `leave` bytes remain,
 * from its worker, so the next write of the extension's settings is refused for real with Chrome's
 * own error. Returns the bytes in use afterwards. `remove()` of the returned keys frees it again.
 */
export async function fillStorage(session, areaName, { leave = 16 } = {}) {
  return session.inExtension(
    async ({ areaName, leave, quota }) => {
      const area = chrome.storage[areaName];
      // An item is its key plus its value as JSON; sync allows 8 KB per item, so big items for local only.
      const perItem = areaName === 'sync' ? 8000 : 1_000_000;
      const keys = [];
      // The browsers count bytes in use a little differently from how they check the quota (Firefox
      // refuses some items its count says fit): an item refused is tried again at half the size,
      // until even one of `leave` bytes does not fit.
      let cap = perItem;
      for (let index = 0; cap >= leave; ) {
        const room = quota - (await area.getBytesInUse(null)) - leave;
        if (room <= 0) break;
        const key = `filler.${index}`;
        const size = Math.min(cap, room - key.length - 2);
        if (size <= 0) break;
        try {
          await area.set({ [key]: 'x'.repeat(size) });
        } catch (error) {
          if (!/quota/iu.test(String(error))) throw error;
          cap = Math.floor(size / 2);
          continue;
        }
        keys.push(key);
        index++;
      }
      return { keys, bytesInUse: await area.getBytesInUse(null) };
    },
    { areaName, leave, quota: areaName === 'sync' ? SYNC_QUOTA_BYTES : LOCAL_QUOTA_BYTES },
  );
}

export function emptyFiller(session, areaName, keys) {
  return session.inExtension(({ areaName, keys }) => chrome.storage[areaName].remove(keys), { areaName, keys });
}

/** Both areas as stored: the settings keys only, filler left out. */
export function storedSettings(session) {
  return session.inExtension(async () => {
    const pick = (all) => Object.fromEntries(Object.entries(all).filter(([key]) => !key.startsWith('filler.')));
    return { sync: pick(await chrome.storage.sync.get(null)), local: pick(await chrome.storage.local.get(null)) };
  });
}

/**
 * Writes to sync from the worker until Chrome refuses with its per-minute (or per-hour) write limit,
 * so the extension's next sync write is refused for real. Returns how many writes it took.
 */
export function useUpSyncWrites(session) {
  return session.inExtension(async () => {
    for (let writes = 0; writes < 10_000; writes++) {
      try {
        await chrome.storage.sync.set({ 'filler.rate': writes });
      } catch (error) {
        if (/MAX_WRITE_OPERATIONS_PER_(?:MINUTE|HOUR)/u.test(String(error))) return writes;
        throw error;
      }
    }
    throw new Error('sync never refused a write');
  });
}

/**
 * An init script (openPopup's `initScript`) that makes an extension page run as if the browser had
 * no storage.sync (switched off, or a browser without it): removed before the page's own scripts run.
 */
export function withoutSync() {
  for (const api of [globalThis.chrome, globalThis.browser]) {
    if (api?.storage) Object.defineProperty(api.storage, 'sync', { configurable: true, get: () => undefined });
  }
}

/** Empties both areas: the defaults apply again, in every open tab. */
export function clearStorage(session) {
  return session.inExtension(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
  });
}
