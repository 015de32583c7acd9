import type { Instant } from '@redress/domain';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import type { ResidentCase } from './anonymisation.repository.js';
import type { AnonymisationResult } from './anonymisation.service.js';

@InputType('ResidentInput', {
  description:
    'A resident, named by what their complaints were logged with: the email address, the phone number, or the name and address. Each detail given finds the cases logged with it.',
})
export class ResidentInput {
  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Read with the name.' })
  address?: string | null;
}

@ObjectType('ResidentCase', { description: 'A case held for a resident.' })
export class ResidentCaseType {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it ended; null while open.' })
  closedAt: Instant | null;

  @Field(() => DateTimeScalar, { nullable: true })
  anonymisedAt: Instant | null;
}

export function toResidentCaseType(found: ResidentCase): ResidentCaseType {
  return {
    id: found.id,
    reference: found.reference,
    closedAt: found.closedAt?.toISOString() ?? null,
    anonymisedAt: found.anonymisedAt?.toISOString() ?? null,
  };
}

@ObjectType('AnonymisedComplaint')
export class AnonymisedComplaintType {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;
}

@ObjectType('Anonymisation', {
  description:
    "What anonymising a resident did. Each case keeps its dates, stages, outcomes and measures; its events' personal details are erased, its letters kept without what they said, its notes emptied and its attachments deleted.",
})
export class AnonymisationType {
  @Field(() => [AnonymisedComplaintType], { description: 'The cases anonymised now.' })
  complaints: AnonymisedComplaintType[];

  @Field(() => Int, {
    description:
      'How many of them had been anonymised before: done again, so that anything written on them since goes too.',
  })
  alreadyAnonymised: number;

  @Field(() => Int)
  letters: number;

  @Field(() => Int)
  notes: number;

  @Field(() => Int)
  attachments: number;
}

export function toAnonymisationType(result: AnonymisationResult): AnonymisationType {
  return {
    complaints: result.complaints.map((c) => ({ id: c.id, reference: c.reference })),
    alreadyAnonymised: result.alreadyAnonymised,
    letters: result.letters,
    notes: result.notes,
    attachments: result.attachments,
  };
}
