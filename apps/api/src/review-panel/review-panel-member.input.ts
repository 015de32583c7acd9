import type { LocalDate } from '@redress/domain';
import { Field, InputType } from 'type-graphql';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';

// Checked by the review panel service, which names the field at fault.
@InputType('ReviewPanelMemberInput', { description: 'A resident joining the review panel.' })
export class ReviewPanelMemberInput {
  @Field({ description: 'At most 200 characters.' })
  name: string;

  @Field({ description: "Their home's address lines, one a line (e.g. 'Flat 2, 12 Mill Lane')." })
  addressLines: string;

  @Field(() => String, { nullable: true })
  postcode?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The day they consented to review complaints; leave out until they have.',
  })
  consentGivenOn?: LocalDate | null;

  @Field(() => String, {
    nullable: true,
    description: 'Conflicts they declare, one a line: other homes they are connected to, roles.',
  })
  conflictsDeclared?: string | null;
}

@InputType('ReviewPanelMemberChanges', {
  description: 'A change to a panel member: each field given is set (null clears it).',
})
export class ReviewPanelMemberChanges {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  addressLines?: string;

  @Field(() => String, { nullable: true })
  postcode?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  consentGivenOn?: LocalDate | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The day they withdrew consent: they are no longer offered as a reviewer.',
  })
  consentWithdrawnOn?: LocalDate | null;

  @Field(() => String, { nullable: true })
  conflictsDeclared?: string | null;
}
