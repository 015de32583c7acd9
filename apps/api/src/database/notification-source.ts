import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { PGliteSessionGate } from './pglite-pool.js';

/** Where NOTIFY payloads arrive: a LISTEN session on PostgreSQL, or PGlite's own session. */
export interface NotificationSource {
  /** Starts listening on `channel`; the returned function stops this one callback. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Called after the source was cut off and came back: notifications in between were lost. */
  onReconnect(callback: () => void): () => void;
  close(): Promise<void>;
}

/** The longest wait between attempts to reconnect the LISTEN connection. */
const MAX_RECONNECT_DELAY_MS = 1_000;

type Listeners = Map<string, Set<(payload: string) => void>>;

function addListener(listeners: Listeners, channel: string, onPayload: (payload: string) => void) {
  let set = listeners.get(channel);
  const isNew = !set;
  if (!set) {
    set = new Set();
    listeners.set(channel, set);
  }
  set.add(onPayload);
  return isNew;
}

// Channels are ours (lower-case identifiers), never user input; quoting still keeps LISTEN safe.
function quoteChannel(channel: string): string {
  return `"${channel.replaceAll('"', '""')}"`;
}

/**
 * LISTEN on one dedicated client, not a pooled one: a pooled connection goes back to the pool and
 * its LISTENs with it. When the connection drops, it reconnects with backoff and listens again.
 */
export async function createPgNotificationSource(
  config: pg.ClientConfig,
  log: (message: string, error?: unknown) => void = () => undefined,
): Promise<NotificationSource> {
  const listeners: Listeners = new Map();
  const reconnectCallbacks = new Set<() => void>();
  let client: pg.Client | null = null;
  let closed = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let attempt = 0;

  const connect = async (): Promise<void> => {
    const next = new pg.Client(config);
    next.on('notification', (message) => {
      const set = listeners.get(message.channel);
      if (!set || message.payload === undefined) return;
      for (const callback of set) callback(message.payload);
    });
    const lost = (error?: unknown) => {
      if (client !== next) return;
      client = null;
      log('The LISTEN connection was lost; reconnecting.', error);
      next.removeAllListeners('notification');
      next.end().catch(() => undefined);
      scheduleReconnect();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    await next.connect();
    for (const channel of listeners.keys()) {
      await next.query(`LISTEN ${quoteChannel(channel)}`);
    }
    client = next;
  };

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    // At most a second apart: the moment the server is back, subscribers hear events again
    // within a second, not after a long backoff (one connection attempt a second costs nothing).
    const delay = Math.min(MAX_RECONNECT_DELAY_MS, 100 * 2 ** attempt);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().then(
        () => {
          attempt = 0;
          for (const callback of reconnectCallbacks) callback();
        },
        (error: unknown) => {
          log('Reconnecting the LISTEN connection failed; trying again.', error);
          scheduleReconnect();
        },
      );
    }, delay);
    retryTimer.unref();
  };

  await connect();

  return {
    async listen(channel, onPayload) {
      if (addListener(listeners, channel, onPayload) && client) {
        await client.query(`LISTEN ${quoteChannel(channel)}`);
      }
      return async () => {
        const set = listeners.get(channel);
        set?.delete(onPayload);
        if (set && set.size === 0) {
          listeners.delete(channel);
          await client?.query(`UNLISTEN ${quoteChannel(channel)}`).catch(() => undefined);
        }
      };
    },
    onReconnect(callback) {
      reconnectCallbacks.add(callback);
      return () => reconnectCallbacks.delete(callback);
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = null;
      listeners.clear();
      await current?.end().catch(() => undefined);
    },
  };
}

/**
 * PGlite's single session delivers NOTIFY to its own LISTENs. LISTEN goes through the session
 * gate so it never lands inside another caller's open transaction (where a rollback would undo
 * it).
 */
export function createPGliteNotificationSource(
  db: PGlite,
  gate: PGliteSessionGate,
): NotificationSource {
  const listeners: Listeners = new Map();
  const stops = new Map<string, (tx?: never) => Promise<void>>();
  let closed = false;

  return {
    async listen(channel, onPayload) {
      if (addListener(listeners, channel, onPayload)) {
        const stop = await gate.exclusive(() =>
          db.listen(channel, (payload) => {
            const set = listeners.get(channel);
            if (!set) return;
            for (const callback of set) callback(payload);
          }),
        );
        stops.set(channel, stop);
      }
      return async () => {
        const set = listeners.get(channel);
        set?.delete(onPayload);
        if (set && set.size === 0 && !closed) {
          listeners.delete(channel);
          const stop = stops.get(channel);
          stops.delete(channel);
          if (stop && !db.closed) await gate.exclusive(() => stop()).catch(() => undefined);
        }
      };
    },
    onReconnect() {
      // One in-process session: it cannot be cut off.
      return () => undefined;
    },
    async close() {
      closed = true;
      listeners.clear();
      stops.clear();
    },
  };
}
