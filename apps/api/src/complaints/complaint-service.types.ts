// The shapes the complaint service takes and hands out.
import type {
  BankHolidaysData,
  ComplaintCommand,
  ComplaintState,
  Deadline,
  DeadlineStatus,
  LogComplaint,
} from '@redress/domain';
import type { Principal } from '../auth/principal.js';
import type { Clock } from '../clock.js';
import type { PgPubSub } from '../database/pg-pubsub.js';
import type { IdempotencyKeys } from '../idempotency/idempotency-keys.js';
import type { BoundedCount } from '../shared/connection.js';
import type { ComplaintSummary } from './complaint-query.types.js';
import type { StoredNextDeadline } from './deadline-read-model.js';

/** A case as the application hands it out: the read model's summary and the domain state. */
export interface ComplaintRecord {
  readonly summary: ComplaintSummary;
  readonly state: ComplaintState;
}

/** A case in a page: its state only when the page was asked for it (`withState`). */
export interface ListedComplaint {
  readonly summary: ComplaintSummary;
  readonly state: ComplaintState | null;
  /** Its next deadline from the read model: a list page shows it without the state. */
  readonly nextDeadline: StoredNextDeadline | null;
}

/** The log command without what the service assigns (id, reference). */
export type LogComplaintInput = Omit<LogComplaint, 'type' | 'complaintId' | 'reference'>;

/** Every lifecycle step after logging. */
export type ComplaintStepCommand = Exclude<ComplaintCommand, LogComplaint>;

export interface WriteOptions {
  /** Who asks: the step is refused unless they may take it on a case they may see. */
  readonly by: Principal;
  /** When it happened (ISO 8601 with offset); default now. */
  readonly at?: string;
  /** The version the caller last saw; a different current version is a conflict. */
  readonly expectedVersion?: number;
}

/** One of several steps that stand or fall together (`executeTogether`). */
export interface JointStep {
  readonly id: string;
  /** The version of this case the caller last saw. */
  readonly expectedVersion?: number;
  /** The step, made from the cases as read (locked), each after the steps before it. */
  command(states: ReadonlyMap<string, ComplaintState>): ComplaintStepCommand;
}

export interface LogOptions {
  /** Who logs it: recorded on the event, and what a partner key may later read. */
  readonly by: Principal;
  readonly at?: string;
  /** The policy the case is handled under; default the Code. */
  readonly policyId?: string;
  /** Chosen by the caller when it must know the id first (demo data, imports). */
  readonly complaintId?: string;
  /** Names the write so that a retry of it answers the first complaint (idempotency/). */
  readonly idempotencyKey?: string;
}

export interface PageOptions {
  readonly first: number;
  /** A cursor from a previous page (`endCursor`). */
  readonly after?: string;
  readonly offset?: number;
  /**
   * Read each case's state too, for what the summary does not hold (deadlines, stages, actions,
   * contact details). A list screen that shows the summary alone reads less without it.
   */
  readonly withState?: boolean;
}

export interface ComplaintPage {
  readonly nodes: ListedComplaint[];
  /** One per node, in order: the cursor to continue after it. */
  readonly cursors: string[];
  /** How many match, at most COUNT_BOUND: a statement of its own, sent only when called. */
  count(): Promise<BoundedCount>;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export type DeadlineWithStatus = Deadline & DeadlineStatus;

export interface ComplaintServiceOptions {
  readonly clock: Clock;
  readonly pubsub: PgPubSub;
  /** A newer bank-holidays.json than the shipped one. */
  readonly holidays?: BankHolidaysData;
  /** How many events a subscriber may have waiting before it is ended (default 1,000). */
  readonly maxSubscriberBacklog?: number;
  readonly log?: (message: string, error?: unknown) => void;
  readonly idempotency: IdempotencyKeys;
}
