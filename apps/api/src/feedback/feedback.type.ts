import type { Channel, FeedbackKind, Instant } from '@redress/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import { RequirePermission } from '../auth/permission.decorator.js';
import { personalData } from '../complaints/complaint.type.js';
import { ChannelEnum } from '../complaints/complaint-enums.type.js';
import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

const FEEDBACK_KINDS: Readonly<Record<FeedbackKind, string>> = {
  'service-request': 'A request to put something right, such as a repair (Code 1.4).',
  compliment: 'A compliment.',
  suggestion: 'A suggestion.',
};
export const FeedbackKindEnum = registerDomainEnum(
  valuesOf(FEEDBACK_KINDS),
  'FeedbackKind',
  'Feedback that is not a complaint: recorded and reported, with no deadlines.',
  FEEDBACK_KINDS,
);

@ObjectType('Feedback', { description: 'A service request, compliment or suggestion.' })
export class FeedbackType {
  @Field(() => ID)
  id: string;

  @Field(() => FeedbackKindEnum)
  kind: FeedbackKind;

  @Field(() => DateTimeScalar)
  receivedAt: Instant;

  @Field(() => DateTimeScalar)
  recordedAt: Instant;

  @Field(() => ChannelEnum)
  channel: Channel;

  @RequirePermission('complaints:personal')
  @Field(() => String, {
    nullable: true,
    description: personalData('Null for anonymous feedback.'),
  })
  from: string | null;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData() })
  summary: string;

  @Field()
  category: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The complaint a service request became; the request carries on beside it.',
  })
  convertedToComplaintId: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  convertedAt: Instant | null;
}
