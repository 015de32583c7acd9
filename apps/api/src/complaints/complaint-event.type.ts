import type { Instant } from '@redress/domain';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ActorType } from '../auth/actor.type.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { personalData } from './complaint.type.js';

@ObjectType('ComplaintEvent', {
  description: 'Something that happened to a complaint. Events are never changed.',
})
export class ComplaintEventType {
  @Field(() => ID)
  complaintId: string;

  @Field(() => Int, { description: "The complaint's version after this event." })
  version: number;

  @Field({ description: 'The event type, e.g. complaint-acknowledged.' })
  type: string;

  @Field({ description: 'The event in words, for display.' })
  label: string;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  at: Instant;

  @Field(() => DateTimeScalar, { description: 'When it was stored.' })
  recordedAt: Instant;

  @Field(() => ActorType)
  actor: ActorType;

  @RequirePermission('complaints:personal')
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: personalData('The event as stored, which carries what the step was given.'),
  })
  data: unknown;
}
