// What Redress holds about a case, gathered once and rendered two ways (record-bundle-json.ts,
// record-bundle-pdf.ts): the Ombudsman's case file (one case) and a subject access export (every
// case of a person). The JSON rendering of this shape is versioned: RECORD_BUNDLE_VERSION.
import type {
  Actor,
  CaseNoteKind,
  CodeDeparture,
  Complainant,
  ContactDirection,
  DeadlineKind,
  DeadlineState,
  LocalDate,
  Representative,
  StageNumber,
} from '@redress/domain';

/** Raised when a field is renamed or removed; new optional fields keep the version. */
export const RECORD_BUNDLE_VERSION = 1;

export type RecordBundleKind = 'case-file' | 'subject-access';

export interface RecordBundle {
  readonly kind: RecordBundleKind;
  readonly producedAt: string;
  readonly producedBy: Actor;
  /** What the bundle answers: a case's reference, or the details a person was found by. */
  readonly subject: string;
  readonly cases: readonly CaseRecord[];
}

export interface StageRecord {
  readonly stage: StageNumber;
  readonly startedAt: string;
  readonly handler: string | null;
  readonly acknowledgedAt: string | null;
  readonly understanding: string | null;
  readonly outcomeSought: string | null;
  readonly respondedAt: string | null;
  readonly outcome: string | null;
  readonly findings: string | null;
  readonly escalationReason: string | null;
}

export interface TimelineEntry {
  readonly at: string;
  readonly kind: 'event' | 'note' | 'letter';
  readonly title: string;
  readonly by: string;
  /** What the step, note or letter said, in words; null when there is nothing more. */
  readonly detail: string | null;
}

export interface EventRecord {
  readonly version: number;
  readonly type: string;
  readonly label: string;
  readonly at: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  /** The event as stored. */
  readonly data: unknown;
}

export interface DeadlineRecord {
  readonly stage: StageNumber;
  readonly kind: DeadlineKind;
  readonly label: string;
  readonly dueOn: LocalDate;
  readonly provisional: boolean;
  readonly metOn: LocalDate | null;
  readonly state: DeadlineState;
  readonly stateLabel: string;
  /** The domain's sentence: the rule, the day it counts from, extensions, days skipped. */
  readonly explanation: string;
}

export interface LetterRecordEntry {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly stage: StageNumber;
  readonly issuedOn: LocalDate;
  readonly issuedAt: string;
  readonly issuedBy: string;
  readonly recipientName: string;
  readonly delivery: string;
  readonly sentAt: string | null;
  readonly postedOn: string | null;
  readonly fileName: string;
  /** The PDF exactly as issued. */
  readonly pdf: Buffer;
}

export interface NoteRecord {
  readonly id: string;
  readonly kind: CaseNoteKind;
  readonly label: string;
  readonly direction: ContactDirection | null;
  readonly withWhom: string | null;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly author: Actor;
  readonly body: string;
  readonly correctsId: string | null;
}

export interface AttachmentRecordEntry {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly description: string | null;
  readonly uploadedAt: string;
  readonly uploadedBy: Actor;
  readonly content: Buffer;
}

export interface PolicyRecord {
  /** The stages handled under this version of the policy. */
  readonly stages: readonly StageNumber[];
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly description: string;
  readonly departures: readonly CodeDeparture[];
}

export interface CaseRecord {
  readonly id: string;
  readonly reference: string;
  readonly receivedAt: string;
  readonly channel: string;
  readonly category: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly stage: StageNumber;
  readonly closedAt: string | null;
  readonly closeReason: string | null;
  readonly summary: string;
  readonly desiredOutcome: string | null;
  readonly complainants: readonly Complainant[];
  readonly representative: Representative | null;
  readonly stages: readonly StageRecord[];
  readonly ombudsmanReferrals: readonly {
    readonly reference: string;
    readonly referredAt: string;
  }[];
  readonly timeline: readonly TimelineEntry[];
  readonly events: readonly EventRecord[];
  readonly deadlines: readonly DeadlineRecord[];
  readonly letters: readonly LetterRecordEntry[];
  /** Internal notes (kind "note"). */
  readonly notes: readonly NoteRecord[];
  /** Calls, visits, emails and letters with who and when. */
  readonly contacts: readonly NoteRecord[];
  readonly attachments: readonly AttachmentRecordEntry[];
  readonly policies: readonly PolicyRecord[];
}
