// The fan-out benchmark (started by run.ts): how long after a write answers the last of its
// subscribers hears of it, at 100, 1,000 and 5,000 subscribers, each socket authenticated, with
// a mix of scopes. On PGlite in this process, as the first figures were measured; the API (the
// real server), the writer and the subscribers share the process and its event loop.
//
// Each size runs twice on one database and one set of services: a server that executes the
// subscription document once per socket (graphql-ws's own way, `shareSubscriptionExecution:
// false`) and one that executes it once per document and audience (the default). Writes are one
// at a time: a partner key logs a complaint, and the time from its HTTP answer to the last
// delivery among the sockets whose scope admits it is one sample. At the end every socket's
// events are checked against its scope: none missing, none it may not hear.
import { performance } from 'node:perf_hooks';
import { scopeAdmits, type ApiKeyScope, type ComplaintScope, type Role } from '@redress/domain';
import { pino } from 'pino';
import WebSocket from 'ws';
import { complaintScopeOf, systemPrincipal, type Principal } from '../auth/principal.js';
import { systemClock } from '../clock.js';
import { createDataSource } from '../database/data-source.js';
import { createPgPubSub } from '../database/pg-pubsub.js';
import { createServer, type RedressServer } from '../server.js';
import { createServices, type Services } from '../services.js';
import { httpClient, percentile } from './load.js';

const SIZES: readonly number[] = (process.env.REDRESS_FAN_OUT_SIZES ?? '100,1000,5000')
  .split(',')
  .map(Number);
const SAMPLES = 30;
const WARMUP_WRITES = 5;
const GOAL_MS = 100;
// Few at a time: each is authenticated (a lookup on PGlite's one session) within graphql-ws's
// 3 s for connection_init.
const CONNECT_IN_FLIGHT = 20;
const PASSWORD = 'a long benchmark password nobody would guess';

// Two documents, as a console and a partner's integration would send.
const DOCUMENTS = [
  `subscription { complaintEvents { complaintId version type at } }`,
  `subscription { complaintEvents { complaintId version type actor { kind id } } }`,
] as const;

interface Caller {
  readonly label: string;
  readonly authorization: string;
  readonly scope: ComplaintScope;
  /** A partner key's id, for the writes it makes. */
  readonly keyId?: string;
}

interface Socket {
  readonly caller: Caller;
  /** complaint id -> when its complaint-logged event arrived. */
  readonly heard: Map<string, number>;
  readonly ws: WebSocket;
}

interface Written {
  readonly id: string;
  /** Where the case sits: logged by a key, unassigned. */
  readonly loggedBy: string;
}

/**
 * When the server last handed a `next` frame naming each complaint to a socket (its `send`
 * returned: framed and written to the kernel, or queued in the socket's buffer). The API's
 * sockets and the subscribers' are one `ws` class in this process; only the server's are
 * `_isServer`. Measures the server's part apart from the subscribers' parsing, which runs on
 * the same event loop.
 */
const serverSent = new Map<string, number>();
const COMPLAINT_ID = /"complaintId":"([^"]+)"/;

function watchServerSends(): () => void {
  const prototype = WebSocket.prototype as unknown as {
    send: (this: { _isServer?: boolean }, data: unknown, ...rest: unknown[]) => void;
  };
  const original = prototype.send;
  prototype.send = function send(data, ...rest) {
    original.call(this, data, ...rest);
    if (this._isServer && typeof data === 'string' && data.includes('complaint-logged')) {
      const id = COMPLAINT_ID.exec(data)?.[1];
      if (id) serverSent.set(id, performance.now());
    }
  };
  return () => {
    prototype.send = original;
  };
}

export async function fanOutBenchmark(): Promise<void> {
  const unwatch = watchServerSends();
  const database = await createDataSource({ inMemory: true });
  const pubsub = createPgPubSub(database.dataSource, database.listener);
  await pubsub.ready;
  const services = createServices(database.dataSource, { clock: systemClock, pubsub });
  await services.policies.ensurePresets();
  const servers: RedressServer[] = [];
  const client = httpClient(4);
  try {
    const callers = await makeCallers(services);
    const writers = callers.filter((caller) => caller.keyId !== undefined);
    const distinctScopes = new Set(callers.map((caller) => JSON.stringify(caller.scope))).size;
    console.log(
      `(c) complaintEvents fan-out on PGlite, in this process: ${callers.length} callers (${distinctScopes} distinct scopes: ` +
        `${callers.map((c) => c.label).join(', ')}), ${DOCUMENTS.length} documents; subscribers spread over them in turn. ` +
        `${SAMPLES} writes per size, one at a time, each logged by one of ${writers.length} partner keys.`,
    );
    console.log(
      '    subscribers   per socket p50 / p99 ms   |   per document and audience p50 / p99 ms   executions per write',
    );
    console.log(
      '                  (each: answer → the last subscriber parsed it; in brackets, request → the server wrote its last frame)',
    );

    for (const size of SIZES) {
      const figures: string[] = [];
      for (const share of [false, true]) {
        const server = createServer({
          services,
          pubsub,
          clock: systemClock,
          dataSource: database.dataSource,
          logger: pino({ level: 'error' }),
          shareSubscriptionExecution: share,
        });
        await server.start(0, '127.0.0.1');
        // Writes can be seconds apart while 5,000 sockets connect: past Node's 5 s the server
        // closes the idle keep-alive connection as the client reuses it (ECONNRESET).
        server.httpServer.keepAliveTimeout = 120_000;
        servers.push(server);
        const url = server.url.replace('localhost', '127.0.0.1');
        const sockets = await connectAll(url.replace(/^http/, 'ws'), callers, size);
        const written: Written[] = [];
        const write = async (n: number) => {
          const writer = writers[n % writers.length];
          if (!writer?.keyId) throw new Error('No partner key to write with');
          const started = performance.now();
          const id = await logComplaint(client, url, writer.authorization);
          const answered = performance.now();
          written.push({ id, loggedBy: writer.keyId });
          const expected = sockets.filter((socket) => admits(socket.caller, writer.keyId ?? ''));
          const last = await lastDelivery(expected, id);
          const sent = serverSent.get(id) ?? Number.NaN;
          serverSent.delete(id);
          // From the request: the commit comes before the answer, and the frames are often all
          // written before this process reads the answer, so this is an upper bound on commit →
          // last frame written.
          return { latency: last - answered, sent: sent - started, write: answered - started };
        };
        // A subscription is live a moment after its `subscribe` is sent: write until every
        // socket has heard, then start counting.
        for (let n = 0; ; n += 1) {
          const id = await logComplaint(client, url, writers[0]?.authorization ?? '');
          await new Promise((resolve) => setTimeout(resolve, 20));
          const admitted = sockets.filter((socket) =>
            admits(socket.caller, writers[0]?.keyId ?? ''),
          );
          if (admitted.every((socket) => socket.heard.has(id))) break;
          if (n > 200) throw new Error('The subscribers never all became live');
        }
        for (let n = 0; n < WARMUP_WRITES; n += 1) await write(n);
        for (const socket of sockets) socket.heard.clear();
        written.length = 0;
        const latencies: number[] = [];
        const sends: number[] = [];
        for (let n = 0; n < SAMPLES; n += 1) {
          const sample = await write(n);
          latencies.push(sample.latency);
          sends.push(sample.sent);
        }
        check(sockets, written);
        const sorted = latencies.sort((a, b) => a - b);
        const sortedSends = sends.sort((a, b) => a - b);
        const p99 = percentile(sorted, 0.99);
        figures.push(
          `${percentile(sorted, 0.5).toFixed(0).padStart(6)} / ${p99.toFixed(0).padStart(5)} ` +
            `(${percentile(sortedSends, 0.5).toFixed(0)} / ${percentile(sortedSends, 0.99).toFixed(0)})` +
            `${share && p99 > GOAL_MS ? ' over goal' : ''}`,
        );
        await Promise.all(sockets.map((socket) => closeSocket(socket.ws)));
        await server.stop();
        servers.pop();
      }
      const executions = executionsPerWrite(callers, size);
      console.log(
        `    ${String(size).padStart(11)}   ${figures[0]?.padEnd(25)}   |   ${figures[1]?.padEnd(40)}   ${executions.shared} (was ${executions.perSocket})`,
      );
    }
    console.log(
      `    goal: the last subscriber of 5,000 hears a write at most ${GOAL_MS} ms (p99) after it answers.\n`,
    );
  } finally {
    unwatch();
    client.close();
    for (const server of servers) await server.stop().catch(() => undefined);
    await pubsub.close();
    await database.close();
  }
}

/** Staff of several roles and teams, and partner keys: 13 callers, 11 distinct scopes. */
async function makeCallers(services: Services): Promise<Caller[]> {
  const setup = systemPrincipal('bench');
  const north = await services.users.createTeamUnchecked(setup, 'North');
  const south = await services.users.createTeamUnchecked(setup, 'South');
  const staff: [string, Role, string[]][] = [
    ['manager 1', 'MANAGER', []],
    ['manager 2', 'MANAGER', []],
    ['analyst', 'ANALYST', []],
    ['handler N1', 'HANDLER', [north.id]],
    ['handler N2', 'HANDLER', [north.id]],
    ['handler N3', 'HANDLER', [north.id]],
    ['handler S1', 'HANDLER', [south.id]],
    ['handler S2', 'HANDLER', [south.id]],
    ['handler S3', 'HANDLER', [south.id]],
    ['handler NS', 'HANDLER', [north.id, south.id]],
  ];
  const callers: Caller[] = [];
  for (const [label, role, teamIds] of staff) {
    const email = `${label.replace(/\s/g, '.')}@bench.redress.invalid`;
    await services.users.createUnchecked(setup, {
      email,
      name: label,
      role,
      password: PASSWORD,
      teamIds,
    });
    const signedIn = await services.auth.signIn(email, PASSWORD, {
      address: '127.0.0.1',
      userAgent: 'bench',
    });
    callers.push(await callerOf(services, label, `Bearer ${signedIn.accessToken}`));
  }
  const scopes: ApiKeyScope[] = ['complaints:read', 'complaints:write', 'events:subscribe'];
  for (let n = 1; n <= 3; n += 1) {
    const { secret } = await services.apiKeys.createUnchecked(setup, {
      name: `partner ${n}`,
      scopes,
    });
    callers.push(await callerOf(services, `partner key ${n}`, `Bearer ${secret}`));
  }
  return callers;
}

async function callerOf(services: Services, label: string, authorization: string) {
  const principal: Principal = await services.auth.authenticate(authorization);
  return {
    label,
    authorization,
    scope: complaintScopeOf(principal),
    ...(principal.kind === 'api-key' ? { keyId: principal.id } : {}),
  };
}

/** A case logged by a partner key and left unassigned: who may hear of it. */
function admits(caller: Caller, loggedBy: string): boolean {
  return scopeAdmits(caller.scope, { assigneeId: null, teamId: null, loggedByApiKeyId: loggedBy });
}

/** How many times a write's event is executed: once per admitted socket, or per group. */
function executionsPerWrite(callers: readonly Caller[], size: number) {
  const writer = callers.find((caller) => caller.keyId !== undefined)?.keyId ?? '';
  let perSocket = 0;
  const groups = new Set<string>();
  for (let n = 0; n < size; n += 1) {
    const caller = callers[n % callers.length];
    if (!caller || !admits(caller, writer)) continue;
    perSocket += 1;
    // Managers share a scope and permissions; everyone else is an audience of their own.
    const audience = caller.label.startsWith('manager') ? 'manager' : caller.label;
    groups.add(`${audience}|${n % DOCUMENTS.length}`);
  }
  return { perSocket, shared: groups.size };
}

async function connectAll(wsUrl: string, callers: readonly Caller[], size: number) {
  const sockets: Socket[] = [];
  for (let start = 0; start < size; start += CONNECT_IN_FLIGHT) {
    const batch: Promise<Socket>[] = [];
    for (let n = start; n < Math.min(size, start + CONNECT_IN_FLIGHT); n += 1) {
      const caller = callers[n % callers.length];
      if (!caller) throw new Error('No caller');
      batch.push(connect(wsUrl, caller, DOCUMENTS[n % DOCUMENTS.length] ?? DOCUMENTS[0]));
    }
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

/** A bare graphql-transport-ws client: the least a subscriber can cost this process. */
function connect(wsUrl: string, caller: Caller, query: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
    const socket: Socket = { caller, heard: new Map(), ws };
    ws.on('open', () =>
      ws.send(
        JSON.stringify({
          type: 'connection_init',
          payload: { authorization: caller.authorization },
        }),
      ),
    );
    ws.on('message', (data) => {
      const at = performance.now();
      const message = JSON.parse(String(data)) as {
        type: string;
        payload?: { data?: { complaintEvents?: { complaintId: string; type: string } } };
      };
      if (message.type === 'connection_ack') {
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
        resolve(socket);
      } else if (message.type === 'next') {
        const event = message.payload?.data?.complaintEvents;
        if (event?.type === 'complaint-logged') socket.heard.set(event.complaintId, at);
      } else if (message.type === 'error') {
        reject(new Error(`${caller.label}: ${String(data)}`));
      }
    });
    ws.on('close', (code) => reject(new Error(`${caller.label}: closed with ${code}`)));
    ws.on('error', reject);
  });
}

function closeSocket(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    ws.removeAllListeners('close');
    ws.once('close', () => resolve());
    ws.close();
  });
}

async function logComplaint(
  client: ReturnType<typeof httpClient>,
  url: string,
  authorization: string,
): Promise<string> {
  const answer = await client.post(
    url,
    JSON.stringify({
      query: `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) { id } }`,
      variables: {
        input: {
          receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
          channel: 'EMAIL',
          complainant: { name: 'Jordan Ellis', type: 'TENANT' },
          summary: 'Damp and mould in the back bedroom are still there after three visits.',
          desiredOutcome: 'Fix the damp for good.',
          category: 'repairs',
          tenure: 'LCRA',
        },
      },
    }),
    { authorization },
  );
  const parsed = JSON.parse(answer.body) as { data?: { logComplaint?: { id: string } } };
  const id = parsed.data?.logComplaint?.id;
  if (answer.status !== 200 || !id) throw new Error(`logComplaint failed: ${answer.body}`);
  return id;
}

/** When the last of `sockets` heard of the complaint (performance.now()). */
async function lastDelivery(sockets: readonly Socket[], id: string): Promise<number> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    let last = 0;
    let waiting = 0;
    for (const socket of sockets) {
      const at = socket.heard.get(id);
      if (at === undefined) waiting += 1;
      else if (at > last) last = at;
    }
    if (waiting === 0) return last;
    if (performance.now() > deadline) {
      throw new Error(`${waiting} of ${sockets.length} subscribers never heard ${id}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Every socket heard exactly the writes its scope admits, after its first. */
function check(sockets: readonly Socket[], written: readonly Written[]): void {
  for (const socket of sockets) {
    for (const write of written) {
      const heard = socket.heard.has(write.id);
      if (heard !== admits(socket.caller, write.loggedBy)) {
        throw new Error(
          `${socket.caller.label} ${heard ? 'heard' : 'missed'} a complaint logged by key ${write.loggedBy}`,
        );
      }
    }
  }
}
