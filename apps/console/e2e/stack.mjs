// The stack the browser checks run against: the API's real start command (the one `pnpm start`
// runs) on a free port, on a fresh embedded database (PGlite in a temporary REDRESS_DATA_DIR),
// with the first admin set and the demo data loaded. When `/` does not serve the built console
// yet, `vite preview` serves apps/console/dist and proxies /graphql (HTTP and WebSocket) to it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const apiDir = process.env.REDRESS_API_DIR ?? join(consoleDir, '..', 'api');
const distDir = process.env.REDRESS_CONSOLE_DIST ?? join(consoleDir, 'dist');

export const ADMIN = {
  email: 'e2e.admin@redress.localhost',
  password: 'an end-to-end check password, long enough',
};

/** The demo's sign-ins (apps/api/src/demo/demo-staff.ts); all share the demo password. */
export const DEMO_EMAILS = {
  manager: 'manager@demo.redress.localhost',
  handler: 'handler@demo.redress.localhost',
  analyst: 'analyst@demo.redress.localhost',
  /** A second handler in the repairs team, for stage 2 (Code 6.13: someone else). */
  secondHandler: 'mohammed.patel@demo.redress.localhost',
};

export async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the stack. Answers `{ base, apiBase, admin, demoPassword, servedBy, stop }`, where
 * `base` is the console's origin (the API's own when it serves `/`) and `stop` ends the API's
 * process group and removes the data directory.
 */
export async function startStack({ timeoutMs = 240_000 } = {}) {
  for (const built of [join(apiDir, 'dist', 'main.js'), join(distDir, 'index.html')]) {
    if (!existsSync(built)) {
      throw new Error(`${built} is missing: build first (pnpm build at the repository root)`);
    }
  }
  const port = await freePort();
  const previewPort = await freePort();
  const apiBase = `http://127.0.0.1:${port}`;
  const previewBase = `http://127.0.0.1:${previewPort}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'redress-e2e-'));
  const env = { ...process.env };
  delete env.DATABASE_URL;
  Object.assign(env, {
    PORT: String(port),
    REDRESS_DATA_DIR: dataDir,
    REDRESS_ADMIN_EMAIL: ADMIN.email,
    REDRESS_ADMIN_PASSWORD: ADMIN.password,
    REDRESS_DEMO_DATA: 'auto',
    // The page's own origin, whichever serves it: the live updates' socket checks it.
    REDRESS_CORS_ORIGINS: `${apiBase},${previewBase}`,
  });
  const server = spawn('pnpm', ['start'], {
    cwd: apiDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  let preview;
  // Whatever ends this process ends the API with it: it runs in a process group of its own.
  const killGroup = () => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const onSignal = (signal) => {
    killGroup();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', killGroup);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  async function stop() {
    if (preview) await preview.close().catch(() => {});
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, sleep(10_000)]);
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // stopped in time
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
    process.off('exit', killGroup);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the API exited with ${server.exitCode}`);
      try {
        if ((await fetch(`${apiBase}/health`)).status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`/health did not answer within ${timeoutMs} ms`);
      await sleep(300);
    }
    const demoPassword = /Demo staff, each with the password (\S+):/.exec(output)?.[1];
    if (!demoPassword) throw new Error('the start-up log named no demo staff password');

    let base = apiBase;
    let servedBy = 'api';
    const home = await fetch(`${apiBase}/`);
    if (home.status !== 200 || !(home.headers.get('content-type') ?? '').includes('text/html')) {
      const { preview: startPreview } = await import('vite');
      preview = await startPreview({
        root: consoleDir,
        logLevel: 'warn',
        build: { outDir: distDir },
        preview: {
          host: '127.0.0.1',
          port: previewPort,
          strictPort: true,
          proxy: { '/graphql': { target: apiBase, ws: true, changeOrigin: true } },
        },
      });
      base = previewBase;
      servedBy = 'vite preview';
    }
    return { base, apiBase, admin: ADMIN, demoPassword, servedBy, stop, output: () => output };
  } catch (error) {
    await stop();
    error.message += `\n--- API output ---\n${output.slice(-3000)}`;
    throw error;
  }
}
