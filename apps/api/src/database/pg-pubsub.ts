import type {
  ComplaintEventType,
  DeadlineKind,
  Instant,
  LocalDate,
  StageNumber,
} from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { FanOut } from '../subscriptions/fan-out.js';
import type { NotificationSource } from './notification-source.js';

// The one pubsub of the API. Every payload is small, plain and serialisable: it travels as a
// PostgreSQL NOTIFY (8,000 bytes at most), so it carries ids and a few fields, never documents.

/** A complaint event that committed; read the event itself with `findEvent`. */
export interface ComplaintEventPayload {
  readonly complaintId: string;
  readonly version: number;
  readonly type: ComplaintEventType;
  /** The event's global position (a bigint, as text). */
  readonly position: string;
  /** When it happened. */
  readonly at: Instant;
}

export type DeadlineAlertLevel = 'due-soon' | 'due-today' | 'overdue';

export interface DeadlineAlertPayload {
  readonly complaintId: string;
  readonly reference: string;
  readonly stage: StageNumber;
  readonly kind: DeadlineKind;
  readonly alert: DeadlineAlertLevel;
  readonly dueOn: LocalDate;
}

/**
 * Credentials were revoked or changed (auth/session-cache.ts): every instance drops what it
 * kept of them.
 */
export interface AuthInvalidationPayload {
  readonly kind: 'session' | 'user' | 'api-key' | 'all';
  readonly id?: string;
}

export interface PubSubPayloads {
  COMPLAINT_EVENT: ComplaintEventPayload;
  DEADLINE_ALERT: DeadlineAlertPayload;
  AUTH_INVALIDATION: AuthInvalidationPayload;
}

export type PubSubTopic = keyof PubSubPayloads;

/**
 * What type-graphql's `buildSchema({ pubSub })` takes, plus `notify` for the services: publish
 * inside a write's transaction so subscribers hear what committed and nothing that rolled back.
 */
export interface PgPubSub {
  /** Sends a NOTIFY of its own, outside any transaction. */
  publish<T extends PubSubTopic>(topic: T, payload: PubSubPayloads[T]): void;
  /**
   * Every payload of the topic from now on, as it arrives from PostgreSQL. A subscriber that
   * falls far behind, or that may have missed payloads while LISTEN was cut off, is ended with
   * SubscriptionInterruptedError (fan-out.ts).
   */
  subscribe<T extends PubSubTopic>(topic: T): AsyncIterableIterator<PubSubPayloads[T]>;
  /**
   * Every payload of the topic, for an in-process consumer that only queues it and so keeps up
   * by construction (the complaint event feed); returns the function that stops it.
   */
  onPayload<T extends PubSubTopic>(
    topic: T,
    callback: (payload: PubSubPayloads[T]) => void,
  ): () => void;
  /** Called when LISTEN was cut off and came back: payloads sent in between were lost. */
  onGap(callback: () => void): () => void;
  notify<T extends PubSubTopic>(
    manager: EntityManager,
    topic: T,
    payloads: readonly PubSubPayloads[T][],
  ): Promise<void>;
  /**
   * The channel a topic travels on, for a write that NOTIFYs inside its own statement; its
   * payload must be the topic's, in JSON.
   */
  channelOf(topic: PubSubTopic): string;
  /** Resolves once LISTEN is in place on every topic. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

const CHANNELS: Readonly<Record<PubSubTopic, string>> = {
  COMPLAINT_EVENT: 'redress_complaint_event',
  DEADLINE_ALERT: 'redress_deadline_alert',
  AUTH_INVALIDATION: 'redress_auth_invalidation',
};

const TOPICS = Object.keys(CHANNELS) as PubSubTopic[];

/** PostgreSQL's limit on a NOTIFY payload is 8,000 bytes; stay clear of it. */
export const MAX_PAYLOAD_BYTES = 7_900;

function encode(topic: PubSubTopic, payload: unknown): string {
  const text = JSON.stringify(payload);
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) {
    throw new Error(
      `A ${topic} payload of ${Buffer.byteLength(text)} bytes is over NOTIFY's limit.`,
    );
  }
  return text;
}

function isTopic(value: string): value is PubSubTopic {
  return Object.hasOwn(CHANNELS, value);
}

export function createPgPubSub(
  dataSource: DataSource,
  listener: NotificationSource,
  log: (message: string, error?: unknown) => void = () => undefined,
): PgPubSub {
  const fanOuts = new Map<PubSubTopic, FanOut<unknown>>(TOPICS.map((t) => [t, new FanOut()]));
  const consumers = new Map<PubSubTopic, Set<(payload: unknown) => void>>(
    TOPICS.map((t) => [t, new Set()]),
  );
  const gapCallbacks = new Set<() => void>();

  const deliver = (topic: PubSubTopic, payload: unknown): void => {
    for (const consumer of consumers.get(topic) ?? []) {
      try {
        consumer(payload);
      } catch (error) {
        log(`A ${topic} consumer failed`, error);
      }
    }
    fanOuts.get(topic)?.publish(payload);
  };

  const stops: Array<() => Promise<void>> = [];
  // One LISTEN at a time: they share one client, and pg warns of queries issued while another
  // is in flight on it.
  const ready = (async () => {
    for (const topic of TOPICS) {
      stops.push(
        await listener.listen(CHANNELS[topic], (text) => {
          let payload: unknown;
          try {
            payload = JSON.parse(text);
          } catch (error) {
            log(`Ignored a ${topic} notification that is not JSON`, error);
            return;
          }
          deliver(topic, payload);
        }),
      );
    }
  })();
  // A failure here is reported to whoever awaits `ready`; it must not crash the process first.
  ready.catch((error: unknown) => log('LISTEN failed', error));

  // Payloads sent while LISTEN was down are gone: subscribers are told so, and resubscribe.
  const stopGapWatch = listener.onReconnect(() => {
    for (const fanOut of fanOuts.values()) fanOut.interruptAll();
    for (const callback of gapCallbacks) callback();
  });

  return {
    publish(topic, payload) {
      if (!isTopic(topic)) throw new Error(`Unknown topic ${String(topic)}`);
      dataSource
        .query('SELECT pg_notify($1, $2)', [CHANNELS[topic], encode(topic, payload)])
        .catch((error: unknown) => log(`Publishing ${topic} failed`, error));
    },
    subscribe<T extends PubSubTopic>(topic: T) {
      const fanOut = fanOuts.get(topic) as FanOut<PubSubPayloads[T]> | undefined;
      if (!fanOut) throw new Error(`Unknown topic ${String(topic)}`);
      return fanOut.subscribe();
    },
    onPayload<T extends PubSubTopic>(topic: T, callback: (payload: PubSubPayloads[T]) => void) {
      const set = consumers.get(topic);
      if (!set) throw new Error(`Unknown topic ${String(topic)}`);
      const consumer = callback as (payload: unknown) => void;
      set.add(consumer);
      return () => set.delete(consumer);
    },
    onGap(callback) {
      gapCallbacks.add(callback);
      return () => gapCallbacks.delete(callback);
    },
    ready,
    channelOf: (topic) => CHANNELS[topic],
    async notify(manager, topic, payloads) {
      if (payloads.length === 0) return;
      await manager.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
        CHANNELS[topic],
        payloads.map((payload) => encode(topic, payload)),
      ]);
    },
    async close() {
      stopGapWatch();
      for (const fanOut of fanOuts.values()) fanOut.close();
      await ready.catch(() => undefined);
      // One after the other: each UNLISTEN goes on the one LISTEN client, which takes one
      // query at a time.
      for (const stop of stops.splice(0)) await stop().catch(() => undefined);
    },
  };
}
