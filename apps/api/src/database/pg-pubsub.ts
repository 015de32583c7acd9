import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import type {
  ComplaintEventType,
  DeadlineKind,
  Instant,
  LocalDate,
  StageNumber,
} from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
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

export interface PubSubPayloads {
  COMPLAINT_EVENT: ComplaintEventPayload;
  DEADLINE_ALERT: DeadlineAlertPayload;
}

export type PubSubTopic = keyof PubSubPayloads;

/** Topic -> publish arguments, in the shape @graphql-yoga/subscription types its pubsub. */
type PublishArgs = { [T in PubSubTopic]: [PubSubPayloads[T]] };

/**
 * What type-graphql's `buildSchema({ pubSub })` takes, plus `notify` for the services: publish
 * inside a write's transaction so subscribers hear what committed and nothing that rolled back.
 */
export interface PgPubSub extends PubSub<PublishArgs> {
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

/**
 * An EventTarget whose events come from LISTEN. `dispatchEvent` (what the pubsub's `publish`
 * calls) sends a NOTIFY of its own, outside any transaction; the event reaches local listeners
 * when PostgreSQL delivers it back, exactly as it reaches every other API instance.
 */
class NotifyEventTarget extends EventTarget {
  constructor(private readonly send: (topic: PubSubTopic, payload: unknown) => void) {
    super();
  }

  override dispatchEvent(event: Event): boolean {
    if (isTopic(event.type) && event instanceof CustomEvent) {
      this.send(event.type, event.detail);
    }
    return true;
  }

  deliver(topic: PubSubTopic, payload: unknown): void {
    super.dispatchEvent(new CustomEvent(topic, { detail: payload }));
  }
}

function isTopic(value: string): value is PubSubTopic {
  return Object.hasOwn(CHANNELS, value);
}

export function createPgPubSub(
  dataSource: DataSource,
  listener: NotificationSource,
  log: (message: string, error?: unknown) => void = () => undefined,
): PgPubSub {
  const target = new NotifyEventTarget((topic, payload) => {
    dataSource
      .query('SELECT pg_notify($1, $2)', [CHANNELS[topic], encode(topic, payload)])
      .catch((error: unknown) => log(`Publishing ${topic} failed`, error));
  });

  const stops: Array<() => Promise<void>> = [];
  const ready = Promise.all(
    TOPICS.map(async (topic) => {
      stops.push(
        await listener.listen(CHANNELS[topic], (text) => {
          let payload: unknown;
          try {
            payload = JSON.parse(text);
          } catch (error) {
            log(`Ignored a ${topic} notification that is not JSON`, error);
            return;
          }
          target.deliver(topic, payload);
        }),
      );
    }),
  ).then(() => undefined);
  // A failure here is reported to whoever awaits `ready`; it must not crash the process first.
  ready.catch((error: unknown) => log('LISTEN failed', error));

  const pubsub = createPubSub<PublishArgs>({
    eventTarget: target,
  });

  return {
    publish: pubsub.publish,
    subscribe: pubsub.subscribe,
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
      await ready.catch(() => undefined);
      await Promise.all(stops.splice(0).map((stop) => stop().catch(() => undefined)));
    },
  };
}
