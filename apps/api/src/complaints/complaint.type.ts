import type {
  Channel,
  CloseReason,
  ComplaintStatus,
  ComplainantType as ComplainantKind,
  ContactMethod,
  Instant,
  LocalDate,
  Ombudsman,
  RefusalReason,
  RepresentativeRole,
  Tenure,
} from '@redress/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import type { ComplaintSource } from './complaint.mapper.js';
import { ResidentNoticeType } from './resident-notice.type.js';
import {
  ChannelEnum,
  CloseReasonEnum,
  ComplainantTypeEnum,
  ComplaintStatusEnum,
  ContactMethodEnum,
  RefusalReasonEnum,
  RepresentativeRoleEnum,
  TenureEnum,
} from './complaint-enums.type.js';
import { OmbudsmanDeterminationType, OmbudsmanEnum, OmbudsmanOrderType } from './ombudsman.type.js';

/**
 * A personal field's description: what it is, and that a caller without `complaints:personal`
 * (an analyst) gets null there with a FORBIDDEN error for that field, the rest answered.
 */
export function personalData(description?: string): string {
  const note =
    'Personal data: null, with a FORBIDDEN error on this field, for a caller without complaints:personal.';
  return description ? `${description} ${note}` : note;
}

// Plain data: no field of it has a resolver, a role or a middleware (a test holds that).
@ObjectType('Complainant', {
  description: 'Who complains, and how to reach them.',
  simpleResolvers: true,
})
export class ComplainantType {
  @Field()
  name: string;

  @Field(() => ComplainantTypeEnum)
  type: ComplainantKind;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => ContactMethodEnum, { nullable: true })
  preferredContact: ContactMethod | null;

  @Field(() => String, { nullable: true, description: 'Language for letters, e.g. "Polish".' })
  language: string | null;

  @Field(() => String, { nullable: true, description: 'Format for letters, e.g. "large print".' })
  format: string | null;

  @Field(() => String, { nullable: true, description: 'Reasonable adjustments asked for.' })
  adjustments: string | null;

  @Field()
  vulnerable: boolean;
}

@ObjectType('Representative', {
  description: 'Someone acting for the complainant with their consent.',
})
export class RepresentativeType {
  @Field()
  name: string;

  @Field(() => RepresentativeRoleEnum)
  role: RepresentativeRole;

  @Field(() => String, { nullable: true })
  contact: string | null;

  @Field()
  consentGiven: boolean;

  @Field(() => LocalDateScalar, { nullable: true })
  consentRecordedOn: LocalDate | null;
}

@ObjectType('OmbudsmanReferral')
export class OmbudsmanReferralType {
  @Field({ description: "The ombudsman's reference." })
  reference: string;

  @Field(() => OmbudsmanEnum)
  ombudsman: Ombudsman;

  @Field()
  ombudsmanLabel: string;

  @Field(() => DateTimeScalar)
  referredAt: Instant;

  @Field(() => OmbudsmanDeterminationType, {
    nullable: true,
    description: 'Null until the determination is recorded.',
  })
  determination: OmbudsmanDeterminationType | null;

  @Field(() => [OmbudsmanOrderType], {
    description: "The determination's orders and recommendations, with the landlord's compliance.",
  })
  orders: OmbudsmanOrderType[];
}

@ObjectType('ComplaintRefusal', {
  description: 'Why a complaint was not taken into the procedure.',
})
export class ComplaintRefusalType {
  @Field(() => RefusalReasonEnum)
  reason: RefusalReason;

  @Field()
  reasonLabel: string;

  @RequirePermission('complaints:personal')
  @Field(() => String, { nullable: true, description: personalData('What the resident was told.') })
  explanation: string;

  @Field(() => DateTimeScalar, { description: 'When the complaint was refused.' })
  refusedAt: Instant;

  @Field(() => ResidentNoticeType, {
    nullable: true,
    description:
      'When and how the resident was told, with their right to go to the Ombudsman (Code 2.4); null for refusals recorded before notices were kept.',
  })
  notice: ResidentNoticeType | null;

  @RequirePermission('complaints:personal')
  @Field(() => String, {
    nullable: true,
    description: personalData(
      'For an issue over 12 months old: how discretion to accept it anyway was considered (Code 2.3).',
    ),
  })
  discretionConsidered: string | null;
}

// Its own fields are plain data (no role, no middleware: a test holds that); the fields that
// compute something are field resolvers, which keep type-graphql's full handling.
@ObjectType('Complaint', {
  description: 'A complaint, in its current state.',
  simpleResolvers: true,
})
export class ComplaintType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The reference given to the resident, e.g. CMP-2026-000123.' })
  reference: string;

  @Field(() => Int, { description: 'The number of events so far: pass it as `expectedVersion`.' })
  version: number;

  @Field(() => ComplaintStatusEnum)
  status: ComplaintStatus;

  @Field({ description: 'The status in words, for display.' })
  statusLabel: string;

  @Field(() => Int, { description: 'The current stage: 1 or 2.' })
  stage: number;

  @Field({ description: 'The current stage in words, for display.' })
  stageLabel: string;

  @Field(() => DateTimeScalar)
  receivedAt: Instant;

  @Field(() => LocalDateScalar, { description: 'The day received, in Europe/London.' })
  receivedOn: LocalDate;

  @Field(() => ChannelEnum)
  channel: Channel;

  // complainant, summary and withdrawnReason are personal data: field resolvers in
  // ComplaintResolver, which a permission can guard (no field of this type can carry one).

  @Field()
  category: string;

  @Field(() => TenureEnum)
  tenure: Tenure;

  @Field(() => String, { nullable: true, description: 'The handler of the current stage.' })
  assignee: string | null;

  @Field(() => ID, { nullable: true, description: 'The service request this complaint came from.' })
  serviceRequestId: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt: Instant | null;

  @Field(() => CloseReasonEnum, { nullable: true })
  closeReason: CloseReason | null;

  @Field(() => DateTimeScalar, { description: 'When the last event was stored.' })
  updatedAt: Instant;

  /**
   * What the other fields (complainant, deadlines, stages, actions, policy...) are read from:
   * the summary, and the state unless a page was read without it. Not in the schema.
   */
  source: ComplaintSource;
}
