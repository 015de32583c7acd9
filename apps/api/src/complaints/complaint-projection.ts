// The projection: the read model of a case, from its state. The columns a write stores beside
// the snapshot, the summary a list screen reads back from them, and the deadline rows. Pure:
// the write repository sends what these make, and the rebuild makes them again from the events.
import {
  autoCloseDueOn,
  calendarForPolicy,
  caseMeasures,
  localDateOf,
  nextDeadline,
  type BankHolidaysData,
  type CaseMeasures,
  type ComplaintState,
  type Deadline,
  type Instant,
  type LocalDate,
  type StageState,
} from '@redress/domain';
import { isUuid } from '../shared/uuid.js';
import { toSnapshot } from './complaint-snapshot.mapper.js';
import type { ComplaintSummary } from './complaint-query.types.js';
import {
  actionMeasureRowsOf,
  MEASURE_COLUMNS,
  measureColumnsOf,
  type ActionMeasureRow,
} from './measure-columns.js';
import type { ColumnSpec, RowOf } from './read-model-columns.js';

/** The columns of a case's row in `complaint`, as a write sends them. */
export const READ_MODEL_COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'reference', type: 'text' },
  { name: 'version', type: 'int' },
  { name: 'status', type: 'text' },
  { name: 'stage', type: 'smallint' },
  { name: 'received_at', type: 'timestamptz' },
  { name: 'received_on', type: 'date' },
  { name: 'channel', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'tenure', type: 'text' },
  { name: 'assignee', type: 'text' },
  { name: 'assignee_id', type: 'uuid' },
  { name: 'team_id', type: 'uuid' },
  { name: 'logged_by_api_key_id', type: 'uuid' },
  { name: 'complainant_name', type: 'text' },
  { name: 'vulnerable', type: 'boolean' },
  { name: 'summary', type: 'text' },
  { name: 'policy_id', type: 'text' },
  { name: 'policy_version', type: 'int' },
  { name: 'service_request_id', type: 'uuid' },
  { name: 'stage1_acknowledged_at', type: 'timestamptz' },
  { name: 'stage1_extended_days', type: 'int' },
  { name: 'stage1_responded_at', type: 'timestamptz' },
  { name: 'stage1_outcome', type: 'text' },
  { name: 'escalated_at', type: 'timestamptz' },
  { name: 'stage2_acknowledged_at', type: 'timestamptz' },
  { name: 'stage2_extended_days', type: 'int' },
  { name: 'stage2_responded_at', type: 'timestamptz' },
  { name: 'stage2_outcome', type: 'text' },
  { name: 'open_actions', type: 'int' },
  { name: 'closed_at', type: 'timestamptz' },
  { name: 'close_reason', type: 'text' },
  { name: 'withdrawn_reason', type: 'text' },
  { name: 'refusal_reason', type: 'text' },
  { name: 'ombudsman_referred_at', type: 'timestamptz' },
  { name: 'next_due_on', type: 'date' },
  { name: 'next_due_kind', type: 'text' },
  { name: 'next_due_stage', type: 'smallint' },
  { name: 'next_due_provisional', type: 'boolean' },
  { name: 'next_due_extended_by', type: 'int' },
  { name: 'next_due_policy_id', type: 'text' },
  { name: 'next_due_policy_version', type: 'int' },
  { name: 'auto_close_on', type: 'date' },
  // A duplicate's survivor: its reference answers with that case.
  { name: 'merged_into_id', type: 'uuid' },
  // What the case counts for in the measures (the domain's caseMeasures).
  ...MEASURE_COLUMNS,
  // jsonb travels as text and is cast in SQL: both drivers pass a string through unchanged,
  // where a jsonb[] parameter would be encoded differently by each.
  { name: 'state', type: 'text' },
] as const satisfies readonly ColumnSpec[];

export type ReadModelRow = RowOf<typeof READ_MODEL_COLUMNS>;

/** Everything a write stores of one case beside its events. */
export interface CaseProjection {
  readonly row: ReadModelRow;
  readonly deadlines: readonly DeadlineRow[];
  readonly actions: readonly ActionMeasureRow[];
}

/** The case's rows: its read model, its deadline rows and its action-measure rows. */
export function projectCase(
  state: ComplaintState,
  deadlines: readonly Deadline[],
  holidays: BankHolidaysData | undefined,
  now: Date,
): CaseProjection {
  const measures = caseMeasures(state, holidays ? { holidays } : undefined);
  return {
    row: readModelOf(state, deadlines, holidays, now, measures),
    deadlines: deadlines.map((deadline) => deadlineRowOf(state, deadline, holidays)),
    actions: actionMeasureRowsOf(state.id, measures),
  };
}

/** The summary the read model's columns keep of a case, as a write stores it. */
export function summaryOf(state: ComplaintState, updatedAt: Date): ComplaintSummary {
  const current = currentStageOf(state);
  return {
    id: state.id,
    reference: state.reference,
    version: state.version,
    status: state.status,
    stage: state.stage,
    // As the timestamptz column gives it back, so a summary read equals a summary written.
    receivedAt: canonicalInstant(state.receivedAt),
    receivedOn: localDateOf(state.receivedAt),
    channel: state.channel,
    category: state.category,
    tenure: state.tenure,
    assignee: current.handler,
    assigneeId: current.handlerId ?? null,
    teamId: current.teamId ?? null,
    loggedByApiKeyId: state.loggedBy?.kind === 'api-key' ? state.loggedBy.id : null,
    complainantName: state.complainant.name,
    vulnerable: state.complainant.vulnerable === true,
    summary: state.summary,
    serviceRequestId: state.serviceRequestId,
    closedAt: state.closedAt === null ? null : canonicalInstant(state.closedAt),
    closeReason: state.closeReason,
    withdrawnReason: state.withdrawnReason,
    updatedAt,
  };
}

function canonicalInstant(instant: Instant): Instant {
  return new Date(instant).toISOString();
}

function currentStageOf(state: ComplaintState): StageState {
  const current = state.stages[state.stage - 1] ?? state.stages[0];
  if (!current) throw new Error(`Complaint ${state.id} has no stage.`);
  return current;
}

export function readModelOf(
  state: ComplaintState,
  deadlines: readonly Deadline[],
  holidays: BankHolidaysData | undefined,
  now: Date,
  measures: CaseMeasures = caseMeasures(state, holidays ? { holidays } : undefined),
): ReadModelRow {
  const summary = summaryOf(state, now);
  const stage1: StageState | undefined = state.stages[0];
  const stage2: StageState | undefined = state.stages[1];
  const current = currentStageOf(state);
  const next = nextDeadline(state.status, deadlines);
  const nextPolicy = next ? state.stages[next.stage - 1]?.policy : undefined;
  const extended = (stage: StageState | undefined) =>
    stage?.extensions.reduce((days, e) => days + e.workingDays, 0) ?? 0;
  const lastReferral = state.ombudsman[state.ombudsman.length - 1];
  return {
    id: summary.id,
    reference: summary.reference,
    version: summary.version,
    status: summary.status,
    stage: summary.stage,
    received_at: summary.receivedAt,
    received_on: summary.receivedOn,
    channel: summary.channel,
    category: summary.category,
    tenure: summary.tenure,
    assignee: summary.assignee,
    assignee_id: summary.assigneeId,
    team_id: summary.teamId,
    logged_by_api_key_id: summary.loggedByApiKeyId,
    complainant_name: summary.complainantName,
    vulnerable: summary.vulnerable,
    summary: summary.summary,
    policy_id: current.policy.id,
    policy_version: current.policy.version,
    service_request_id: summary.serviceRequestId,
    stage1_acknowledged_at: stage1?.acknowledgedAt ?? null,
    stage1_extended_days: extended(stage1),
    stage1_responded_at: stage1?.respondedAt ?? null,
    stage1_outcome: stage1?.outcome ?? null,
    escalated_at: stage2?.startedAt ?? null,
    stage2_acknowledged_at: stage2?.acknowledgedAt ?? null,
    stage2_extended_days: extended(stage2),
    stage2_responded_at: stage2?.respondedAt ?? null,
    stage2_outcome: stage2?.outcome ?? null,
    open_actions: state.actions.filter((a) => a.completedAt === null).length,
    closed_at: summary.closedAt,
    close_reason: summary.closeReason,
    withdrawn_reason: summary.withdrawnReason,
    refusal_reason: state.refusal?.reason ?? null,
    ombudsman_referred_at: lastReferral?.referredAt ?? null,
    next_due_on: next?.dueOn ?? null,
    next_due_kind: next?.kind ?? null,
    next_due_stage: next?.stage ?? null,
    next_due_provisional: next?.provisional ?? null,
    next_due_extended_by: next?.extendedBy ?? null,
    next_due_policy_id: nextPolicy?.id ?? null,
    next_due_policy_version: nextPolicy?.version ?? null,
    auto_close_on: autoCloseDueOn(state, holidays ? { holidays } : {}),
    // Ids from outside the API (an import) need not be UUIDs; only a case's own id is stored.
    merged_into_id:
      state.mergedInto !== null && isUuid(state.mergedInto.id) ? state.mergedInto.id : null,
    ...measureColumnsOf(measures),
    state: JSON.stringify(toSnapshot(state)),
  };
}

export interface DeadlineRow {
  complaintId: string;
  stage: number;
  kind: string;
  dueOn: LocalDate;
  warnOn: LocalDate;
  metAt: string | null;
  stoppedAt: string | null;
  provisional: boolean;
}

export function deadlineRowOf(
  state: ComplaintState,
  deadline: Deadline,
  holidays: BankHolidaysData | undefined,
): DeadlineRow {
  const policy = state.stages[deadline.stage - 1]?.policy;
  if (!policy)
    throw new Error(`Complaint ${state.id} has a deadline for a stage it has not reached.`);
  const calendar = calendarForPolicy(policy, holidays);
  return {
    complaintId: state.id,
    stage: deadline.stage,
    kind: deadline.kind,
    dueOn: deadline.dueOn,
    // The day the deadline turns due soon: deadlineStatus counts working days after today up to
    // the due date, so it is the warning window's number of working days before the due date.
    warnOn: calendar.addWorkingDays(deadline.dueOn, -policy.warningDays),
    metAt: deadline.metAt,
    stoppedAt: deadline.stoppedAt,
    provisional: deadline.provisional,
  };
}
