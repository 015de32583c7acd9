import {
  requiredParts,
  type Instant,
  type LetterDraft,
  type LetterKind,
  type LetterPartId,
  type LetterRequirement,
  type LocalDate,
} from '@redress/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { LetterDeliveryEnum, LetterKindEnum, LetterPartEnum } from './letter-enums.type.js';
import type { LetterRecord } from './letter.repository.js';

@ObjectType('LetterRequirement', {
  description: 'A part a letter must carry, and the Complaint Handling Code clause behind it.',
})
export class LetterRequirementType {
  @Field(() => LetterPartEnum)
  part: LetterPartId;

  @Field(() => String, { description: 'The clause, as docs/code.md numbers it: "6.9".' })
  clause: string;

  @Field(() => String, { description: 'The part as the letter heads it.' })
  label: string;
}

@ObjectType('LetterContentPart', { description: 'A part of a letter, as written.' })
export class LetterContentPartType {
  @Field(() => LetterPartEnum)
  part: LetterPartId;

  @Field(() => String)
  heading: string;

  @Field(() => String)
  clause: string;

  @Field(() => String, { description: 'Its text, a paragraph a line; empty when missing.' })
  text: string;
}

@ObjectType('LetterOption', { description: 'A letter the case can be written now.' })
export class LetterOptionType {
  @Field(() => LetterKindEnum)
  kind: LetterKind;

  @Field(() => Int)
  stage: number;

  @Field(() => [LetterRequirementType], { description: 'What it must carry.' })
  required: LetterRequirementType[];
}

/** What a letter says, shared by a preview and an issued letter (each carries these fields). */
@ObjectType('LetterContent')
export class LetterContentType {
  @Field(() => LetterKindEnum)
  kind: LetterKind;

  @Field(() => Int)
  stage: number;

  @Field(() => LocalDateScalar, { description: "The letter's date." })
  issuedOn: LocalDate;

  @Field(() => String)
  recipientName: string;

  @Field(() => String, { nullable: true })
  recipientEmail: string | null;

  @Field(() => String, { nullable: true })
  recipientAddress: string | null;

  @Field(() => Boolean, { description: 'Set in large print: the resident asked for it.' })
  largePrint: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'The language the resident asked for, when not English: the letter says a translation will follow, and one should be arranged.',
  })
  translateTo: string | null;

  @Field(() => [LetterContentPartType])
  parts: LetterContentPartType[];
}

@ObjectType('LetterPreview', {
  description:
    'A letter as it would be issued now. `missing` lists the required parts the case and the edits leave empty: issueLetter refuses while any is.',
})
export class LetterPreviewType extends LetterContentType {
  @Field(() => [LetterRequirementType])
  missing: LetterRequirementType[];

  @Field(() => Boolean, { description: 'Nothing required is missing.' })
  issuable: boolean;

  @Field(() => String, { description: 'The letter as the accessible HTML page it is issued as.' })
  html: string;
}

@ObjectType('Letter', {
  description:
    'A letter as issued: kept unchanged (the database refuses any change to what it says), with where its delivery stands.',
})
export class LetterType extends LetterContentType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  complaintId: string;

  @Field(() => String)
  reference: string;

  @Field(() => DateTimeScalar)
  issuedAt: Instant;

  @Field(() => String, { description: 'Who issued it.' })
  issuedBy: string;

  @Field(() => LetterDeliveryEnum)
  delivery: LetterRecord['delivery'];

  @Field(() => Int, { description: 'Attempts made to email it.' })
  attempts: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the next attempt is due.' })
  nextAttemptAt: Instant | null;

  @Field(() => String, {
    nullable: true,
    description: "The last attempt's failure, in the mail server's words.",
  })
  lastError: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  sentAt: Instant | null;

  @Field(() => LocalDateScalar, { nullable: true })
  postedOn: LocalDate | null;

  @Field(() => String, { description: 'The PDF as issued: GET it with the same bearer token.' })
  pdfPath: string;

  @Field(() => String, { description: 'The HTML as issued.' })
  htmlPath: string;
}

function contentOf(draft: LetterDraft): LetterContentType {
  return {
    kind: draft.kind,
    stage: draft.stage,
    issuedOn: draft.issuedOn,
    recipientName: draft.recipient.name,
    recipientEmail: draft.recipient.email,
    recipientAddress: draft.recipient.address,
    largePrint: draft.largePrint,
    translateTo: draft.translateTo,
    parts: draft.parts.map((p) => ({
      part: p.part,
      heading: p.heading,
      clause: p.clause,
      text: p.text,
    })),
  };
}

const requirementOf = (r: LetterRequirement): LetterRequirementType => ({
  part: r.part,
  clause: r.clause,
  label: r.label,
});

export function toLetterPreviewType(draft: LetterDraft, html: string): LetterPreviewType {
  return {
    ...contentOf(draft),
    missing: draft.missing.map(requirementOf),
    issuable: draft.missing.length === 0,
    html,
  };
}

export function toLetterOptionType(kind: LetterKind, stage: 1 | 2): LetterOptionType {
  return { kind, stage, required: requiredParts(kind, stage).map(requirementOf) };
}

export function letterPath(id: string, format: 'pdf' | 'html'): string {
  return `/letters/${id}.${format}`;
}

export function toLetterType(record: LetterRecord): LetterType {
  return {
    ...contentOf(record.draft),
    id: record.id,
    complaintId: record.complaintId,
    reference: record.reference,
    issuedAt: record.issuedAt.toISOString(),
    issuedBy: record.issuedByName,
    delivery: record.delivery,
    attempts: record.attempts,
    nextAttemptAt:
      record.delivery === 'EMAIL_QUEUED' ? (record.nextAttemptAt?.toISOString() ?? null) : null,
    lastError: record.lastError,
    sentAt: record.sentAt?.toISOString() ?? null,
    postedOn: record.postedOn,
    pdfPath: letterPath(record.id, 'pdf'),
    htmlPath: letterPath(record.id, 'html'),
  };
}
