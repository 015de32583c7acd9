import type {
  ComplaintScope,
  ComplaintState,
  ComplaintStatus,
  LocalDate,
  Policy,
  Tenure,
} from '@redress/domain';
import type { PageCursor } from '../shared/cursor.js';
import type { StoredNextDeadline } from './deadline-read-model.js';

/**
 * What the read model's columns say of a case: enough for a list screen, without the snapshot.
 * Written from the state by `summaryOf`, so a summary read back equals the state's own.
 */
export interface ComplaintSummary extends Pick<
  ComplaintState,
  | 'id'
  | 'reference'
  | 'version'
  | 'status'
  | 'stage'
  | 'receivedAt'
  | 'channel'
  | 'summary'
  | 'category'
  | 'tenure'
  | 'serviceRequestId'
  | 'closedAt'
  | 'closeReason'
  | 'withdrawnReason'
> {
  /** The day of receipt in Europe/London. */
  readonly receivedOn: LocalDate;
  /** The handler of the current stage. */
  readonly assignee: string | null;
  /** The handler of the current stage as a user. */
  readonly assigneeId: string | null;
  /** The team holding the current stage. */
  readonly teamId: string | null;
  /** The partner key that logged it. */
  readonly loggedByApiKeyId: string | null;
  readonly complainantName: string;
  readonly vulnerable: boolean;
  /** When the row last changed. */
  readonly updatedAt: Date;
}

/** A case as read: its summary from the columns and its state from the snapshot. */
export interface ComplaintRow {
  readonly summary: ComplaintSummary;
  readonly state: ComplaintState;
}

/** A case in a page: the snapshot is read only when the caller asks for it. */
export interface ComplaintPageRow {
  readonly summary: ComplaintSummary;
  readonly state: ComplaintState | null;
  readonly cursor: PageCursor;
  /** Its next deadline from the read model (null when nothing is due). */
  readonly nextDeadline: StoredNextDeadline | null;
}

export interface ComplaintFilter {
  /** Who is asking: only the cases they may see. Set by the service, never by a caller. */
  readonly scope?: ComplaintScope;
  /** Only these cases (react-admin's getMany). */
  readonly ids?: readonly string[];
  readonly status?: readonly ComplaintStatus[];
  readonly stage?: 1 | 2;
  /** An unmet deadline due before today (London). */
  readonly overdue?: boolean;
  /** The next unmet deadline falls before this day. */
  readonly dueBefore?: LocalDate;
  readonly category?: string;
  readonly assignee?: string;
  /** The handler as a user. */
  readonly assigneeId?: string;
  readonly tenure?: Tenure;
  /** Words to find in the reference, the complainant's name or the summary (prefixes match). */
  readonly text?: string;
  /** Received on or after this day. */
  readonly receivedFrom?: LocalDate;
  /** Received on or before this day. */
  readonly receivedTo?: LocalDate;
}

export type ComplaintOrderField = 'receivedAt' | 'nextDueOn' | 'reference' | 'updatedAt';

export interface ComplaintOrder {
  readonly field: ComplaintOrderField;
  readonly direction: 'asc' | 'desc';
}

export interface PageRequest {
  readonly limit: number;
  readonly offset: number;
  readonly after?: PageCursor;
  /** Read each case's snapshot too (a field the columns do not hold was asked for). */
  readonly withState: boolean;
}

export interface PageRows {
  readonly rows: ComplaintPageRow[];
}

/** A case read for a write, with the current version of its policy. */
export interface ComplaintForWrite extends ComplaintRow {
  readonly currentPolicy: Policy | null;
}
