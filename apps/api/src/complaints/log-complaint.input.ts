import type {
  Channel,
  ComplainantType as ComplainantKind,
  ContactMethod,
  Instant,
  LocalDate,
  RepresentativeRole,
  Tenure,
} from '@redress/domain';
import { ArrayMaxSize, IsEmail, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { ContractorInput } from './case-record.type.js';
import {
  ChannelEnum,
  ComplainantTypeEnum,
  ContactMethodEnum,
  RepresentativeRoleEnum,
  TenureEnum,
} from './complaint-enums.type.js';

// Lengths are generous limits against mistakes and abuse, not rules of complaint handling: the
// domain decides what a complaint must contain.

@InputType('ComplainantInput')
export class ComplainantInput {
  @Field()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => ComplainantTypeEnum)
  type: ComplainantKind;

  @Field(() => String, { nullable: true })
  @IsEmail({}, { message: 'email must be an email address, e.g. jordan.ellis@example.org' })
  @MaxLength(320)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(50)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @MaxLength(1000)
  address?: string | null;

  @Field(() => ContactMethodEnum, { nullable: true })
  preferredContact?: ContactMethod | null;

  @Field(() => String, { nullable: true, description: 'Language for letters, e.g. "Polish".' })
  @MaxLength(100)
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'Format for letters, e.g. "large print".' })
  @MaxLength(100)
  format?: string | null;

  @Field(() => String, { nullable: true, description: 'Reasonable adjustments asked for.' })
  @MaxLength(2000)
  adjustments?: string | null;

  @Field(() => Boolean, { nullable: true })
  vulnerable?: boolean | null;
}

@InputType('RepresentativeInput')
export class RepresentativeInput {
  @Field()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => RepresentativeRoleEnum)
  role: RepresentativeRole;

  @Field(() => String, { nullable: true })
  @MaxLength(500)
  contact?: string | null;

  @Field({ description: "The resident's consent for the representative to act; required." })
  consentGiven: boolean;

  @Field(() => LocalDateScalar, { nullable: true })
  consentRecordedOn?: LocalDate | null;
}

@InputType('LogComplaintInput')
export class LogComplaintInput {
  @Field(() => DateTimeScalar, {
    description: 'When the complaint was made, not when it is typed in.',
  })
  receivedAt: Instant;

  @Field(() => ChannelEnum)
  channel: Channel;

  @Field(() => ComplainantInput)
  @ValidateNested()
  complainant: ComplainantInput;

  @Field(() => [ComplainantInput], {
    nullable: true,
    description:
      'Further residents making the same complaint, each recorded (Code 1.2: a resident or group of residents).',
  })
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  additionalComplainants?: ComplainantInput[] | null;

  @Field(() => RepresentativeInput, { nullable: true })
  @ValidateNested()
  representative?: RepresentativeInput | null;

  @Field({ description: 'What the complaint is about, in the words of the resident if possible.' })
  @MaxLength(10_000)
  summary: string;

  @Field(() => String, { nullable: true })
  @MaxLength(5_000)
  desiredOutcome?: string | null;

  @Field({ description: 'The service it is about, e.g. "repairs".' })
  @MaxLength(100)
  category: string;

  @Field(() => TenureEnum)
  tenure: Tenure;

  @Field(() => ContractorInput, {
    nullable: true,
    description: 'The contractor whose service it is about; the complaint is still yours.',
  })
  @ValidateNested()
  contractor?: ContractorInput | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The policy to handle it under; default code-2024.',
  })
  policyId?: string | null;
}
