import {
  DETERMINATION_FINDING_LABELS,
  EVENT_LABELS,
  OMBUDSMAN_LABELS,
  OUTCOME_LABELS,
  REFUSAL_REASON_LABELS,
  REMEDY_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
  type ActionState,
  type Complainant,
  type ComplaintState,
  type LocalDate,
  type LogComplaint,
  type OmbudsmanReferral,
  type Remedy,
  type Representative,
  type StageState,
} from '@redress/domain';
import { toPolicyType } from '../policies/policy.mapper.js';
import type { ActionType } from './action.type.js';
import type { ComplaintEventType } from './complaint-event.type.js';
import {
  ComplaintType,
  type ComplainantType,
  type ComplaintRefusalType,
  type OmbudsmanReferralType,
  type RepresentativeType,
} from './complaint.type.js';
import type { ComplaintRecord, ListedComplaint, StoredEvent } from './complaint.service.js';
import type { LogComplaintInput } from './log-complaint.input.js';
import type { RespondInput } from './respond.input.js';
import type { StageType } from './stage.type.js';
import { toResidentNoticeType } from './resident-notice.type.js';

/** What the service needs to log a complaint: the command without what the service assigns. */
export type LogComplaintFields = Omit<LogComplaint, 'type' | 'complaintId' | 'reference'>;

/** A case with its state, or a page's case read without it (its summary alone). */
export type ComplaintSource = ComplaintRecord | ListedComplaint;

/**
 * The Complaint fields answered from the summary, without the state: a page whose selection asks
 * for nothing else is read without the snapshots (see complaint-selection.ts). Any field not
 * listed needs the state, so a field added later is safe by default.
 */
export const SUMMARY_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'reference',
  'version',
  'status',
  'statusLabel',
  'stage',
  'stageLabel',
  'receivedAt',
  'receivedOn',
  'channel',
  'summary',
  'category',
  'tenure',
  'assignee',
  // Read from the summary's ids, by the users loader.
  'assignedTo',
  'team',
  'serviceRequestId',
  'closedAt',
  'closeReason',
  'withdrawnReason',
  'updatedAt',
  // Read by the events loader, by id.
  'events',
]);

/** The complainant's fields the summary holds. */
export const SUMMARY_COMPLAINANT_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'name',
  'vulnerable',
]);

export function toComplaintType(source: ComplaintSource): ComplaintType {
  const { summary } = source;
  // An instance, not a plain object: type-graphql copies a field resolver's root into one
  // otherwise, twice for every field resolved. Assigned field by field: Object.assign onto the
  // instance took about six times as long (450 ns against 70 ns a complaint, measured).
  const complaint = new ComplaintType();
  complaint.id = summary.id;
  complaint.reference = summary.reference;
  complaint.version = summary.version;
  complaint.status = summary.status;
  complaint.statusLabel = STATUS_LABELS[summary.status];
  complaint.stage = summary.stage;
  complaint.stageLabel = STAGE_LABELS[summary.stage];
  complaint.receivedAt = summary.receivedAt;
  complaint.receivedOn = summary.receivedOn;
  complaint.channel = summary.channel;
  complaint.category = summary.category;
  complaint.tenure = summary.tenure;
  complaint.assignee = summary.assignee;
  complaint.serviceRequestId = summary.serviceRequestId;
  complaint.closedAt = summary.closedAt;
  complaint.closeReason = summary.closeReason;
  complaint.updatedAt = summary.updatedAt.toISOString();
  complaint.source = source;
  return complaint;
}

/** The complainant in full from the state, or the summary's part of it when read without. */
export function toComplaintComplainantType(
  source: ComplaintSource,
): ComplainantType | Pick<ComplainantType, 'name' | 'vulnerable'> {
  return source.state
    ? toComplainantType(source.state.complainant)
    : { name: source.summary.complainantName, vulnerable: source.summary.vulnerable };
}

export function toRefusalType(
  refusal: NonNullable<ComplaintState['refusal']>,
): ComplaintRefusalType {
  return {
    reason: refusal.reason,
    reasonLabel: REFUSAL_REASON_LABELS[refusal.reason],
    explanation: refusal.explanation,
    refusedAt: refusal.at,
    notice: refusal.notice ? toResidentNoticeType(refusal.notice) : null,
    discretionConsidered: refusal.discretionConsidered,
  };
}

export function toOmbudsmanReferralType(referral: OmbudsmanReferral): OmbudsmanReferralType {
  const { determination } = referral;
  return {
    reference: referral.reference,
    ombudsman: referral.ombudsman,
    ombudsmanLabel: OMBUDSMAN_LABELS[referral.ombudsman],
    referredAt: referral.referredAt,
    determination: determination
      ? {
          determinedOn: determination.determinedOn,
          findings: [...determination.findings],
          findingLabels: determination.findings.map((f) => DETERMINATION_FINDING_LABELS[f]),
          summary: determination.summary,
          recordedAt: determination.recordedAt,
        }
      : null,
    orders: referral.orders.map((order) => ({ ...order })),
  };
}

/** Every absent field made explicit: the API answers them so, and the events keep them so. */
export function toComplainantType(complainant: Complainant): ComplainantType {
  return {
    name: complainant.name,
    type: complainant.type,
    email: complainant.email ?? null,
    phone: complainant.phone ?? null,
    address: complainant.address ?? null,
    preferredContact: complainant.preferredContact ?? null,
    language: complainant.language ?? null,
    format: complainant.format ?? null,
    adjustments: complainant.adjustments ?? null,
    vulnerable: complainant.vulnerable ?? false,
  };
}

export function toRepresentativeType(representative: Representative): RepresentativeType {
  return {
    name: representative.name,
    role: representative.role,
    contact: representative.contact ?? null,
    consentGiven: representative.consentGiven,
    consentRecordedOn: representative.consentRecordedOn ?? null,
  };
}

export function toStageType(stage: StageState): StageType {
  return {
    number: stage.stage,
    label: STAGE_LABELS[stage.stage],
    policy: toPolicyType(stage.policy),
    startedAt: stage.startedAt,
    handler: stage.handler,
    handlerId: stage.handlerId,
    responder: stage.respondedBy,
    acknowledger: stage.acknowledgedBy,
    acknowledgedAt: stage.acknowledgedAt,
    understanding: stage.understanding,
    outcomeSought: stage.outcomeSought,
    clarification: stage.clarification,
    extensions: stage.extensions.map((extension) => ({
      at: extension.at,
      workingDays: extension.workingDays,
      reason: extension.reason,
      exceptionalReason: extension.exceptionalReason,
      notice: extension.notice ? toResidentNoticeType(extension.notice) : null,
      fromDueOn: extension.fromDueOn,
      toDueOn: extension.toDueOn,
    })),
    respondedAt: stage.respondedAt,
    outcome: stage.outcome,
    outcomeLabel: stage.outcome ? OUTCOME_LABELS[stage.outcome] : null,
    findings: stage.findings,
    points: stage.points.map((point) => ({ point: point.point, at: point.at })),
    remedies: stage.remedies.map((remedy) => ({
      kind: remedy.kind,
      label: REMEDY_LABELS[remedy.kind],
      description: remedy.description,
      amountPence: remedy.amountPence ?? null,
    })),
    escalationReason: stage.escalationReason,
    lateReason: stage.lateReason,
  };
}

/** `today` is the local date now: an open action is overdue once its due date has passed. */
export function toActionType(action: ActionState, today: LocalDate): ActionType {
  return {
    id: action.id,
    stage: action.stage,
    description: action.description,
    owner: action.owner,
    dueOn: action.dueOn,
    remedy: action.remedy,
    remedyId: action.remedyId,
    agreedAt: action.agreedAt,
    completedAt: action.completedAt,
    note: action.note,
    // YYYY-MM-DD strings order as the dates do.
    overdue: action.completedAt === null && action.dueOn < today,
    updates: action.updates.map((update) => ({ ...update })),
  };
}

export function toComplaintEventType(event: StoredEvent): ComplaintEventType {
  return {
    complaintId: event.complaintId,
    version: event.version,
    type: event.type,
    label: EVENT_LABELS[event.type],
    at: event.at,
    recordedAt: event.recordedAt,
    actor: { kind: event.actor.kind, id: event.actor.id, name: event.actor.name ?? null },
    data: event.payload,
  };
}

/** The domain's log command from the GraphQL input, absent fields made explicit. */
export function toLogCommand(input: LogComplaintInput): LogComplaintFields {
  const { complainant, representative } = input;
  return {
    receivedAt: input.receivedAt,
    channel: input.channel,
    complainant: toComplainantType(complainant),
    ...(input.additionalComplainants?.length
      ? { additionalComplainants: input.additionalComplainants.map(toComplainantType) }
      : {}),
    representative: representative ? toRepresentativeType(representative) : null,
    summary: input.summary,
    desiredOutcome: input.desiredOutcome ?? null,
    category: input.category,
    tenure: input.tenure,
    serviceRequestId: null,
    ...(input.contractor
      ? {
          contractor: {
            name: input.contractor.name,
            reference: input.contractor.reference ?? null,
          },
        }
      : {}),
  };
}

export function toRemedies(input: RespondInput): Remedy[] {
  return (input.remedies ?? []).map((remedy) => ({
    kind: remedy.kind,
    description: remedy.description,
    amountPence: remedy.amountPence ?? null,
  }));
}
