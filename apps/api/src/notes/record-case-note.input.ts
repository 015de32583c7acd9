import type { CaseNoteKind, ContactDirection, Instant } from '@redress/domain';
import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { CaseNoteKindEnum, ContactDirectionEnum } from './case-note.type.js';

@InputType('RecordCaseNoteInput')
export class RecordCaseNoteInput {
  @Field(() => ID)
  complaintId: string;

  @Field(() => CaseNoteKindEnum)
  kind: CaseNoteKind;

  @Field({
    description: 'What was noted or said: required, at most 10,000 characters once trimmed.',
  })
  // Room for surrounding spaces; the domain holds the trimmed body to 10,000.
  @MaxLength(20_000)
  body: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it happened; absent: now. Never in the future.',
  })
  occurredAt?: Instant | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Who the contact was with, e.g. "Ms Okafor (resident)", "her daughter", a contractor: required for a contact, absent for a note.',
  })
  @MaxLength(1_000)
  withWhom?: string | null;

  @Field(() => ContactDirectionEnum, {
    nullable: true,
    description: 'Required for a contact, absent for a note.',
  })
  direction?: ContactDirection | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A note of the same case that this one corrects; that note stays as it was.',
  })
  correctsId?: string | null;
}
