import {
  EVENT_LABELS,
  OUTCOME_LABELS,
  REFUSAL_REASON_LABELS,
  REMEDY_LABELS,
  STAGE_LABELS,
  STATUS_LABELS,
  type ActionState,
  type Complainant,
  type LocalDate,
  type LogComplaint,
  type Remedy,
  type Representative,
  type StageState,
} from '@redress/domain';
import { toPolicyType } from '../policies/policy.mapper.js';
import type { ActionType } from './action.type.js';
import type { ComplaintEventType } from './complaint-event.type.js';
import type { ComplainantType, ComplaintType, RepresentativeType } from './complaint.type.js';
import type { ComplaintRecord, StoredEvent } from './complaint.service.js';
import type { LogComplaintInput } from './log-complaint.input.js';
import type { RespondInput } from './respond.input.js';
import type { StageType } from './stage.type.js';

/** What the service needs to log a complaint: the command without what the service assigns. */
export type LogComplaintFields = Omit<LogComplaint, 'type' | 'complaintId' | 'reference'>;

export function toComplaintType(record: ComplaintRecord): ComplaintType {
  const { state } = record;
  const current = state.stages.find((stage) => stage.stage === state.stage);
  return {
    id: state.id,
    reference: state.reference,
    version: state.version,
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    stage: state.stage,
    stageLabel: STAGE_LABELS[state.stage],
    receivedAt: state.receivedAt,
    receivedOn: record.receivedOn,
    channel: state.channel,
    complainant: toComplainantType(state.complainant),
    representative: state.representative ? toRepresentativeType(state.representative) : null,
    summary: state.summary,
    desiredOutcome: state.desiredOutcome,
    category: state.category,
    tenure: state.tenure,
    assignee: current?.handler ?? null,
    ombudsmanReferrals: state.ombudsman.map((referral) => ({
      reference: referral.reference,
      referredAt: referral.referredAt,
    })),
    serviceRequestId: state.serviceRequestId,
    closedAt: state.closedAt,
    closeReason: state.closeReason,
    withdrawnReason: state.withdrawnReason,
    refusal: state.refusal
      ? {
          reason: state.refusal.reason,
          reasonLabel: REFUSAL_REASON_LABELS[state.refusal.reason],
          explanation: state.refusal.explanation,
        }
      : null,
    updatedAt: record.updatedAt.toISOString(),
    state,
  };
}

/** Every absent field made explicit: the API answers them so, and the events keep them so. */
function toComplainantType(complainant: Complainant): ComplainantType {
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

function toRepresentativeType(representative: Representative): RepresentativeType {
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
    acknowledgedAt: stage.acknowledgedAt,
    extensions: stage.extensions.map((extension) => ({
      at: extension.at,
      workingDays: extension.workingDays,
      reason: extension.reason,
      exceptionalReason: extension.exceptionalReason,
    })),
    respondedAt: stage.respondedAt,
    outcome: stage.outcome,
    outcomeLabel: stage.outcome ? OUTCOME_LABELS[stage.outcome] : null,
    findings: stage.findings,
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
    agreedAt: action.agreedAt,
    completedAt: action.completedAt,
    note: action.note,
    // YYYY-MM-DD strings order as the dates do.
    overdue: action.completedAt === null && action.dueOn < today,
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
    representative: representative ? toRepresentativeType(representative) : null,
    summary: input.summary,
    desiredOutcome: input.desiredOutcome ?? null,
    category: input.category,
    tenure: input.tenure,
    serviceRequestId: null,
  };
}

export function toRemedies(input: RespondInput): Remedy[] {
  return (input.remedies ?? []).map((remedy) => ({
    kind: remedy.kind,
    description: remedy.description,
    amountPence: remedy.amountPence ?? null,
  }));
}
