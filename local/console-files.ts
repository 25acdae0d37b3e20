import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { CONSOLE_SECURITY_HEADERS } from '../lib/console-security-headers';

const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built console (console/dist) for every path outside the API stage: files by path, and index.html for any
 * other path so the single-page app's routes (`/inventory?type=key`) can be opened and reloaded directly.
 */
export function serveConsole(dir: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', ...CONSOLE_SECURITY_HEADERS }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400, CONSOLE_SECURITY_HEADERS).end();
    return;
  }
  const file = normalize(join(dir, pathname));
  const inside = file.startsWith(dir.endsWith(sep) ? dir : dir + sep);
  const isFile = inside && isRegularFile(file);
  // A missing asset is a 404 (never index.html: a stale chunk must fail loudly, not parse HTML as JavaScript).
  if (!isFile && pathname.startsWith('/assets/')) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...CONSOLE_SECURITY_HEADERS }).end('Not found');
    return;
  }
  const target = isFile ? file : join(dir, 'index.html');
  if (!isRegularFile(target)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', ...CONSOLE_SECURITY_HEADERS }).end('The console is not built: run npm run console:build');
    return;
  }
  res.writeHead(200, {
    'content-type': MEDIA_TYPES[extname(target)] ?? 'application/octet-stream',
    // Hashed file names never change content; index.html must always be revalidated to pick up a new build.
    'cache-control': target.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...CONSOLE_SECURITY_HEADERS,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(target).pipe(res);
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export const serveConsoleFrom = (dir: string) => (req: IncomingMessage, res: ServerResponse) => serveConsole(dir, req, res);
