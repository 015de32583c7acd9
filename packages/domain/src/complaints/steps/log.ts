import { isLocalDate } from '../../calendar/local-date.js';
import { err, ok } from '../../shared/result.js';
import type { ComplaintRefusal } from '../complaint.refusals.js';
import type {
  Complainant,
  Contractor,
  DecisionContext,
  Instant,
  LogComplaint,
} from '../complaint.types.js';
import {
  blank,
  type Decision,
  ID_RULE,
  IN_SUPPORTED_DATES,
  invalid,
  invalidRefusal,
  isId,
  isInstant,
  isReference,
  REF_RULE,
  refuse,
  sameText,
  toUtc,
} from '../decision.js';
import {
  CHANNELS,
  COMPLAINANT_TYPES,
  CONTACT_METHODS,
  REPRESENTATIVE_ROLES,
  TENURES,
} from '../labels.js';

/** The most residents one complaint names; a larger group complains as a residents' group. */
export const MAX_COMPLAINANTS = 50;

export function decideLog(command: LogComplaint, context: DecisionContext, at: Instant): Decision {
  if (!isId(command.complaintId)) {
    return invalid('complaintId', `${ID_RULE} Give the complaint an id such as C-2026-0001.`);
  }
  if (!isReference(command.reference)) {
    return invalid(
      'reference',
      `Give the complaint a reference the resident can quote. ${REF_RULE}`,
    );
  }
  if (!isInstant(command.receivedAt)) {
    return invalid(
      'receivedAt',
      'When the complaint was received must be ISO 8601 with Z or an offset, e.g. ' +
        `2026-11-06T09:30:00Z, ${IN_SUPPORTED_DATES}.`,
    );
  }
  if (!CHANNELS.includes(command.channel)) {
    return invalid('channel', `Choose how the complaint came in: one of ${CHANNELS.join(', ')}.`);
  }
  if (!TENURES.includes(command.tenure)) {
    return invalid('tenure', `Choose the tenure: one of ${TENURES.join(', ')}.`);
  }
  const { complainant, representative } = command;
  const complainantIssue = complainantProblem(complainant, 'complainant');
  if (complainantIssue) return err(complainantIssue);
  const others = command.additionalComplainants ?? [];
  if (!Array.isArray(others) || others.length > MAX_COMPLAINANTS - 1) {
    return invalid(
      'additionalComplainants',
      `List at most ${MAX_COMPLAINANTS - 1} further residents; a larger group complains as a ` +
        "residents' group, with its contact as the complainant.",
    );
  }
  for (const [index, other] of others.entries()) {
    const field = `additionalComplainants[${index}]`;
    const problem = complainantProblem(other, field);
    if (problem) return err(problem);
    // As add-complainant refuses a resident already named, so does the log.
    const earlier = [complainant, ...others.slice(0, index)];
    if (earlier.some((c) => sameText(c.name, other.name))) {
      return refuse(
        'COMPLAINANT_ALREADY_RECORDED',
        `${other.name.trim()} is named twice on the complaint. Record each resident once.`,
        `${field}.name`,
      );
    }
  }
  if (command.contractor != null) {
    const problem = contractorProblem(command.contractor, 'contractor');
    if (problem) return err(problem);
  }
  if (representative) {
    if (blank(representative.name)) {
      return invalid('representative.name', "Record the representative's name.");
    }
    if (!REPRESENTATIVE_ROLES.includes(representative.role)) {
      return invalid(
        'representative.role',
        `Choose the representative's role: one of ${REPRESENTATIVE_ROLES.join(', ')}.`,
      );
    }
    if (representative.consentGiven !== true) {
      return refuse(
        'REPRESENTATIVE_WITHOUT_CONSENT',
        `${representative.name} can act for the resident only with the resident's consent. ` +
          "Record the resident's consent, or log the complaint in the resident's own name.",
        'representative.consentGiven',
      );
    }
    if (
      representative.consentRecordedOn != null &&
      !isLocalDate(representative.consentRecordedOn)
    ) {
      return invalid(
        'representative.consentRecordedOn',
        'The date consent was recorded must be a real date written YYYY-MM-DD, or left empty.',
      );
    }
  }
  if (blank(command.summary)) {
    return invalid('summary', 'Summarise what the complaint is about.');
  }
  if (blank(command.category)) {
    return invalid(
      'category',
      'Choose a category for the complaint (repairs, anti-social behaviour ...).',
    );
  }
  if (command.serviceRequestId != null && !isId(command.serviceRequestId)) {
    return invalid(
      'serviceRequestId',
      `${ID_RULE} Give the service request's id, or leave it empty.`,
    );
  }

  const receivedAt = toUtc(command.receivedAt);
  if (Date.parse(receivedAt) > Date.parse(context.now)) {
    return refuse(
      'RECEIVED_IN_FUTURE',
      `The complaint is dated as received at ${receivedAt}, after now (${toUtc(context.now)}). ` +
        'Give the time it actually reached you.',
      'receivedAt',
    );
  }
  if (Date.parse(at) < Date.parse(receivedAt)) {
    return refuse(
      'EVENT_BEFORE_PREVIOUS',
      `The complaint is logged at ${at}, before it was received (${receivedAt}). Log it at or ` +
        'after the time it was received.',
      'at',
    );
  }

  return ok([
    {
      type: 'complaint-logged',
      at,
      actor: context.actor,
      complaintId: command.complaintId,
      reference: command.reference.trim(),
      receivedAt,
      channel: command.channel,
      complainant,
      ...(others.length > 0 ? { additionalComplainants: others } : {}),
      representative: representative ?? null,
      summary: command.summary,
      desiredOutcome: blank(command.desiredOutcome) ? null : (command.desiredOutcome ?? null),
      category: command.category,
      tenure: command.tenure,
      serviceRequestId: command.serviceRequestId ?? null,
      ...(command.contractor != null ? { contractor: contractorOf(command.contractor) } : {}),
      policy: context.policy,
    },
  ]);
}

/** A resident making the complaint: a name and who they are, the rest optional. */
export function complainantProblem(
  complainant: Complainant,
  field: string,
): ComplaintRefusal | null {
  if (complainant == null || typeof complainant !== 'object' || blank(complainant.name)) {
    return invalidRefusal(`${field}.name`, "Record the complainant's name.");
  }
  if (!COMPLAINANT_TYPES.includes(complainant.type)) {
    return invalidRefusal(
      `${field}.type`,
      `Choose who the complainant is: one of ${COMPLAINANT_TYPES.join(', ')}.`,
    );
  }
  if (
    complainant.preferredContact != null &&
    !CONTACT_METHODS.includes(complainant.preferredContact)
  ) {
    return invalidRefusal(
      `${field}.preferredContact`,
      `Choose a contact method from ${CONTACT_METHODS.join(', ')}, or leave it empty.`,
    );
  }
  return null;
}

export function contractorProblem(contractor: Contractor, field: string): ComplaintRefusal | null {
  if (contractor == null || typeof contractor !== 'object' || blank(contractor.name)) {
    return invalidRefusal(
      `${field}.name`,
      'Name the contractor whose service the complaint is about. The complaint stays the ' +
        "landlord's: a contractor acts on its behalf (Code 1.2).",
    );
  }
  // An empty reference field is no reference, as contractorOf stores it.
  const reference: unknown = contractor.reference;
  const referenceOk =
    reference == null ||
    (typeof reference === 'string' && (blank(reference) || isReference(reference)));
  if (!referenceOk) {
    return invalidRefusal(`${field}.reference`, `The contractor's reference: ${REF_RULE}`);
  }
  return null;
}

export function contractorOf(contractor: Contractor): Contractor {
  return {
    name: contractor.name.trim(),
    reference: blank(contractor.reference) ? null : (contractor.reference?.trim() ?? null),
  };
}
