import { randomUUID } from 'node:crypto';
import {
  calendarForPolicy,
  deadlineStatus,
  decide,
  deriveDeadlines,
  evolve,
  localDateOf,
  scopeAdmits,
  type ComplaintCommand,
  type ComplaintEvent,
  type ComplaintState,
  type Deadline,
  type LogComplaint,
  type Policy,
} from '@redress/domain';
import { actorOf, can, complaintScopeOf, type Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Transaction, Transactions } from '../database/transactions.js';
import { isUniqueViolation } from '../database/unique-violation.js';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../errors/app-errors.js';
import { COUNT_BOUND } from '../shared/connection.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';
import {
  checkAssignment,
  policyOf,
  checkVersion,
  checkExpected,
  refusalError,
  checkInstant,
  REFERENCE,
  checkFilter,
  referenceYear,
  cursorList,
  sleep,
  formatReference,
} from './complaint-write-checks.js';
import { ComplaintEventFeed } from './complaint-event-feed.js';
import { DeadlineAlertFeed, type PlacedDeadlineAlert } from '../deadlines/deadline-alert-feed.js';
import {
  summaryOf,
  type ComplaintRepository,
  type ComplaintFilter,
  type ComplaintForWrite,
  type ComplaintOrder,
  type NewEvent,
  type PlacedEvent,
  type StoredEvent,
} from './complaint.repository.js';

export { formatReference } from './complaint-write-checks.js';
export type {
  ComplaintFilter,
  ComplaintOrder,
  ComplaintOrderField,
  ComplaintSummary,
  StoredEvent,
} from './complaint.repository.js';

export type * from './complaint-service.types.js';
import type {
  ComplaintPage,
  ComplaintRecord,
  ComplaintServiceOptions,
  ComplaintStepCommand,
  DeadlineWithStatus,
  JointStep,
  LogComplaintInput,
  LogOptions,
  PageOptions,
  WriteOptions,
} from './complaint-service.types.js';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_POLICY_ID = 'code-2024';
/**
 * How many times a write without an expected version is tried. The first reads the case
 * unlocked (two round trips); one that lost a race is tried again under the case's row lock,
 * which no other writer of the case can overtake, so the bound is reached only by a fault.
 */
const MAX_WRITE_ATTEMPTS = 3;
/** The most a retry waits first (times its attempt), so losers do not arrive in lockstep. */
const RETRY_JITTER_MS = 5;

/**
 * The application's use cases for complaints. Every write reads the case, checks the expected
 * version, asks the domain, then stores the events, the read model, the deadline rows and the
 * NOTIFYs in one statement, which is one transaction: a second writer of the same version fails
 * on the events' primary key and writes nothing.
 */
export class ComplaintService {
  private readonly feed: ComplaintEventFeed;
  private readonly alertFeed: DeadlineAlertFeed;

  constructor(
    readonly repository: ComplaintRepository,
    private readonly transactions: Transactions,
    private readonly options: ComplaintServiceOptions,
  ) {
    this.feed = new ComplaintEventFeed(options.pubsub, (keys) => this.repository.findEvents(keys), {
      ...(options.maxSubscriberBacklog !== undefined
        ? { maxBehind: options.maxSubscriberBacklog }
        : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    this.alertFeed = new DeadlineAlertFeed(
      options.pubsub,
      (ids) => this.repository.findPlacements(ids),
      {
        ...(options.maxSubscriberBacklog !== undefined
          ? { maxBehind: options.maxSubscriberBacklog }
          : {}),
        ...(options.log ? { log: options.log } : {}),
      },
    );
  }

  /** Logs a complaint: one round trip for the policy and the reference, one for the write. */
  async log(input: LogComplaintInput, opts: LogOptions): Promise<ComplaintRecord> {
    requirePermission(opts.by, 'complaints:write');
    const { idempotencyKey } = opts;
    if (idempotencyKey === undefined) return this.logWithin(undefined, input, opts);
    // The key is stored in the write's transaction: a retry of a write that committed is
    // answered its complaint, and one of a write that did not makes it now.
    return this.options.idempotency.once(
      {
        by: opts.by,
        key: idempotencyKey,
        operation: 'logComplaint',
        input: { input, at: opts.at, policyId: opts.policyId },
      },
      opts.complaintId ?? randomUUID(),
      (tx, complaintId) => this.logWithin(tx, input, { ...opts, complaintId }),
      (complaintId) => this.loggedEarlier(complaintId),
    );
  }

  /**
   * The complaint a keyed write made, as it stands now, for a retry of that write: unscoped,
   * as the first answer was, and only ever to the caller who made it.
   */
  async loggedEarlier(id: string): Promise<ComplaintRecord> {
    const found = await this.repository.findById(id);
    if (!found) throw new Error(`Complaint ${id}, made under an idempotency key, is not there.`);
    return found;
  }

  /**
   * Logs inside a transaction the caller holds (a service request converted into a complaint),
   * or, with no manager, as a write of its own.
   */
  async logWithin(
    manager: Transaction | undefined,
    input: LogComplaintInput,
    opts: LogOptions,
  ): Promise<ComplaintRecord> {
    checkInstant(opts.at, 'at');
    const policyId = opts.policyId ?? DEFAULT_POLICY_ID;
    const started = await this.repository.startLog(policyId, manager);
    if (!started) throw new NotFoundError('policy', policyId);
    const id = opts.complaintId ?? randomUUID();
    const reference = formatReference(
      referenceYear(input.receivedAt, this.options.clock.now()),
      started.referenceNumber,
    );
    const command: LogComplaint = { ...input, type: 'log', complaintId: id, reference };
    const events = this.decideOrThrow(null, command, started.policy, opts);
    return this.persist(null, events, manager);
  }

  async execute(
    id: string,
    command: ComplaintStepCommand,
    opts: WriteOptions,
  ): Promise<ComplaintRecord> {
    checkInstant(opts.at, 'at');
    checkVersion(opts.expectedVersion);
    // A write without an expected version applies to the case as it is when it lands: when
    // another write of the same version lands first, it reads the case again, this time locked
    // in a transaction, so writers of one case queue behind each other instead of racing again.
    for (let attempt = 1; ; attempt += 1) {
      try {
        return attempt === 1
          ? await this.writeStep(id, command, opts)
          : await this.transactions.run((manager) => this.writeStep(id, command, opts, manager));
      } catch (error) {
        const retry =
          error instanceof ConflictError &&
          opts.expectedVersion === undefined &&
          attempt < MAX_WRITE_ATTEMPTS;
        if (!retry) throw error;
        await sleep(Math.random() * RETRY_JITTER_MS * attempt);
      }
    }
  }

  /**
   * One try of a step: read, check the version, decide, store. With a manager (a transaction),
   * the case's row is read locked and stays locked until the transaction ends.
   */
  private async writeStep(
    id: string,
    command: ComplaintStepCommand,
    opts: WriteOptions,
    manager?: Transaction,
  ): Promise<ComplaintRecord> {
    requirePermission(opts.by, 'complaints:write');
    const found = await this.repository.findForWrite(id, manager, manager !== undefined);
    // A case outside the caller's scope does not exist for them: its existence is not leaked.
    if (!found || !scopeAdmits(complaintScopeOf(opts.by), found.summary)) {
      throw new NotFoundError('complaint', id);
    }
    if (command.type === 'assign') checkAssignment(opts.by, command);
    const { state } = found;
    checkExpected(state, opts.expectedVersion);
    const events = this.decideOrThrow(state, command, policyOf(found), opts);
    // Nothing to record (the domain found the step already done): the case as it is.
    if (events.length === 0) {
      return { summary: found.summary, state };
    }
    return this.persist(state, events, manager);
  }

  /**
   * Steps on several cases that stand or fall together (a merge: one on the duplicate, one on
   * the case it repeats). Every case is read locked, in id order, so that two such writes over
   * the same cases queue instead of deadlocking; every step is decided before any is stored;
   * and all are stored in one statement of the one transaction, so a refusal of any step leaves
   * every case as it was. Answers each step's case as it then stands, in the steps' order.
   */
  async executeTogether(
    steps: readonly JointStep[],
    opts: Omit<WriteOptions, 'expectedVersion'>,
  ): Promise<ComplaintRecord[]> {
    checkInstant(opts.at, 'at');
    for (const { expectedVersion } of steps) checkVersion(expectedVersion);
    requirePermission(opts.by, 'complaints:write');
    return this.transactions.run(async (manager) => {
      const found = new Map<string, ComplaintForWrite>();
      for (const id of [...new Set(steps.map((s) => s.id))].sort()) {
        const row = await this.repository.findForWrite(id, manager, true);
        // As for one step: a case outside the caller's scope does not exist for them.
        if (row && scopeAdmits(complaintScopeOf(opts.by), row.summary)) found.set(id, row);
      }
      for (const { id, expectedVersion } of steps) {
        const row = found.get(id);
        if (!row) throw new NotFoundError('complaint', id);
        checkExpected(row.state, expectedVersion);
      }
      const states = new Map([...found].map(([id, row]) => [id, row.state]));
      const writes = steps.map((s) => {
        const row = found.get(s.id) as ComplaintForWrite;
        const before = states.get(s.id) as ComplaintState;
        const events = this.decideOrThrow(before, s.command(states), policyOf(row), opts);
        states.set(s.id, events.reduce<ComplaintState>(evolve, before));
        return { before, events };
      });
      return this.persistAll(writes, manager);
    });
  }

  /** The case, if `by` may see it; null otherwise (as if it did not exist). */
  async findById(by: Principal, id: string): Promise<ComplaintRecord | null> {
    requirePermission(by, 'complaints:read');
    return this.repository.findById(id, undefined, complaintScopeOf(by));
  }

  async findByReference(by: Principal, reference: string): Promise<ComplaintRecord | null> {
    requirePermission(by, 'complaints:read');
    return this.repository.findByReference(reference, complaintScopeOf(by));
  }

  /** The cases matching the filter among those `by` may see. */
  async list(
    by: Principal,
    requested: ComplaintFilter,
    order: ComplaintOrder,
    page: PageOptions,
  ): Promise<ComplaintPage> {
    requirePermission(by, 'complaints:read');
    // Words are searched in the complainant's name and the summary: personal data. Without it,
    // only a reference may be looked up, or the search would tell who has complained.
    if (
      requested.text !== undefined &&
      !can(by, 'complaints:personal') &&
      !REFERENCE.test(requested.text.trim())
    ) {
      throw new ForbiddenError(
        'Searching by name or words reads personal data, which you may not read: search by a reference such as CMP-2026-000123.',
        'complaints:personal',
      );
    }
    const filter: ComplaintFilter = { ...requested, scope: complaintScopeOf(by) };
    if (!Number.isInteger(page.first) || page.first < 0 || page.first > MAX_PAGE_SIZE) {
      throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}.`, 'first');
    }
    const offset = page.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0) {
      throw new BadUserInputError('offset must be 0 or more.', 'offset');
    }
    checkFilter(filter);
    const after =
      page.after === undefined ? undefined : decodeCursor(page.after, cursorList(order));
    // Formatting a London date costs more than the rest of a page's SQL building: only the
    // overdue filter asks for it.
    const today = () => localDateOf(this.options.clock.now());
    const result = await this.repository.findPage(
      filter,
      order,
      // One more than asked, to know whether there is a next page.
      {
        limit: page.first + 1,
        offset,
        withState: page.withState === true,
        ...(after ? { after } : {}),
      },
      today,
    );
    const rows = result.rows.slice(0, page.first);
    const cursorOf = (row: (typeof rows)[number] | undefined): string | null =>
      row ? encodeCursor(cursorList(order), row.cursor) : null;
    // Encoded for every row only when asked: a list screen reads the nodes and endCursor.
    let cursors: string[] | undefined;
    return {
      nodes: rows.map(({ summary, state, nextDeadline }) => ({ summary, state, nextDeadline })),
      get cursors() {
        cursors ??= rows.map((row) => encodeCursor(cursorList(order), row.cursor));
        return cursors;
      },
      // Counted only when a query selects the count, and bounded (shared/connection.ts).
      count: () => this.repository.countUpTo(filter, today, COUNT_BOUND),
      hasNextPage: result.rows.length > page.first,
      hasPreviousPage: after !== undefined || offset > 0,
      startCursor: cursorOf(rows[0]),
      endCursor: cursorOf(rows[rows.length - 1]),
    };
  }

  /**
   * Every event committed from now on, of one complaint or of all, of the cases in the caller's
   * scope (by where each case sits once the event is read), as stored.
   */
  subscribeToEvents(by: Principal, complaintId?: string): AsyncIterableIterator<PlacedEvent> {
    requirePermission(by, 'events:subscribe');
    return this.feed.subscribe(complaintScopeOf(by), complaintId);
  }

  /** Every deadline alert raised from now on about a case in the caller's scope. */
  subscribeToDeadlineAlerts(by: Principal): AsyncIterableIterator<PlacedDeadlineAlert> {
    requirePermission(by, 'events:subscribe');
    return this.alertFeed.subscribe(complaintScopeOf(by));
  }

  /** The events of each case, in order, in one statement; a case with none maps to []. */
  async eventsFor(ids: readonly string[]): Promise<Map<string, StoredEvent[]>> {
    const events = await this.repository.findEventsByComplaintIds(ids);
    const byId = new Map<string, StoredEvent[]>(ids.map((id) => [id, []]));
    for (const event of events) {
      let list = byId.get(event.complaintId);
      if (!list) {
        list = [];
        byId.set(event.complaintId, list);
      }
      list.push(event);
    }
    return byId;
  }

  /** The case's deadlines and their state now, each counted in its own stage's calendar. */
  deadlinesOf(state: ComplaintState): DeadlineWithStatus[] {
    const { holidays } = this.options;
    const now = this.options.clock.now().toISOString();
    return deriveDeadlines(state, holidays ? { holidays } : undefined).map((deadline) => {
      const policy = state.stages[deadline.stage - 1]?.policy;
      if (!policy) throw new Error(`Complaint ${state.id} has no stage ${deadline.stage}.`);
      const calendar = calendarForPolicy(policy, holidays);
      return { ...deadline, ...deadlineStatus(deadline, now, calendar, policy.warningDays) };
    });
  }

  /**
   * Writes histories already decided in memory (demo data, imports): one transaction, a few
   * statements for all of them, the same rows a write one by one would leave. Nothing is
   * published: these are not news.
   */
  async importHistories(histories: readonly (readonly ComplaintEvent[])[]): Promise<number> {
    if (histories.length === 0) return 0;
    const newEvents: NewEvent[] = [];
    const cases: Array<{ state: ComplaintState; deadlines: Deadline[] }> = [];
    for (const events of histories) {
      let state: ComplaintState | null = null;
      for (const event of events) {
        state = evolve(state, event);
        newEvents.push({ complaintId: state.id, version: state.version, event });
      }
      if (state) cases.push({ state, deadlines: this.derive(state) });
    }
    await this.repository.checkPoliciesStored(cases.map(({ state }) => state));
    await this.repository.write({ events: newEvents, cases, ...this.saveOptions() });
    return cases.length;
  }

  private decideOrThrow(
    state: ComplaintState | null,
    command: ComplaintCommand,
    policy: Policy,
    opts: { readonly by: Principal; readonly at?: string },
  ): ComplaintEvent[] {
    const { holidays } = this.options;
    const decision = decide(state, command, {
      now: this.options.clock.now().toISOString(),
      ...(opts.at !== undefined ? { at: opts.at } : {}),
      actor: actorOf(opts.by),
      policy,
      ...(holidays ? { holidays } : {}),
    });
    if (!decision.ok) throw refusalError(decision.error, state);
    return decision.value;
  }

  private async persist(
    before: ComplaintState | null,
    events: readonly ComplaintEvent[],
    manager?: Transaction,
  ): Promise<ComplaintRecord> {
    const [record] = await this.persistAll([{ before, events }], manager);
    if (!record) throw new Error('A write stored no case.');
    return record;
  }

  /**
   * Stores the writes in one statement: every case or none. A case written twice is stored as
   * its last write leaves it (each write's `before` is the one before it leaves).
   */
  private async persistAll(
    writes: readonly { before: ComplaintState | null; events: readonly ComplaintEvent[] }[],
    manager?: Transaction,
  ): Promise<ComplaintRecord[]> {
    const newEvents: NewEvent[] = [];
    const states = writes.map(({ before, events }) => {
      let state = before;
      for (const event of events) {
        state = evolve(state, event);
        newEvents.push({ complaintId: state.id, version: state.version, event });
      }
      if (!state) throw new Error('A write with events left no state.');
      return state;
    });
    const last = new Map(states.map((state) => [state.id, state]));
    try {
      const updatedAt = await this.repository.write(
        {
          events: newEvents,
          cases: [...last.values()].map((state) => ({ state, deadlines: this.derive(state) })),
          notifyChannel: this.options.pubsub.channelOf('COMPLAINT_EVENT'),
          ...this.saveOptions(),
        },
        manager,
      );
      return states.map((state) => ({ summary: summaryOf(state, updatedAt), state }));
    } catch (error) {
      if (isUniqueViolation(error)) {
        const references = [...last.values()].map((state) => state.reference).join(' or ');
        throw new ConflictError(
          `Complaint ${references} was changed by someone else at the same moment. Reload it and try again.`,
          writes.length === 1 ? (writes[0]?.before?.version ?? undefined) : undefined,
        );
      }
      throw error;
    }
  }

  private derive(state: ComplaintState): Deadline[] {
    const { holidays } = this.options;
    return deriveDeadlines(state, holidays ? { holidays } : undefined);
  }

  private saveOptions() {
    const { holidays } = this.options;
    return { now: this.options.clock.now(), ...(holidays ? { holidays } : {}) };
  }
}
