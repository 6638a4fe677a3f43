// The pages every browser suite loads: tests/fixtures/pages/ and pages made in memory, served on
// 127.0.0.1 at a random port.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { ROOT } from './polling.mjs';

export const FIXTURES_DIR = path.join(ROOT, 'tests/fixtures/pages');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.txt': 'text/plain',
};

/**
 * Serves tests/fixtures/pages/ on 127.0.0.1 at a random port. `routes` adds pages served from
 * memory: { '/huge.html': '<!doctype html>…' }, or with response headers of their own:
 * { '/strict.html': { body: '<!doctype html>…', headers: { 'content-security-policy': "default-src 'none'" } } }.
 */
export async function startServer({ routes = {} } = {}) {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (Object.hasOwn(routes, pathname)) {
      const route = routes[pathname];
      const { body, headers = {} } = typeof route === 'string' ? { body: route } : route;
      response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', ...headers }).end(body);
      return;
    }
    const file = path.join(FIXTURES_DIR, decodeURIComponent(pathname));
    if (!file.startsWith(FIXTURES_DIR + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  const { port, close } = await listenOnLoopback(server);
  return {
    port,
    /** `host` may be 'localhost' to reach the same server as a different site. */
    url: (pagePath, host = '127.0.0.1') => `http://${host}:${port}/${pagePath.replace(/^\//u, '')}`,
    close,
  };
}

/** Starts the node `server` on 127.0.0.1 at a random port: its port, and `close()` (open connections too). */
export async function listenOnLoopback(server) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
