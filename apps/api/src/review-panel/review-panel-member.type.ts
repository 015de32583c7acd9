import type { Instant, LocalDate } from '@redress/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import type { ReviewPanelMemberRecord } from './review-panel.repository.js';

const PANEL_ONLY = 'Null, with a FORBIDDEN error on this field, for a caller without panel:manage.';

@ObjectType('ReviewPanelMember', {
  description:
    'A resident on the stage 2 review panel (seed 004), who reviews complaints with a manager.',
})
export class ReviewPanelMemberType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @RequirePermission('panel:manage')
  @Field(() => String, {
    nullable: true,
    description: `Their home's address lines, one a line: what the conflict rule reads. ${PANEL_ONLY}`,
  })
  addressLines: string | null;

  @RequirePermission('panel:manage')
  @Field(() => String, { nullable: true, description: PANEL_ONLY })
  postcode: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The day they consented to review complaints; null until they have.',
  })
  consentGivenOn: LocalDate | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The day they withdrew their consent; null while it stands.',
  })
  consentWithdrawnOn: LocalDate | null;

  @Field({ description: 'Whether they may be chosen: consent given and not withdrawn.' })
  available: boolean;

  @RequirePermission('panel:manage')
  @Field(() => String, {
    nullable: true,
    description: `Conflicts they declared, one a line; a line naming a home (a number on a street) counts as a home of theirs. ${PANEL_ONLY}`,
  })
  conflictsDeclared: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Instant;

  @Field(() => DateTimeScalar)
  updatedAt: Instant;
}

export function toReviewPanelMemberType(record: ReviewPanelMemberRecord): ReviewPanelMemberType {
  return {
    id: record.id,
    name: record.name,
    addressLines: record.addressLines,
    postcode: record.postcode,
    consentGivenOn: record.consentGivenOn,
    consentWithdrawnOn: record.consentWithdrawnOn,
    available: record.consentGivenOn !== null && record.consentWithdrawnOn === null,
    conflictsDeclared: record.conflictsDeclared,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
