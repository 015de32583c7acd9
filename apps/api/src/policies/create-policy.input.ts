import type {
  Division,
  LocalDate,
  RefusalReason,
  ResponseClock,
  WindowUnit,
} from '@redress/domain';
import {
  ArrayMaxSize,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DivisionEnum } from '../calendar/division.type.js';
import { RefusalReasonEnum } from '../complaints/complaint-enums.type.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { ResponseClockEnum, WindowUnitEnum } from './policy.type.js';

// Upper bounds here only stop absurd figures early; the domain's validatePolicy says what a
// policy may hold and why.
const MAX_DAYS = 365;

@InputType('ClosureDayInput')
export class ClosureDayInput {
  @Field(() => LocalDateScalar)
  date: LocalDate;

  @Field()
  @MaxLength(200)
  title: string;
}

@InputType('PreliminaryStepInput')
export class PreliminaryStepInput {
  @Field(() => String, { nullable: true })
  @MaxLength(200)
  name?: string | null;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(MAX_DAYS)
  workingDays?: number | null;
}

@InputType('FirstContactInput', {
  description: 'A first-contact step, or the part of it to change.',
})
export class FirstContactInput {
  @Field(() => String, { nullable: true })
  @MaxLength(200)
  name?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the resident may ask for a formal complaint instead (Code 1.3).',
  })
  optional?: boolean | null;
}

@InputType('PolicyReadingInput')
export class PolicyReadingInput {
  @Field({ description: 'The dotted path of the figure read in, e.g. escalation.window.' })
  @MaxLength(100)
  field: string;

  @Field()
  @MaxLength(2000)
  text: string;
}

@InputType('StagePolicyChanges', { description: 'Figures of a stage to change; the rest stay.' })
export class StagePolicyChangesInput {
  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(MAX_DAYS)
  acknowledgeDays?: number | null;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(MAX_DAYS)
  respondDays?: number | null;

  @Field(() => ResponseClockEnum, { nullable: true })
  responseClock?: ResponseClock | null;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(MAX_DAYS)
  maxExtensionDays?: number | null;
}

@InputType('WindowInput')
export class WindowInput {
  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(MAX_DAYS)
  length?: number | null;

  @Field(() => WindowUnitEnum, { nullable: true })
  unit?: WindowUnit | null;
}

@InputType('EscalationPolicyChanges')
export class EscalationChangesInput {
  @Field(() => WindowInput, { nullable: true, description: 'null: no time limit (the Code).' })
  @ValidateNested()
  window?: WindowInput | null;

  @Field(() => Boolean, { nullable: true })
  reasonsRequired?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The landlord's own grounds for refusing to escalate, in its words (flagged, Code 5.11); " +
      'null: none.',
  })
  @MaxLength(1000)
  refusedWhen?: string | null;
}

@InputType('ClosingPolicyChanges')
export class ClosingChangesInput {
  @Field(() => Boolean, { nullable: true })
  requireActionsComplete?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  autoCloseWhenEscalationWindowLapses?: boolean | null;

  @Field(() => WindowInput, { nullable: true, description: 'null: never close automatically.' })
  @ValidateNested()
  autoCloseAfterStage2?: WindowInput | null;
}

@InputType('PolicyTargetsInput', {
  description: "Targets to set; a field left out keeps the base policy's, null clears it.",
})
export class PolicyTargetsInput {
  @Field(() => Float, {
    nullable: true,
    description: 'The lowest average transactional satisfaction aimed for, 0 to 10.',
  })
  transactionalSatisfaction?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The percentage of agreed actions to complete on time, 0 to 100.',
  })
  actionsOnTimePercent?: number | null;
}

@InputType('CreatePolicyInput', {
  description:
    'A policy made from a preset or another policy, with any figure changed. The same id as the base makes a new version of it.',
})
export class CreatePolicyInput {
  @Field(() => ID, { description: 'The policy to start from, e.g. code-2024.' })
  basedOn: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Lower-case words joined by hyphens, e.g. "riverside-2026"; default from the name.',
  })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'id must be lower-case letters and digits joined by hyphens, e.g. riverside-2026',
  })
  @MaxLength(100)
  id?: string | null;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @MaxLength(5000)
  description?: string | null;

  @Field(() => DivisionEnum, { nullable: true })
  division?: Division | null;

  @Field(() => [ClosureDayInput], { nullable: true, description: 'Replaces the list whole.' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(366)
  closures?: ClosureDayInput[] | null;

  @Field(() => PreliminaryStepInput, { nullable: true, description: 'null: no preliminary step.' })
  @ValidateNested()
  preliminaryStep?: PreliminaryStepInput | null;

  @Field(() => FirstContactInput, { nullable: true, description: 'null: no first-contact step.' })
  @ValidateNested()
  firstContact?: FirstContactInput | null;

  @Field(() => [RefusalReasonEnum], {
    nullable: true,
    description:
      "The reasons the policy sets out for refusing a complaint; replaces the list whole. null: the Code's.",
  })
  @ArrayMaxSize(20)
  refusalReasons?: RefusalReason[] | null;

  @Field(() => [PolicyReadingInput], {
    nullable: true,
    description: 'Replaces the list whole; null: none. A reading of a figure you set is dropped.',
  })
  @ValidateNested({ each: true })
  @ArrayMaxSize(50)
  readings?: PolicyReadingInput[] | null;

  @Field(() => StagePolicyChangesInput, { nullable: true })
  @ValidateNested()
  stage1?: StagePolicyChangesInput | null;

  @Field(() => StagePolicyChangesInput, { nullable: true })
  @ValidateNested()
  stage2?: StagePolicyChangesInput | null;

  @Field(() => EscalationChangesInput, { nullable: true })
  @ValidateNested()
  escalation?: EscalationChangesInput | null;

  @Field(() => ClosingChangesInput, { nullable: true })
  @ValidateNested()
  closing?: ClosingChangesInput | null;

  @Field(() => Boolean, { nullable: true })
  independentStage2Handler?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  respondWithoutAcknowledgement?: boolean | null;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(MAX_DAYS)
  warningDays?: number | null;

  @Field(() => PolicyTargetsInput, {
    nullable: true,
    description: "The landlord's targets for the measures; null: none.",
  })
  @ValidateNested()
  targets?: PolicyTargetsInput | null;
}
