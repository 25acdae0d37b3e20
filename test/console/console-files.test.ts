import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_CSP } from '../../lib/console-security-headers';
import { serveConsoleFrom } from '../../local/console-files';
import { closeServer, listenOnLoopback } from '../../local/loopback-server';

describe('serveConsole (the console next to the local API)', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aqg-console-files-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'assets', 'main-ABC.js'), 'export {}');
    writeFileSync(join(tmpdir(), 'aqg-outside.txt'), 'secret');
    server = createServer(serveConsoleFrom(dir));
    base = `http://127.0.0.1:${await listenOnLoopback(server, 0)}`;
  });

  afterAll(async () => {
    await closeServer(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves hashed assets as immutable JavaScript with the security headers', async () => {
    const res = await fetch(`${base}/assets/main-ABC.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers index.html (never cached) for the app’s routes, so a shared link opens', async () => {
    const res = await fetch(`${base}/inventory?type=key`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>console</title>');
  });

  it('answers 404 for a missing asset instead of HTML, and never leaves the directory', async () => {
    expect((await fetch(`${base}/assets/gone-XYZ.js`)).status).toBe(404);
    const traversal = await fetch(`${base}/..%2Faqg-outside.txt`);
    expect(await traversal.text()).not.toContain('secret');
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });
});
