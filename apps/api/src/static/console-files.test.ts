import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleFiles, wantsHtml } from './console-files.js';

let base = '';
let dir = '';
let server: Server;

const SCRIPT = 'console.log("the console");';

/** A raw GET, path sent as written (fetch would normalise `..` away before sending). */
function rawGet(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = request(
      { host: url.hostname, port: url.port, path, method: 'GET', headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const top = mkdtempSync(join(tmpdir(), 'redress-static-'));
  dir = join(top, 'dist');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(top, 'secret.txt'), 'outside the build');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Redress</title>');
  writeFileSync(join(dir, 'explorer.html'), '<!doctype html><title>Explorer</title>');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'index-AbC123.js.gz'), gzipSync(SCRIPT));
  writeFileSync(join(dir, 'assets', 'index-AbC123.css'), 'body{margin:0}');
  const files = consoleFiles(dir);
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (path === '/graphql' && wantsHtml(req)) files.serveExplorer(req, res);
    else files.serve(req, res, path);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return () => rmSync(top, { recursive: true, force: true });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the console build served by the API', () => {
  it.each([
    ['/', 'text/html; charset=utf-8', 'no-cache', 'Redress'],
    ['/index.html', 'text/html; charset=utf-8', 'no-cache', 'Redress'],
    ['/assets/index-AbC123.js', 'text/javascript; charset=utf-8', 'immutable', SCRIPT],
    ['/assets/index-AbC123.css', 'text/css; charset=utf-8', 'immutable', 'margin:0'],
    ['/favicon.svg', 'image/svg+xml', 'no-cache', '<svg'],
  ])('serves %s as %s, cached %s', async (path, type, cache, content) => {
    const response = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toContain(cache);
    expect(await response.text()).toContain(content);
  });

  it('caches hashed assets for a year and the page never', async () => {
    const asset = await fetch(`${base}/assets/index-AbC123.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(`${base}/complaints`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });

  it('sends the precompressed file to a browser that accepts gzip, and the plain one otherwise', async () => {
    const gzipped = await rawGet('/assets/index-AbC123.js', { 'accept-encoding': 'br, gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body).toEqual(gzipSync(SCRIPT));
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    const plain = await rawGet('/assets/index-AbC123.js', { 'accept-encoding': 'gzip;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it.each(['/complaints', '/complaints/abc/show', '/login', '/calendar?year=2026'])(
    'answers the client route %s with the console page',
    async (path) => {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>Redress</title>');
    },
  );

  it.each(['/assets/index-Gone99.js', '/missing.png'])(
    'answers a missing file %s with 404, not the page',
    async (path) => {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('<title>');
    },
  );

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/.env',
  ])('refuses %s, which would leave the build or read a dot file', async (path) => {
    const response = await rawGet(path);
    expect([400, 404]).toContain(response.status);
    expect(response.body.toString()).not.toContain('outside the build');
    expect(response.body.toString()).not.toContain('SECRET');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await fetch(`${base}/`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers /graphql asked for as HTML with the explorer, and as GraphQL over GET not at all', async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Explorer</title>');
    const asked = (url: string, accept: string) =>
      wantsHtml({ method: 'GET', url, headers: { accept } } as IncomingMessage);
    expect(asked('/graphql', 'text/html,application/xhtml+xml')).toBe(true);
    expect(asked('/graphql?query=%7B__typename%7D', 'text/html')).toBe(false);
    expect(asked('/graphql', 'application/json')).toBe(false);
  });

  it('says how to build the console when there is no build', async () => {
    const empty = consoleFiles(join(tmpdir(), 'redress-no-such-build'));
    const other = createServer((req, res) => empty.serve(req, res, '/'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('pnpm --filter @redress/console build');
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
