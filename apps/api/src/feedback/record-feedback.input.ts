import type { Channel, FeedbackKind, Instant } from '@redress/domain';
import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { ChannelEnum } from '../complaints/complaint-enums.type.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { FeedbackKindEnum } from './feedback.type.js';

@InputType('RecordFeedbackInput')
export class RecordFeedbackInput {
  @Field(() => FeedbackKindEnum)
  kind: FeedbackKind;

  @Field(() => DateTimeScalar)
  receivedAt: Instant;

  @Field(() => ChannelEnum)
  channel: Channel;

  @Field(() => String, {
    nullable: true,
    description: "The person's name; required for a service request, optional otherwise.",
  })
  @MaxLength(200)
  from?: string | null;

  @Field()
  @MaxLength(10_000)
  summary: string;

  @Field({ description: 'The service it is about, e.g. "repairs".' })
  @MaxLength(100)
  category: string;
}
