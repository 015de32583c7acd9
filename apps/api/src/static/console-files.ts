import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built console (apps/console/dist) served from the API's own port, so `pnpm start` is one
 * address: `/` is the console, client routes fall back to its index.html, and `/graphql` asked
 * for by a browser (Accept: text/html) is the offline explorer (explorer.html of the same build).
 * Hashed files under /assets/ never change and are cached for a year; the HTML is never cached,
 * so a new build is seen on the next load. Files precompressed at build (.br, .gz) are sent when
 * the browser accepts them; nothing is compressed per request.
 */
export interface ConsoleFiles {
  /** Answers a GET or HEAD outside /graphql and /health: a file, the SPA page, or a 404. */
  serve(req: IncomingMessage, res: ServerResponse, path: string): void;
  /** Answers a browser's GET of /graphql with the explorer page. */
  serveExplorer(req: IncomingMessage, res: ServerResponse): void;
}

/** apps/console/dist beside this package, from dist/static/ or src/static/. */
export function defaultConsoleDir(): string {
  return fileURLToPath(new URL('../../../console/dist', import.meta.url));
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const LONG_CACHE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';

export function consoleFiles(dir: string): ConsoleFiles {
  const root = resolve(dir);

  function send(req: IncomingMessage, res: ServerResponse, file: string, cache: string): void {
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.setHeader('content-type', type);
    res.setHeader('cache-control', cache);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('vary', 'Accept-Encoding');
    const encoding = precompressed(file, req.headers['accept-encoding']);
    const sent = encoding ? `${file}${encoding.suffix}` : file;
    if (encoding) res.setHeader('content-encoding', encoding.name);
    res.setHeader('content-length', statSync(sent).size);
    res.statusCode = 200;
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(sent)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  function sendPage(req: IncomingMessage, res: ServerResponse, name: string): void {
    const file = join(root, name);
    if (!isFile(file)) {
      notBuilt(res, root);
      return;
    }
    send(req, res, file, NO_CACHE);
  }

  return {
    serve(req, res, path) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.statusCode = 405;
        res.setHeader('allow', 'GET, HEAD');
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('Only GET and HEAD are served here: GraphQL is at POST /graphql.\n');
        return;
      }
      const file = fileFor(root, path);
      if (file === null) {
        res.statusCode = 400;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('That path is not one the console serves.\n');
        return;
      }
      if (file !== root && isFile(file)) {
        const html = file.endsWith('.html');
        const hashed = path.startsWith('/assets/');
        send(req, res, file, html || !hashed ? NO_CACHE : LONG_CACHE);
        return;
      }
      // A missing file with an extension (an old asset, a typo) is a 404, not the SPA page: a
      // script tag given HTML would fail in a way no one could read.
      if (extname(path) !== '' || path.startsWith('/assets/')) {
        res.statusCode = 404;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end(`No file ${path} in the console's build.\n`);
        return;
      }
      sendPage(req, res, 'index.html');
    },
    serveExplorer(req, res) {
      sendPage(req, res, 'explorer.html');
    },
  };
}

/** The file under root a URL path names, or null for a path that would leave root. */
export function fileFor(root: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const file = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  // Dot files (.env, .git) are never served, wherever they sit.
  if (decoded.split('/').some((segment) => segment.startsWith('.') && segment !== '')) return null;
  return file;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function precompressed(
  file: string,
  accept: string | undefined,
): { name: string; suffix: string } | null {
  if (!accept) return null;
  const accepted = new Set(
    accept.split(',').flatMap((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      return params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param)) ? [] : [name];
    }),
  );
  if (accepted.has('br') && existsSync(`${file}.br`)) return { name: 'br', suffix: '.br' };
  if (accepted.has('gzip') && existsSync(`${file}.gz`)) return { name: 'gzip', suffix: '.gz' };
  return null;
}

function notBuilt(res: ServerResponse, root: string): void {
  res.statusCode = 503;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', NO_CACHE);
  res.end(`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Redress: the console is not built</title></head>
<body><h1>The console is not built</h1>
<p>The API is running, but there is no console build in <code>${escapeHtml(root)}</code>.</p>
<p>Build it with <code>pnpm --filter @redress/console build</code> and reload this page,
or run <code>pnpm start</code> from the repository's root, which builds it first.</p>
<p>GraphQL answers at <code>POST /graphql</code>; health at <code>GET /health</code>.</p>
</body></html>
`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A browser's page load (Accept names text/html before JSON), not a GraphQL GET. */
export function wantsHtml(req: IncomingMessage): boolean {
  if (req.method !== 'GET') return false;
  const accept = req.headers.accept ?? '';
  if (!accept.includes('text/html')) return false;
  const url = req.url ?? '';
  // A GET carrying a query is GraphQL over GET, whatever it accepts.
  return !/[?&]query=/.test(url);
}
