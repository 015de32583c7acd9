// A PostgreSQL primary and a streaming standby of it, made from the local PostgreSQL binaries in
// a temporary folder, for the replica test: initdb, start, pg_basebackup -R, start the standby.
//
// The primary is a server of its own rather than the one DATABASE_URL names: a base backup
// copies a whole cluster (every other test's database and the benchmark's million complaints
// with it), and that server's pg_hba.conf need not accept replication connections (the one on
// this machine does not: "all" does not match them). A cluster made here, with trust on
// loopback, is small, quick and the same everywhere.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface StreamingPair {
  /** postgres://postgres@127.0.0.1:<port>/postgres on the primary. */
  readonly primaryUrl: string;
  /** The standby's URL: read-only, replaying the primary's WAL. */
  readonly replicaUrl: string;
  /** Resolves once the standby has replayed everything the primary has written so far. */
  waitForReplay(timeoutMs?: number): Promise<void>;
  /** Stops applying WAL on the standby (it still receives it), to hold it behind the primary. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops both servers and deletes their folders. */
  stop(): Promise<void>;
}

const TOOLS = ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'] as const;

/** The folder holding the PostgreSQL server binaries, or why there is none. */
export function findPostgresBinaries(): { dir: string } | { absent: string } {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(root, version, 'bin')));
  }
  for (const dir of (process.env.PATH ?? '').split(':').filter(Boolean)) candidates.push(dir);
  const dir = candidates.find((folder) => TOOLS.every((tool) => existsSync(join(folder, tool))));
  return dir
    ? { dir }
    : {
        absent: `no folder holds ${TOOLS.join(', ')} (looked in PG_BIN, ${root}/*/bin and PATH)`,
      };
}

/** Makes the two servers and waits until the standby accepts connections. */
export async function startStreamingPair(binDir: string): Promise<StreamingPair> {
  const owner = serverOwner();
  const base = await mkdtemp(join(tmpdir(), 'redress-replica-'));
  if (owner) await chown(base, owner.uid, owner.gid);
  const primaryDir = join(base, 'primary');
  const standbyDir = join(base, 'standby');
  const run = (tool: string, args: readonly string[]) =>
    runTool(join(binDir, tool), args, owner, base);
  const started: string[] = [];
  const stopAll = async (): Promise<void> => {
    for (const dir of started.reverse()) {
      await run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    started.length = 0;
    await rm(base, { recursive: true, force: true });
  };
  try {
    await run('initdb', [
      '-D',
      primaryDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    const primaryPort = await freePort();
    await startServer(run, primaryDir, primaryPort, base);
    started.push(primaryDir);
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
    await run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      standbyDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '--no-sync',
    ]);
    const standbyPort = await freePort();
    await startServer(run, standbyDir, standbyPort, base);
    started.push(standbyDir);
    const replicaUrl = `postgres://postgres@127.0.0.1:${standbyPort}/postgres`;
    await waitUntil(
      async () => (await queryOne(replicaUrl, 'SELECT pg_is_in_recovery() AS v')).v === true,
      30_000,
      'the standby to accept connections',
    );
    return {
      primaryUrl,
      replicaUrl,
      async waitForReplay(timeoutMs = 20_000) {
        // The insert position, not the write position: with synchronous_commit off a commit
        // returns while its record may still be in the primary's WAL buffers, past what
        // pg_current_wal_lsn() (written so far) says, so waiting for that could end too soon.
        const { lsn } = await queryOne(
          primaryUrl,
          'SELECT pg_current_wal_insert_lsn()::text AS lsn',
        );
        await waitUntil(
          async () =>
            (
              await queryOne(replicaUrl, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS v', [
                lsn,
              ])
            ).v === true,
          timeoutMs,
          `the standby to replay up to ${String(lsn)}`,
        );
      },
      async pauseReplay() {
        await queryOne(replicaUrl, 'SELECT pg_wal_replay_pause()::text AS v');
      },
      async resumeReplay() {
        await queryOne(replicaUrl, 'SELECT pg_wal_replay_resume()::text AS v');
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

type Run = (tool: string, args: readonly string[]) => Promise<string>;

async function startServer(run: Run, dir: string, port: number, socketDir: string): Promise<void> {
  // Durability is not what is tested: no fsync keeps the pair quick on a busy machine.
  const settings = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${socketDir}'`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c shared_buffers=32MB',
    '-c max_connections=40',
    '-c wal_level=replica',
    '-c max_wal_senders=4',
    '-c hot_standby=on',
  ].join(' ');
  await run('pg_ctl', ['-D', dir, '-l', `${dir}.log`, '-o', settings, '-w', '-t', '30', 'start']);
}

/** PostgreSQL refuses to run as root: as root, the servers run as the `postgres` user. */
function serverOwner(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const passwd = readUser('postgres');
  if (!passwd) {
    throw new Error(
      'Running as root, and there is no postgres user to run PostgreSQL as (it refuses root).',
    );
  }
  return passwd;
}

function readUser(name: string): { uid: number; gid: number } | null {
  try {
    // /etc/passwd: name:x:uid:gid:...
    const lines = readFileSync('/etc/passwd', 'utf8').split('\n');
    const line = lines.find((entry) => entry.startsWith(`${name}:`));
    if (!line) return null;
    const [, , uid, gid] = line.split(':');
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return null;
  }
}

function runTool(
  command: string,
  args: readonly string[],
  owner: { uid: number; gid: number } | null,
  cwd: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Only what the tools need: PG* variables of the caller must not redirect them.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C' },
      ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`));
    });
  });
}

async function queryOne(
  url: string,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const result = await client.query(sql, [...params]);
    return (result.rows[0] as Record<string, unknown> | undefined) ?? {};
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `Waited ${timeoutMs} ms for ${what}${last ? ` (last: ${(last as Error).message})` : ''}`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
