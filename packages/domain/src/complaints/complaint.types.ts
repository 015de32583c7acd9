import type { LocalDate } from '../calendar/calendar.types.js';

/** An instant, as an ISO 8601 string with offset (`2026-11-06T09:30:00.000Z`). */
export type Instant = string;

export type StageNumber = 1 | 2;

export type Channel =
  | 'phone'
  | 'email'
  | 'online'
  | 'letter'
  | 'in-person'
  | 'social-media'
  | 'representative'
  | 'elected-member';

export type Tenure = 'lcra' | 'lcho' | 'other';

export type ComplainantType =
  | 'tenant'
  | 'shared-owner'
  | 'leaseholder'
  | 'former-customer'
  | 'applicant'
  | 'residents-group'
  | 'other';

export type ContactMethod = 'phone' | 'email' | 'letter' | 'text' | 'in-person';

export interface Complainant {
  readonly name: string;
  readonly type: ComplainantType;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly address?: string | null;
  readonly preferredContact?: ContactMethod | null;
  /** Language for letters, e.g. "English", "Polish" (seed 004: translation on request). */
  readonly language?: string | null;
  /** Format for letters, e.g. "large print", "easy read". */
  readonly format?: string | null;
  /** Reasonable adjustments asked for (Code 5.x). */
  readonly adjustments?: string | null;
  readonly vulnerable?: boolean | null;
  /**
   * Set only once the complainant was anonymised: a random key shared by the cases anonymised
   * together, which stands for them among repeat complainants and identifies nobody.
   */
  readonly anonymousKey?: string;
}

export type RepresentativeRole =
  'advocate' | 'family' | 'councillor' | 'mp' | 'solicitor' | 'other';

export interface Representative {
  readonly name: string;
  readonly role: RepresentativeRole;
  readonly contact?: string | null;
  /** The resident's consent for the representative to act for them; required. */
  readonly consentGiven: boolean;
  readonly consentRecordedOn?: LocalDate | null;
}

export type Outcome = 'upheld' | 'partly-upheld' | 'not-upheld';

export type RemedyKind =
  | 'apology'
  | 'explanation'
  | 'action-on-delay'
  | 'decision-reviewed'
  | 'record-corrected'
  | 'financial-compensation'
  | 'policy-change'
  | 'other';

export interface Remedy {
  /**
   * Set by Redress when the response is recorded: `<stage>.<n>`, e.g. `1.2` for the second remedy
   * of stage 1, so actions, answers and payments can name it.
   */
  readonly id?: string;
  readonly kind: RemedyKind;
  readonly description: string;
  /** Pence, for financial compensation. */
  readonly amountPence?: number | null;
}

/** Valid reasons to refuse a complaint (Code 2.1–2.4, seed 003). */
export type RefusalReason =
  | 'over-12-months-old'
  | 'legal-proceedings'
  | 'already-considered'
  | 'third-party-service'
  | 'separate-policy';

export type ComplaintStatus =
  | 'received'
  | 'acknowledged'
  | 'responded'
  | 'closed'
  | 'withdrawn'
  | 'refused'
  /** A duplicate, merged into the case it duplicates: that case answers for both references. */
  | 'merged';

export type CloseReason =
  | 'resolved'
  | 'escalation-window-lapsed'
  | 'no-reply-after-stage-2'
  /** The landlord refused to take the case to stage 2, with reasons (Code 5.11, 2.4). */
  | 'escalation-refused';

/**
 * Why a landlord declines to take a complaint to stage 2 (Code 5.11: only for a valid reason,
 * under section 2): the reasons a complaint may be refused, or a request made after the time
 * the landlord's policy gives, which the landlord considered and declined.
 */
export type EscalationRefusalReason = RefusalReason | 'out-of-time';

/**
 * What the resident was told and how, for a step the Code says is told to them: an extension
 * with its reasons and new date (6.4, 6.15), a refusal with the right to go to the Ombudsman
 * (2.4). The Ombudsman's contact details go with each (6.5, 6.16, 2.4).
 */
export interface ResidentNotice {
  /** The local date the resident was told. */
  readonly toldOn: LocalDate;
  readonly method: ContactMethod;
  /** The Ombudsman's contact details (and the right to go to it) were given; required. */
  readonly ombudsmanDetailsGiven: boolean;
}

/** A contractor or agent whose service the complaint is about: it acts for the landlord (1.2). */
export interface Contractor {
  readonly name: string;
  /** The contractor's own job or case reference, if any. */
  readonly reference?: string | null;
}

/** Which ombudsman a complaint went to: the Housing Ombudsman, or (seed 003) the LGSCO. */
export type Ombudsman = 'housing-ombudsman' | 'local-government-ombudsman';

/** An ombudsman's findings on a complaint (the Housing Ombudsman's determination terms). */
export type DeterminationFinding =
  | 'no-maladministration'
  | 'service-failure'
  | 'maladministration'
  | 'severe-maladministration'
  | 'reasonable-redress'
  | 'outside-jurisdiction';

/** An order must be complied with; a recommendation is the ombudsman's advice. */
export type OmbudsmanOrderKind = 'order' | 'recommendation';

export interface OmbudsmanOrderInput {
  readonly orderId: string;
  readonly kind: OmbudsmanOrderKind;
  readonly description: string;
  readonly dueOn: LocalDate;
}

/** The resident's answer to a remedy offered (Code 7.3: in agreement with the resident). */
export type RemedyAnswer = 'accepted' | 'declined';

/** Who did something: a person, a partner application, or Redress itself. */
export interface Actor {
  readonly kind: 'user' | 'api-key' | 'system';
  readonly id: string;
  readonly name?: string;
}

/** A member of the landlord's staff reviewing stage 2 (seed 004: an independent manager). */
export interface StaffReviewer {
  readonly kind: 'staff';
  readonly userId: string;
  readonly name: string;
}

/**
 * A resident from the landlord's review panel (seed 004: an independent resident from a pool),
 * with what the rules read: their consent, and where they live and the homes they declared a
 * connection to, for the conflict rule.
 */
export interface PanelReviewer {
  readonly kind: 'panel';
  readonly memberId: string;
  readonly name: string;
  /** Their home: the address lines, and its postcode if given apart. */
  readonly address: string;
  readonly postcode?: string | null;
  readonly consentGivenOn: LocalDate | null;
  readonly consentWithdrawnOn: LocalDate | null;
  /** Conflicts they declared, one a line; a line naming a home counts as a home of theirs. */
  readonly conflictsDeclared?: string | null;
}

export type Stage2Reviewer = StaffReviewer | PanelReviewer;

/**
 * A reviewer as the case records them: who, and for a panel member when they consented, never
 * where they live (the events are kept for ever; the panel's own records hold the address).
 */
export type RecordedReviewer =
  | StaffReviewer
  | {
      readonly kind: 'panel';
      readonly memberId: string;
      readonly name: string;
      readonly consentGivenOn: LocalDate;
    };

export type * from './complaint-commands.js';
export type * from './complaint-events.js';
export type * from './complaint-state.js';
