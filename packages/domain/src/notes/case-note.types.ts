import type { Actor, Instant } from '../complaints/complaint.types.js';

/**
 * What a case note records: an internal note about the complaint, or a contact with the resident
 * or someone acting for them (a call, a visit, an email, a letter).
 */
export type CaseNoteKind = 'note' | 'call' | 'visit' | 'email' | 'letter';

/** Which way a contact went: from the resident's side to the landlord, or the other way. */
export type ContactDirection = 'inbound' | 'outbound';

/** What the caller gives to record a note or a contact. */
export interface RecordCaseNoteInput {
  /** Chosen by the caller, like a complaint's id: the domain makes no ids. */
  readonly id: string;
  readonly complaintId: string;
  readonly kind: CaseNoteKind;
  readonly body: string;
  /** When it happened; absent: now. Never in the future. */
  readonly occurredAt?: Instant | null;
  /** Who the contact was with ("Ms Okafor (resident)", "her daughter"); contacts only. */
  readonly withWhom?: string | null;
  /** Contacts only. */
  readonly direction?: ContactDirection | null;
  /** The note this one corrects, which stays as it was written. */
  readonly correctsId?: string | null;
}

/** A note or contact as recorded. Never changed afterwards: a correction is another note. */
export interface CaseNote {
  readonly id: string;
  readonly complaintId: string;
  readonly kind: CaseNoteKind;
  readonly direction: ContactDirection | null;
  readonly withWhom: string | null;
  readonly occurredAt: Instant;
  readonly body: string;
  readonly author: Actor;
  readonly recordedAt: Instant;
  readonly correctsId: string | null;
}

/** What `recordCaseNote` needs besides its input. */
export interface CaseNoteContext {
  /** The present instant, from the caller: the domain never reads the clock. */
  readonly now: Instant;
  /** Who records it. */
  readonly author: Actor;
  /** The note named by `correctsId`, as found on the same case; null when there is none. */
  readonly corrected?: CaseNote | null;
}

export type CaseNoteRefusalCode = 'INVALID_CASE_NOTE' | 'CASE_NOTE_IN_FUTURE';

/** Why a note was not recorded: a code to branch on, a message to act on, the field at fault. */
export interface CaseNoteRefusal {
  readonly code: CaseNoteRefusalCode;
  readonly message: string;
  readonly field: string;
}
