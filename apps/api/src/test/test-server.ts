// The API as the integration tests meet it: the real server on a real port, over the test
// database (PGlite in memory, or a fresh PostgreSQL database when DATABASE_URL is set).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { fixedClock, systemClock, type Clock, type FixedClock } from '../clock.js';
import { clearDefaultHeaders, gqlData, setDefaultHeaders } from './graphql-client.js';
import { signInNewUser, type SignedInUser } from './test-principals.js';
import { createServices, type Services } from '../services.js';
import { FilesystemAttachmentStorage } from '../attachments/attachment-storage.js';
import type { OidcSettings } from '../auth/oidc-settings.js';
import { createServer } from '../server.js';
import { DeadlineWatcher } from '../deadlines/deadline-watcher.js';
import { createPgPubSub, type PgPubSub } from '../database/pg-pubsub.js';
import { createTestDatabase } from './test-database.js';
import type { RateLimitSettings } from '../limits/rate-limit-settings.js';
import type { MailSettings } from '../mail/mail-settings.js';

export interface TestServer {
  /** http://127.0.0.1:<port>/graphql */
  readonly url: string;
  /** ws://127.0.0.1:<port>/graphql */
  readonly wsUrl: string;
  /** The server's root, for /health. */
  readonly baseUrl: string;
  readonly services: Services;
  readonly dataSource: DataSource;
  readonly pubsub: PgPubSub;
  /** The clock every part of this server reads: move it to put "today" where a test needs it. */
  readonly clock: FixedClock;
  /** The deadline watcher, not started: a test calls `runOnce()` when it wants alerts. */
  readonly watcher: DeadlineWatcher;
  /**
   * The admin every request of `gql(url, …)` and `connectSubscriptions(wsUrl)` is signed in as
   * unless it sends its own `authorization`.
   */
  readonly admin: SignedInUser;
  /** The temporary folder attachments' bytes are kept in, removed on stop. */
  readonly attachmentsDir: string;
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Where "now" starts; defaults to the real present. */
  readonly now?: Date | string;
  /** How many events a subscriber may have waiting before it is ended (default 1,000). */
  readonly maxSubscriberBacklog?: number;
  /** The clock sessions and tokens run on (default the real one, whatever `now` says). */
  readonly authClock?: Clock;
  /** An identity provider to sign in through (the OIDC tests start one). */
  readonly oidc?: OidcSettings;
  /** Rate limits on (none by default: tests send requests by the hundred). */
  readonly rateLimits?: RateLimitSettings;
  /** How often open sockets' credentials are checked again (default the server's 30 s). */
  readonly recheckCredentialsMs?: number;
  /** An SMTP server to email letters through (the letter tests start one). */
  readonly mail?: MailSettings;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const clock = fixedClock(options.now ?? new Date());
  const database = await createTestDatabase();
  const pubsub = createPgPubSub(database.dataSource, database.listener);
  await pubsub.ready;
  const attachmentsDir = await mkdtemp(join(tmpdir(), 'redress-test-attachments-'));
  const services = createServices(database.dataSource, {
    clock,
    attachmentStorage: new FilesystemAttachmentStorage(attachmentsDir),
    authClock: options.authClock ?? systemClock,
    pubsub,
    ...(options.maxSubscriberBacklog !== undefined
      ? { maxSubscriberBacklog: options.maxSubscriberBacklog }
      : {}),
    ...(options.oidc ? { oidc: options.oidc } : {}),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.mail ? { mail: options.mail } : {}),
  });
  const watcher = new DeadlineWatcher(services, {
    clock,
    pubsub,
    instanceId: 'test',
  });
  const server = createServer({
    services,
    pubsub,
    clock,
    dataSource: database.dataSource,
    // TEST_LOG_LEVEL=error shows what the server logged, to debug a test.
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...(options.recheckCredentialsMs !== undefined
      ? { recheckCredentialsMs: options.recheckCredentialsMs }
      : {}),
  });
  await server.start(0, '127.0.0.1');
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') {
    throw new Error(`The test server is not listening on a TCP port: ${String(address)}`);
  }
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const admin = await signInNewUser(services, 'ADMIN', { name: 'Test Admin' });
  setDefaultHeaders(`${baseUrl}/graphql`, admin.headers);
  setDefaultHeaders(`ws://127.0.0.1:${address.port}/graphql`, admin.connectionParams);
  return {
    admin,
    url: `${baseUrl}/graphql`,
    wsUrl: `ws://127.0.0.1:${address.port}/graphql`,
    baseUrl,
    services,
    dataSource: database.dataSource,
    pubsub,
    clock,
    watcher,
    attachmentsDir,
    async stop() {
      clearDefaultHeaders(`${baseUrl}/graphql`);
      clearDefaultHeaders(`ws://127.0.0.1:${address.port}/graphql`);
      await watcher.stop();
      await services.letterSender.stop();
      await server.stop();
      await pubsub.close();
      await database.close();
      await rm(attachmentsDir, { recursive: true, force: true });
    },
  };
}

/** The API's built entry point: this file sits in src/test (or dist/test), two levels below. */
export const API_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface ApiProcess {
  readonly url: string;
  readonly wsUrl: string;
  readonly baseUrl: string;
  readonly pid: number;
  /** What the process wrote, for a failure message. */
  output(): string;
  /**
   * The first admin's `authorization`, signed in once the process was healthy: the default of
   * every `gql(url, …)` and `connectSubscriptions(wsUrl)` to this process.
   */
  readonly adminHeaders: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

/** The first admin every spawned process is given (REDRESS_ADMIN_EMAIL / _PASSWORD). */
export const SPAWNED_ADMIN = {
  email: 'admin@spawned.redress.localhost',
  password: 'the spawned test passphrase, long enough',
} as const;

export interface SpawnApiOptions {
  readonly databaseUrl: string;
  readonly port: number;
  readonly env?: Readonly<Record<string, string>>;
  /** How long to wait for GET /health to answer 200. */
  readonly readyTimeoutMs?: number;
}

/**
 * Starts `node dist/main.js` as its own process group, and waits until it is healthy. `stop()`
 * sends SIGTERM to the whole group, then SIGKILL if it has not gone after five seconds.
 */
export async function spawnApiProcess(options: SpawnApiOptions): Promise<ApiProcess> {
  const { databaseUrl, port, env = {}, readyTimeoutMs = 60_000 } = options;
  const child = spawn(process.execPath, [API_MAIN], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDRESS_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      REDRESS_ADMIN_EMAIL: SPAWNED_ADMIN.email,
      REDRESS_ADMIN_PASSWORD: SPAWNED_ADMIN.password,
      ...env,
    },
  });
  const chunks: string[] = [];
  const keep = (chunk: Buffer): void => {
    chunks.push(chunk.toString('utf8'));
    // Keep the tail: enough to explain a failure without holding a long log.
    if (chunks.length > 400) chunks.splice(0, chunks.length - 400);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${API_MAIN}`);

  const baseUrl = `http://127.0.0.1:${port}`;
  const url = `${baseUrl}/graphql`;
  const wsUrl = `ws://127.0.0.1:${port}/graphql`;
  const adminHeaders: Record<string, string> = {};
  const api: ApiProcess = {
    url,
    wsUrl,
    baseUrl,
    pid,
    output: () => chunks.join(''),
    adminHeaders,
    stop: async () => {
      clearDefaultHeaders(url);
      clearDefaultHeaders(wsUrl);
      await stopProcessGroup(child);
    },
  };
  try {
    await waitUntilHealthy(baseUrl, child, readyTimeoutMs);
    const email = env.REDRESS_ADMIN_EMAIL ?? SPAWNED_ADMIN.email;
    const password = env.REDRESS_ADMIN_PASSWORD ?? SPAWNED_ADMIN.password;
    const signedIn = await gqlData<{ signIn: { accessToken: string } }>(
      url,
      'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken } }',
      { email, password },
      { authorization: '' },
    );
    adminHeaders.authorization = `Bearer ${signedIn.signIn.accessToken}`;
    setDefaultHeaders(url, adminHeaders);
    setDefaultHeaders(wsUrl, adminHeaders);
  } catch (error) {
    await api.stop();
    throw new Error(`${(error as Error).message}\n--- output of ${API_MAIN} ---\n${api.output()}`, {
      cause: error,
    });
  }
  return api;
}

async function waitUntilHealthy(
  baseUrl: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The API process exited (${child.exitCode ?? child.signalCode}) before it was healthy`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`GET ${baseUrl}/health did not answer 200 within ${timeoutMs} ms`);
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  signalGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child.pid ?? 0, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    // A negative pid is the process group: the API and anything it started.
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
