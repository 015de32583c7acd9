// Which parts of each event are personal data: what the resident said and who they are, what
// the landlord wrote about them, and the free text that may name them or their household.
// Kept apart from the event so it can be erased while the event itself is never changed: the
// event is stored with these fields replaced (`redact`), and the originals beside it, keyed by
// the event. What stays is what the Code and the measures read: dates, stages, channels,
// categories, outcomes, remedy kinds and amounts, reasons from closed lists, scores, notices,
// who on the staff acted, and lessons learnt (the landlord's own words about its service).
import type { ComplaintEvent, ComplaintEventType } from '../complaints/complaint-events.js';
import type { Complainant, Representative, Remedy } from '../complaints/complaint.types.js';

/** What a personal text reads as once it is kept apart or erased. */
export const ANONYMISED = '[anonymised]';

/** The name a complainant is shown by once their details are kept apart or erased. */
export const ANONYMISED_NAME = 'Anonymised resident';

type Redactor = (value: never) => unknown;

const text: Redactor = () => ANONYMISED;

/** Who they are goes; what kind of complainant they were (the measures' breakdowns) stays. */
export function redactComplainant(complainant: Complainant): Complainant {
  return { name: ANONYMISED_NAME, type: complainant.type };
}

function redactRepresentative(representative: Representative | null): Representative | null {
  if (representative === null) return null;
  return {
    name: ANONYMISED,
    role: representative.role,
    consentGiven: representative.consentGiven,
    consentRecordedOn: representative.consentRecordedOn ?? null,
  };
}

function redactRemedies(remedies: readonly Remedy[]): Remedy[] {
  return remedies.map((remedy) => ({ ...remedy, description: ANONYMISED }));
}

type FieldsOf<T extends ComplaintEventType> = Partial<
  Record<keyof Extract<ComplaintEvent, { type: T }>, Redactor>
>;

/**
 * Each event type's personal fields, and what each reads as without them. A type not listed
 * holds none. A closed table, checked against every event type by the tests, so a new event
 * type or field is a decision, not an accident.
 */
export const PERSONAL_FIELDS: { readonly [T in ComplaintEventType]: FieldsOf<T> } = {
  'complaint-logged': {
    complainant: redactComplainant as Redactor,
    additionalComplainants: ((list: readonly Complainant[]) =>
      list.map(redactComplainant)) as Redactor,
    representative: redactRepresentative as Redactor,
    summary: text,
    desiredOutcome: text,
  },
  'complaint-assigned': {},
  'complaint-acknowledged': { understanding: text, outcomeSought: text, clarification: text },
  'response-deadline-extended': { reason: text, exceptionalReason: text },
  'complaint-responded': { findings: text, remedies: redactRemedies as Redactor },
  'escalation-requested': { reason: text, lateReason: text },
  'escalation-refused': { explanation: text },
  'action-agreed': { description: text },
  'action-completed': { note: text },
  'action-update-given': { update: text },
  'remedy-answered': { note: text },
  'remedy-paid': {},
  'complaint-closed': {},
  'complaint-reopened': { reason: text },
  'complaint-withdrawn': { reason: text },
  'complaint-refused': { explanation: text, discretionConsidered: text },
  'point-added': { point: text },
  'complainant-added': { complainant: redactComplainant as Redactor },
  'contractor-recorded': {},
  'merged-into': {},
  'duplicate-absorbed': {},
  'referred-to-ombudsman': {},
  'determination-recorded': { summary: text },
  'order-complied': { note: text },
  'satisfaction-recorded': { comment: text },
  'lesson-recorded': {},
  'stage-2-reviewers-recorded': {},
};
