import {
  joinPersonal,
  type Actor,
  type ComplaintEvent,
  type ComplaintEventType,
  type ComplaintPlacement,
  type PersonalPart,
  type Policy,
} from '@redress/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../shared/uuid.js';
import type { PolicyVersionCache } from '../policies/policy-version.repository.js';
import { runNamed } from '../database/named-statement.js';

// The event store of complaints: the events as appended (by the write repository, in the same
// statement as the read model), read back by case, by key and in bulk; where each case sits;
// and the reference numbers.

/** A stored event, as the API serves it. */
export interface StoredEvent {
  readonly complaintId: string;
  readonly version: number;
  /** The global position, a bigint as text. */
  readonly position: string;
  readonly type: ComplaintEventType;
  /** When it happened (ISO 8601). */
  readonly at: string;
  /** When it was recorded (ISO 8601). */
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly payload: ComplaintEvent;
}

/** A stored event and where its case sits (see `findEvents`). */
export interface PlacedEvent extends StoredEvent {
  readonly placement: ComplaintPlacement;
}

export interface NewEvent {
  readonly complaintId: string;
  readonly version: number;
  readonly event: ComplaintEvent;
}

/** A case's events in order, and when the first and last of them were recorded. */
export interface StoredHistory {
  readonly complaintId: string;
  readonly events: readonly ComplaintEvent[];
  readonly firstRecordedAt: Date;
  readonly lastRecordedAt: Date;
}

/**
 * An event's columns with its personal part beside it (complaint_event_personal, null once
 * erased or when it had none): `FROM ${EVENTS}` reads both.
 */
const EVENT_COLUMNS = `e.complaint_id, e.version, e.position, e.type, e.occurred_at, e.recorded_at,
  e.actor_kind, e.actor_id, e.actor_name, e.payload, p.personal`;
const EVENTS = `complaint_event e LEFT JOIN complaint_event_personal p
  ON p.complaint_id = e.complaint_id AND p.version = e.version`;

interface EventRow {
  complaint_id: string;
  version: number;
  position: string;
  type: ComplaintEventType;
  occurred_at: Date;
  recorded_at: Date;
  actor_kind: Actor['kind'];
  actor_id: string;
  actor_name: string | null;
  payload: ComplaintEvent;
  personal: PersonalPart | null;
}

interface PlacementRow {
  assignee_id: string | null;
  team_id: string | null;
  logged_by_api_key_id: string | null;
}

function toPlacement(row: PlacementRow): ComplaintPlacement {
  return {
    assigneeId: row.assignee_id,
    teamId: row.team_id,
    loggedByApiKeyId: row.logged_by_api_key_id,
  };
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    complaintId: row.complaint_id,
    version: row.version,
    position: String(row.position),
    type: row.type,
    at: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    actor: {
      kind: row.actor_kind,
      id: row.actor_id,
      ...(row.actor_name !== null ? { name: row.actor_name } : {}),
    },
    payload: joinPersonal(row.payload, row.personal),
  };
}

export class ComplaintEventRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyVersionCache,
  ) {}

  /**
   * The current version of a policy and, when there is one, the next reference number, in one
   * round trip. No number is drawn for a policy that does not exist.
   */
  async startLog(
    policyId: string,
    manager?: EntityManager,
  ): Promise<{ policy: Policy; referenceNumber: number } | null> {
    const rows = await runNamed<{ version: number | null; n: number | null }>(
      this.dataSource,
      `SELECT v.version,
              CASE WHEN v.version IS NOT NULL
                   THEN nextval('complaint_reference_seq')::int END AS n
         FROM (SELECT max(version) AS version FROM policy WHERE id = $1) v`,
      [policyId],
      manager,
    );
    const row = rows[0];
    if (!row || row.version === null || row.n === null) return null;
    await this.policies.load([{ id: policyId, version: row.version }], manager);
    return { policy: this.policies.require(policyId, row.version), referenceNumber: row.n };
  }

  /** Reference numbers for a batch (demo data, imports), in order. */
  async reserveReferenceNumbers(count: number): Promise<number[]> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      "SELECT nextval('complaint_reference_seq')::int AS n FROM generate_series(1, $1::int)",
      [count],
    );
    return rows.map((row) => row.n).sort((a, b) => a - b);
  }

  /** Every event of these cases, in order, in one statement (for a DataLoader). */
  async findEventsByComplaintIds(ids: readonly string[]): Promise<StoredEvent[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return [];
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM ${EVENTS}
        WHERE e.complaint_id = ANY($1::uuid[])
        ORDER BY e.complaint_id, e.version`,
      [valid],
    );
    return rows.map(toStoredEvent);
  }

  /**
   * The events by their primary keys (complaint, version), the missing left out, with the
   * case's placement as it stands when they are read (after them, and after any later write
   * that committed first): what subscriptions are scoped by, read with the events in the same
   * statement.
   */
  async findEvents(
    keys: readonly { readonly complaintId: string; readonly version: number }[],
  ): Promise<PlacedEvent[]> {
    const valid = keys.filter((key) => isUuid(key.complaintId));
    if (valid.length === 0) return [];
    const rows: (EventRow & PlacementRow)[] = await this.dataSource.query(
      `SELECT ev.*, c.assignee_id, c.team_id, c.logged_by_api_key_id
         FROM (SELECT ${EVENT_COLUMNS} FROM ${EVENTS}
                 JOIN unnest($1::uuid[], $2::int[]) AS k(complaint_id, version)
                   ON k.complaint_id = e.complaint_id AND k.version = e.version) AS ev
         JOIN complaint AS c ON c.id = ev.complaint_id`,
      [valid.map((key) => key.complaintId), valid.map((key) => key.version)],
    );
    return rows.map((row) => ({ ...toStoredEvent(row), placement: toPlacement(row) }));
  }

  /** Where each case sits now, for scoping what is sent about it (deadline alerts). */
  async findPlacements(ids: readonly string[]): Promise<Map<string, ComplaintPlacement>> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return new Map();
    const rows: (PlacementRow & { id: string })[] = await this.dataSource.query(
      `SELECT id, assignee_id, team_id, logged_by_api_key_id FROM complaint
        WHERE id = ANY($1::uuid[])`,
      [valid],
    );
    return new Map(rows.map((row) => [row.id, toPlacement(row)]));
  }

  /**
   * The ids of the next `limit` cases after `afterId` (null: from the first), by id: every case
   * that has events, whether or not its read-model row exists.
   */
  async findCaseIdsAfter(
    afterId: string | null,
    limit: number,
    manager?: EntityManager,
  ): Promise<string[]> {
    const rows: Array<{ complaint_id: string }> = await (manager ?? this.dataSource.manager).query(
      `SELECT complaint_id FROM complaint_event
        WHERE version = 1 AND ($1::uuid IS NULL OR complaint_id > $1::uuid)
        ORDER BY complaint_id LIMIT $2::int`,
      [afterId, limit],
    );
    return rows.map((row) => row.complaint_id);
  }

  /** These cases' events in order, in one statement, with when the first and last were recorded. */
  async findHistories(ids: readonly string[], manager?: EntityManager): Promise<StoredHistory[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return [];
    const rows: Array<Pick<EventRow, 'complaint_id' | 'recorded_at' | 'payload' | 'personal'>> =
      await (manager ?? this.dataSource.manager).query(
        `SELECT e.complaint_id, e.recorded_at, e.payload, p.personal FROM ${EVENTS}
          WHERE e.complaint_id = ANY($1::uuid[])
          ORDER BY e.complaint_id, e.version`,
        [valid],
      );
    const histories = new Map<string, { events: ComplaintEvent[]; first: Date; last: Date }>();
    for (const row of rows) {
      const event = joinPersonal(row.payload, row.personal);
      const history = histories.get(row.complaint_id);
      if (history) {
        history.events.push(event);
        history.last = row.recorded_at;
      } else {
        histories.set(row.complaint_id, {
          events: [event],
          first: row.recorded_at,
          last: row.recorded_at,
        });
      }
    }
    return [...histories].map(([complaintId, history]) => ({
      complaintId,
      events: history.events,
      firstRecordedAt: history.first,
      lastRecordedAt: history.last,
    }));
  }
}
