// The yardsticks of the page tax (issue 21), written by `npm run bench` to temporary folders and
// loaded like the real extension:
// - the probe: the least a content script that decides "nothing to do here" must do. It reads the
//   settings from storage, fetches the body's text once and tests one regular expression.
// - the probe with the gate's duties: the same, plus what a gate must also do on every page whatever
//   it decides — read the other storage area, answer the popup and the keyboard commands, follow the
//   settings as they change, watch what the page adds later, and keep a page-world script ready.
//   It shows which part of the gate's cost is those duties rather than the gate's own code.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PAGES = ['http://*/*', 'https://*/*'];

const PROBE = (source) => `(() => {
  chrome.storage.sync.get(['preferences', 'siteRules']).then(() => {
    const text = document.body ? document.body.textContent : '';
    new RegExp(${JSON.stringify(source)}, 'i').test(text);
  });
})();
`;

const PROBE_WITH_DUTIES = (source) => `(() => {
  chrome.runtime.onMessage.addListener(() => undefined);
  chrome.storage.onChanged.addListener(() => undefined);
  Promise.all([
    chrome.storage.sync.get(['preferences', 'siteRules']),
    chrome.storage.local.get(['preferences', 'siteRules']),
  ]).then(() => {
    const text = document.body ? document.body.textContent : '';
    new RegExp(${JSON.stringify(source)}, 'i').test(text);
    new MutationObserver(() => undefined).observe(document, { childList: true, subtree: true, characterData: true });
  });
})();
`;

// In the page's world from its start: one listener, as the extension's page-world script waits for the engine.
const PAGE_WORLD = `(() => {
  const { apply } = Reflect;
  apply(EventTarget.prototype.addEventListener, document, ['bench-probe-wanted', () => undefined]);
})();
`;

/**
 * Writes a probe extension and returns its folder. `regExpSource` is the glossary as one expression;
 * `duties` adds what a gate must do besides (see above).
 */
export async function buildProbeExtension(regExpSource, { duties = false } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'mhx-bench-probe-'));
  const contentScripts = [{ matches: PAGES, all_frames: true, run_at: 'document_idle', js: ['probe.js'] }];
  if (duties) {
    contentScripts.push({
      matches: PAGES,
      all_frames: true,
      run_at: 'document_start',
      js: ['page-world.js'],
      world: 'MAIN',
    });
  }
  const manifest = {
    manifest_version: 3,
    name: duties ? 'Page tax probe with duties' : 'Page tax probe',
    version: '1.0.0',
    permissions: ['storage'],
    content_scripts: contentScripts,
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(path.join(dir, 'probe.js'), duties ? PROBE_WITH_DUTIES(regExpSource) : PROBE(regExpSource));
  if (duties) await writeFile(path.join(dir, 'page-world.js'), PAGE_WORLD);
  return dir;
}
