// What the privacy suite (tests/e2e/privacy.test.mjs) needs: a page whose text must never leave its
// tab, a recording proxy that sees every request leaving the browser, the browser set up to send
// everything through it, and a reader of everything the extension has stored.
import { createServer, request as httpRequest } from 'node:http';
import { IN_FIREFOX } from './e2e.mjs';
import { listenOnLoopback } from './fixture-server.mjs';

/** Written only in the private page's text and title: it must never show up outside the tab. */
export const PAGE_SECRET = 'Quillfeather-4711';
/** A page with seven glossary terms, each next to the secret; serve it with startServer's `routes`. */
export const PRIVATE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>${PAGE_SECRET}'s notes</title></head><body><main>
<h1>${PAGE_SECRET} keeps a diary</h1>
<p>${PAGE_SECRET} started ketamine after SSRIs did not help with depression.</p>
<p>${PAGE_SECRET} wonders how glutamate and serotonin differ, and whether psychotherapy helps with anxiety.</p>
</main></body></html>`;
export const PRIVATE_PAGE_TERMS = 7;

/**
 * Runs in an extension page or the service worker (pass it to `evaluate`): everything in extension
 * storage, and `recorded` (what the test recorded there), as one text to search. Settings may be
 * stored compressed, so every base64 string is also read inflated (deflate-raw, deflate or gzip), and
 * `inflated` counts the strings that were.
 */
export async function storedAsText(recorded) {
  const api = globalThis.browser ?? globalThis.chrome;
  const stored = {};
  for (const area of ['sync', 'local', 'session']) stored[area] = await api.storage[area].get(null);
  const texts = [JSON.stringify({ stored, recorded })];
  const inflate = async (base64, format) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream(format))).text();
  };
  const visit = async (value) => {
    if (typeof value === 'string') {
      if (!/^[A-Za-z0-9+/]{16,}={0,2}$/u.test(value)) return;
      for (const format of ['deflate-raw', 'deflate', 'gzip']) {
        try {
          texts.push(await inflate(value, format));
          return;
        } catch {}
      }
    } else if (value !== null && typeof value === 'object') {
      for (const inner of Object.values(value)) await visit(inner);
    }
  };
  await visit({ stored, recorded });
  return {
    stored,
    keys: Object.fromEntries(Object.entries(stored).map(([area, items]) => [area, Object.keys(items)])),
    text: texts.join('\n'),
    inflated: texts.length - 1,
  };
}

/**
 * A recording HTTP proxy. The browser is told to send every request through it, loopback included,
 * so whatever leaves the browser — from a page, a content script, an extension page or the
 * extension's background — is seen here, whatever API made it. Requests for the fixture server are
 * passed on to it; anything else is recorded and refused, so the machine's own network is never used.
 * `fixturePort` is the port of the fixture server (startServer) on 127.0.0.1; requests for it, under
 * 127.0.0.1 or localhost, are forwarded.
 */
export async function startRecordingProxy({ fixturePort }) {
  /** Every request that reached the proxy: { method, url } with an absolute URL (CONNECT: host:port). */
  const requests = [];
  const isFixture = (url) => {
    try {
      const { protocol, hostname, port } = new URL(url);
      return protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(hostname) && Number(port) === fixturePort;
    } catch {
      return false;
    }
  };

  const server = createServer((incoming, outgoing) => {
    const url = incoming.url ?? '';
    requests.push({ method: incoming.method, url });
    if (!isFixture(url)) {
      outgoing.writeHead(502, { 'content-type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    const { pathname, search } = new URL(url);
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: fixturePort,
        method: incoming.method,
        path: pathname + search,
        headers: incoming.headers,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  // HTTPS (and wss:) through a proxy starts with CONNECT host:port; WebSockets over http: with an upgrade.
  server.on('connect', (incoming, socket) => {
    requests.push({ method: 'CONNECT', url: incoming.url ?? '' });
    socket.on('error', () => {});
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('upgrade', (incoming, socket) => {
    requests.push({ method: `UPGRADE ${incoming.headers.upgrade ?? ''}`.trim(), url: incoming.url ?? '' });
    socket.on('error', () => {});
    socket.destroy();
  });

  const { port, close } = await listenOnLoopback(server);
  return {
    port,
    /** Every request seen so far (a copy). */
    requests: () => requests.map((entry) => ({ ...entry })),
    /** Requests for anything but the fixture server. */
    foreign: () => requests.filter((entry) => !isFixture(entry.url)),
    /** Requests for the fixture server. */
    fixture: () => requests.filter((entry) => isFixture(entry.url)),
    close,
  };
}

/**
 * Hosts Chromium itself calls in the background whether or not an extension is installed (component
 * updater, account check, autofill), despite --disable-background-networking; the extension's CSP
 * would refuse them, and no page or worker reports them. Firefox's own background traffic can be
 * switched off (see `recordedLaunch`), so there is no exception there.
 */
export const BROWSER_OWN_SERVICES = new Set(
  IN_FIREFOX
    ? []
    : ['update.googleapis.com', 'accounts.google.com', 'content-autofill.googleapis.com', 'clients2.google.com'],
);

/** The options for launchExtension that send every request of the browser, loopback included, through `proxy`. */
export function recordedLaunch(proxy) {
  if (!IN_FIREFOX) return { proxy: { server: `http://127.0.0.1:${proxy.port}` } };
  return {
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Firefox's own Remote Settings sync (the only background traffic left under puppeteer's
      // automation preferences); the server preference only counts with the variable below.
      'services.settings.server': 'data:,#remote-settings-off/v1',
    },
    env: { MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  };
}
