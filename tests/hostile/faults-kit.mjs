// Helpers for the fault tests: updating the extension under open pages, stopping its service worker,
// and filling its storage until the browser refuses writes. Built on tests/e2e/harness.mjs.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXTENSION_DIR, poll } from '../e2e/harness.mjs';

// ---------------------------------------------------------------------------------------------
// Updates

/**
 * A copy of the built extension that the test can inject its content script with, as Firefox does
 * by itself for open tabs when an extension is installed or updated. Chrome does not, and the product
 * has no reason to ask for "scripting" or host permissions, so only this copy gets them; the code
 * that runs is the build under test, byte for byte.
 */
export async function injectableCopy(extensionDir = EXTENSION_DIR) {
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

/** Runs the manifest's content script (and its CSS) in every frame of `tabId`, from the extension's worker. */
export async function injectContentScript(session, manifest, tabId) {
  const [script] = manifest.content_scripts;
  return session.inWorker(
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
     * one start, so after this `session.inWorker` would wait forever: read browser state from an
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
  return session.inWorker(
    async ({ areaName, leave, quota }) => {
      const area = chrome.storage[areaName];
      // An item is its key plus its value as JSON; sync allows 8 KB per item, so big items for local only.
      const perItem = areaName === 'sync' ? 8000 : 1_000_000;
      const keys = [];
      for (let index = 0; ; index++) {
        const room = quota - (await area.getBytesInUse(null)) - leave;
        if (room <= 0) break;
        const key = `filler.${index}`;
        const size = Math.min(perItem, room - key.length - 2);
        if (size <= 0) break;
        await area.set({ [key]: 'x'.repeat(size) });
        keys.push(key);
      }
      return { keys, bytesInUse: await area.getBytesInUse(null) };
    },
    { areaName, leave, quota: areaName === 'sync' ? SYNC_QUOTA_BYTES : LOCAL_QUOTA_BYTES },
  );
}

export function emptyFiller(session, areaName, keys) {
  return session.inWorker(({ areaName, keys }) => chrome.storage[areaName].remove(keys), { areaName, keys });
}

/** Both areas as stored: the settings keys only, filler left out. */
export function storedSettings(session) {
  return session.inWorker(async () => {
    const pick = (all) => Object.fromEntries(Object.entries(all).filter(([key]) => !key.startsWith('filler.')));
    return { sync: pick(await chrome.storage.sync.get(null)), local: pick(await chrome.storage.local.get(null)) };
  });
}

/**
 * Writes to sync from the worker until Chrome refuses with its per-minute (or per-hour) write limit,
 * so the extension's next sync write is refused for real. Returns how many writes it took.
 */
export function useUpSyncWrites(session) {
  return session.inWorker(async () => {
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
 * Makes the extension page `page` run as if the browser had no storage.sync (switched off, or a
 * browser without it): removed before the page's own scripts run.
 */
export function withoutSync(page) {
  return page.addInitScript(() => {
    Object.defineProperty(chrome.storage, 'sync', { configurable: true, get: () => undefined });
  });
}

/** Empties both areas: the defaults apply again, in every open tab. */
export function clearStorage(session) {
  return session.inWorker(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
  });
}
