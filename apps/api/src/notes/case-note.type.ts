import type { CaseNoteKind, ContactDirection, Instant } from '@redress/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import { ActorType } from '../auth/actor.type.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';

const KINDS: Readonly<Record<CaseNoteKind, string>> = {
  note: 'An internal note about the case, with no one.',
  call: 'A phone call with the resident or someone acting for them.',
  visit: 'A visit, to the home or at the office.',
  email: 'An email exchanged.',
  letter: 'A letter exchanged (the letters Redress issues are recorded as letters, not here).',
};
export const CaseNoteKindEnum = registerDomainEnum(
  valuesOf(KINDS),
  'CaseNoteKind',
  'An internal note, or the kind of contact logged.',
  KINDS,
);

const DIRECTIONS: Readonly<Record<ContactDirection, string>> = {
  inbound: 'From the resident, or someone acting for them, to the landlord.',
  outbound: 'From the landlord to the resident, or someone acting for them.',
};
export const ContactDirectionEnum = registerDomainEnum(
  valuesOf(DIRECTIONS),
  'ContactDirection',
  'Which way a contact went.',
  DIRECTIONS,
);

@ObjectType('CaseNote', {
  description:
    'An internal note about a complaint, or a contact logged with the resident or someone acting for them. Never changed: a correction is another note naming the one it corrects. Never part of a letter or of the event stream.',
  simpleResolvers: true,
})
export class CaseNoteType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  complaintId: string;

  @Field(() => CaseNoteKindEnum)
  kind: CaseNoteKind;

  @Field(() => ContactDirectionEnum, { nullable: true, description: 'Null for a note.' })
  direction: ContactDirection | null;

  @Field(() => String, {
    nullable: true,
    description: 'Who the contact was with, e.g. "Ms Okafor (resident)"; null for a note.',
  })
  withWhom: string | null;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  occurredAt: Instant;

  @Field()
  body: string;

  @Field(() => ActorType, { description: 'Who recorded it.' })
  author: ActorType;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  recordedAt: Instant;

  @Field(() => ID, { nullable: true, description: 'The note this one corrects.' })
  correctsId: string | null;
}
