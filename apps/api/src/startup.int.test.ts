// The built API as an operator starts it (`node dist/main.js`), in surroundings it cannot work
// in: each fault must end the process with exit code 1 and one line on stderr saying what to do,
// before any work (no migration, no demo data). And one PGlite data folder takes one process.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gqlData } from './test/graphql-client.js';
import { LOG_COMPLAINT, logInput } from './test/complaint-operations.js';
import { API_MAIN, spawnApiProcess, type ApiProcess } from './test/test-server.js';

const folders: string[] = [];
const servers: Server[] = [];
const processes: ApiProcess[] = [];

afterAll(async () => {
  for (const api of processes) await api.stop();
  for (const server of servers) server.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'redress-startup-'));
  folders.push(folder);
  return folder;
}

/** A TCP server on a free port that accepts connections and never says a word. */
async function listening(): Promise<{ port: number }> {
  const server = createServer(() => undefined);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('No TCP port.');
  return { port: address.port };
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No TCP port.');
  return address.port;
}

interface Exit {
  readonly code: number | null;
  readonly stderr: string;
  readonly stdout: string;
}

/** Runs the API to its end (it must end: killed after `limitMs`) and returns what it said. */
async function runApi(
  env: Readonly<Record<string, string>>,
  options: { uid?: number; gid?: number; limitMs?: number } = {},
): Promise<Exit> {
  const child = spawn(process.execPath, [API_MAIN], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.limitMs ?? 20_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, stderr, stdout };
}

function expectOneLineRefusal(exit: Exit, words: RegExp): void {
  expect(exit.code, `stdout: ${exit.stdout}\nstderr: ${exit.stderr}`).toBe(1);
  const lines = exit.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^redress-api: /);
  expect(lines[0]).toMatch(words);
  // Refused before any work: nothing was logged as done (no "Loaded demo data", no "ready").
  expect(exit.stdout).toBe('');
}

// Each test starts real processes, PGlite ones with their migrations: minutes on a busy machine.
const PROCESS_TEST = { timeout: 120_000 };

describe('start-up faults: one line, exit code 1, before any work', () => {
  it('a port in use', PROCESS_TEST, async () => {
    const { port } = await listening();
    const dataDir = await tempFolder();
    const exit = await runApi({ PORT: String(port), REDRESS_DATA_DIR: dataDir });
    expectOneLineRefusal(exit, new RegExp(`PORT=${port} is already in use.*set PORT`));
    // Not a page of the database was written, nor demo data loaded.
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('a data folder this process cannot write', PROCESS_TEST, async () => {
    const parent = await tempFolder();
    await chmod(parent, 0o555);
    // Permission bits do not bind root: run the API as nobody when the tests run as root.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    for (const dataDir of [parent, join(parent, 'pglite')]) {
      const exit = await runApi(
        { PORT: String(await freePort()), REDRESS_DATA_DIR: dataDir },
        asNobody,
      );
      expectOneLineRefusal(exit, /data folder .*REDRESS_DATA_DIR/);
    }
  });

  it('a DATABASE_URL nothing listens on', PROCESS_TEST, async () => {
    const exit = await runApi({
      PORT: String(await freePort()),
      DATABASE_URL: `postgres://redress:s3cret@127.0.0.1:${await freePort()}/redress`,
    });
    expectOneLineRefusal(
      exit,
      /DATABASE_URL: cannot reach PostgreSQL at 127\.0\.0\.1:\d+\/redress/,
    );
    // The password is never echoed.
    expect(exit.stderr).not.toContain('s3cret');
  });

  it(
    'a DATABASE_URL whose server accepts and never answers: refused within the connect timeout',
    PROCESS_TEST,
    async () => {
      const { port } = await listening();
      const started = Date.now();
      const exit = await runApi(
        {
          PORT: String(await freePort()),
          DATABASE_URL: `postgres://redress@127.0.0.1:${port}/redress`,
        },
        { limitMs: 45_000 },
      );
      expectOneLineRefusal(exit, /cannot reach PostgreSQL .*no answer within 10 s/);
      // Bounded: the connect timeout, plus start-up on a busy machine.
      expect(Date.now() - started).toBeLessThan(40_000);
    },
  );
});

describe('one process per PGlite data folder', () => {
  it(
    'refuses a second process on a folder in use, and takes over the lock of one that died',
    PROCESS_TEST,
    async () => {
      const dataDir = await tempFolder();
      const first = await spawnApiProcess({
        databaseUrl: '',
        port: await freePort(),
        env: { REDRESS_DATA_DIR: dataDir },
      });
      processes.push(first);
      expect((await readFile(join(dataDir, 'redress.lock'), 'utf8')).trim()).toBe(
        String(first.pid),
      );
      const logged = await gqlData<{ logComplaint: { id: string; reference: string } }>(
        first.url,
        LOG_COMPLAINT,
        { input: logInput('2026-11-06T10:00:00Z') },
      );

      const second = await runApi({ PORT: String(await freePort()), REDRESS_DATA_DIR: dataDir });
      expectOneLineRefusal(
        second,
        new RegExp(`in use by another Redress process \\(pid ${first.pid}\\).*REDRESS_DATA_DIR`),
      );
      // The refused process left the first one's lock alone.
      expect((await readFile(join(dataDir, 'redress.lock'), 'utf8')).trim()).toBe(
        String(first.pid),
      );

      // The first dies without cleaning up: its lock names a pid that no longer runs.
      process.kill(first.pid, 'SIGKILL');
      await waitUntilGone(first.pid);
      const third = await spawnApiProcess({
        databaseUrl: '',
        port: await freePort(),
        env: { REDRESS_DATA_DIR: dataDir },
      });
      processes.push(third);
      expect((await readFile(join(dataDir, 'redress.lock'), 'utf8')).trim()).toBe(
        String(third.pid),
      );
      // The write confirmed to its caller is there.
      const found = await gqlData<{ complaint: { reference: string } | null }>(
        third.url,
        'query($id: ID!) { complaint(id: $id) { reference } }',
        { id: logged.logComplaint.id },
      );
      expect(found.complaint?.reference).toBe(logged.logComplaint.reference);

      // A clean stop removes the lock.
      await third.stop();
      expect(await readdir(dataDir)).not.toContain('redress.lock');
    },
  );

  it('takes over a lock naming no running process', PROCESS_TEST, async () => {
    const dataDir = await tempFolder();
    // A pid far above any the system has given out.
    await writeFile(join(dataDir, 'redress.lock'), '2147483646\n');
    const api = await spawnApiProcess({
      databaseUrl: '',
      port: await freePort(),
      env: { REDRESS_DATA_DIR: dataDir },
    });
    processes.push(api);
    expect((await readFile(join(dataDir, 'redress.lock'), 'utf8')).trim()).toBe(String(api.pid));
  });
});

async function waitUntilGone(pid: number): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Process ${pid} is still running.`);
}
