import type {
  Division,
  LocalDate,
  Policy,
  RefusalReason,
  ResponseClock,
  WindowUnit,
} from '@redress/domain';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DivisionEnum } from '../calendar/division.type.js';
import { RefusalReasonEnum } from '../complaints/complaint-enums.type.js';
import { registerDomainEnum, valuesOf } from '../scalars/graphql-enum.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';

const RESPONSE_CLOCKS: Readonly<Record<ResponseClock, string>> = {
  acknowledgement: 'From the acknowledgement (the Code, 6.3 and 6.14).',
  receipt: 'From receipt, or from the escalation request at stage 2.',
};
export const ResponseClockEnum = registerDomainEnum(
  valuesOf(RESPONSE_CLOCKS),
  'ResponseClock',
  "Where a stage's response deadline counts from.",
  RESPONSE_CLOCKS,
);

const WINDOW_UNITS: Readonly<Record<WindowUnit, string>> = {
  'working-days': 'Working days.',
  'calendar-days': 'Calendar days.',
};
export const WindowUnitEnum = registerDomainEnum(
  valuesOf(WINDOW_UNITS),
  'WindowUnit',
  'The unit of a window that is not one of our deadlines.',
  WINDOW_UNITS,
);

@ObjectType('ClosureDay', { description: 'A day the landlord is closed, on top of bank holidays.' })
export class ClosureDayType {
  @Field(() => LocalDateScalar)
  date: LocalDate;

  @Field()
  title: string;
}

@ObjectType('PreliminaryStep', {
  description: 'A step before stage 1 that the resident must pass (the Code allows none).',
})
export class PreliminaryStepType {
  @Field()
  name: string;

  @Field(() => Int)
  workingDays: number;
}

@ObjectType('FirstContact', {
  description:
    'An attempt to resolve at first contact before a complaint is logged. The resident must be ' +
    'given the choice to complain instead (Code 1.3); the acknowledgement is not held up by it.',
})
export class FirstContactType {
  @Field()
  name: string;

  @Field({
    description:
      "Whether the landlord's wording lets the resident ask for a formal complaint instead. " +
      'False: as written, a stage the resident must pass (flagged, Code 1.3, 5.2).',
  })
  optional: boolean;
}

@ObjectType('PolicyReading', {
  description:
    "A figure the landlord's text does not state, read in by Redress and said to be its reading.",
})
export class PolicyReadingType {
  @Field({ description: 'The dotted path of the figure, e.g. escalation.window.' })
  field: string;

  @Field({ description: 'What the text says, what Redress reads into it and why.' })
  text: string;
}

@ObjectType('StagePolicy')
export class StagePolicyType {
  @Field(() => Int, { description: 'Working days to acknowledge.' })
  acknowledgeDays: number;

  @Field(() => Int, { description: 'Working days to respond, counted from `responseClock`.' })
  respondDays: number;

  @Field(() => ResponseClockEnum)
  responseClock: ResponseClock;

  @Field(() => Int, {
    description: 'Working days of extension allowed without an exceptional reason.',
  })
  maxExtensionDays: number;
}

@ObjectType('Window')
export class WindowType {
  @Field(() => Int)
  length: number;

  @Field(() => WindowUnitEnum)
  unit: WindowUnit;
}

@ObjectType('EscalationPolicy')
export class EscalationPolicyType {
  @Field(() => WindowType, {
    nullable: true,
    description: 'How long after the stage 1 response the resident may escalate; null: no limit.',
  })
  window: WindowType | null;

  @Field({
    description:
      "Whether the policy's wording asks the resident for reasons. Redress asks, records none " +
      'given, and never refuses for want of them (Code 6.12).',
  })
  reasonsRequired: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "The landlord's own grounds for refusing to escalate, in its words. Flagged (Code 5.11) " +
      "and never offered as a reason: Redress refuses only on the Code's grounds.",
  })
  refusedWhen: string | null;
}

@ObjectType('ClosingPolicy')
export class ClosingPolicyType {
  @Field({ description: 'Refuse to close while agreed remedy actions are open.' })
  requireActionsComplete: boolean;

  @Field({ description: 'Close automatically when the escalation window after stage 1 lapses.' })
  autoCloseWhenEscalationWindowLapses: boolean;

  @Field(() => WindowType, {
    nullable: true,
    description: 'Close automatically this long after the stage 2 response; null: never.',
  })
  autoCloseAfterStage2: WindowType | null;
}

@ObjectType('PolicyTargets', {
  description:
    'The landlord\'s own targets for the measures (e.g. "a minimum score of 6.5 out of 10 on how we handled your complaint"); read against, never enforced.',
})
export class PolicyTargetsType {
  @Field(() => Float, {
    nullable: true,
    description: 'The lowest average transactional satisfaction aimed for, 0 to 10; null: none.',
  })
  transactionalSatisfaction: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The percentage of agreed actions to complete on time, 0 to 100; null: none.',
  })
  actionsOnTimePercent: number | null;
}

@ObjectType('Policy', { description: "A landlord's complaint-handling figures, versioned." })
export class PolicyType {
  @Field(() => ID, { description: 'Stable across versions, e.g. code-2024.' })
  id: string;

  @Field(() => Int)
  version: number;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field(() => String, { nullable: true, description: 'The preset this policy was made from.' })
  basedOn: string | null;

  @Field({
    description:
      "Whether this is one of Redress's presets (which never change here), not the landlord's own.",
  })
  preset: boolean;

  @Field(() => DivisionEnum)
  division: Division;

  @Field(() => [ClosureDayType])
  closures: ClosureDayType[];

  @Field(() => PreliminaryStepType, { nullable: true })
  preliminaryStep: PreliminaryStepType | null;

  @Field(() => FirstContactType, { nullable: true, description: 'null: none.' })
  firstContact: FirstContactType | null;

  @Field(() => [RefusalReasonEnum], {
    description:
      "The reasons this policy sets out for refusing a complaint (Code 2.2); the Code's own " +
      "unless the policy lists others. A third party's service is not among the Code's (1.2).",
  })
  refusalReasons: RefusalReason[];

  @Field(() => [PolicyReadingType], {
    description: "Figures Redress read into a landlord's text that does not state them.",
  })
  readings: PolicyReadingType[];

  @Field(() => StagePolicyType)
  stage1: StagePolicyType;

  @Field(() => StagePolicyType)
  stage2: StagePolicyType;

  @Field(() => EscalationPolicyType)
  escalation: EscalationPolicyType;

  @Field(() => ClosingPolicyType)
  closing: ClosingPolicyType;

  @Field({ description: 'Whether the stage 2 handler must differ from the stage 1 handler.' })
  independentStage2Handler: boolean;

  @Field()
  respondWithoutAcknowledgement: boolean;

  @Field(() => Int, { description: 'Working days before a due date when it counts as due soon.' })
  warningDays: number;

  @Field(() => PolicyTargetsType, { nullable: true, description: 'null: no targets set.' })
  targets: PolicyTargetsType | null;

  /** The domain policy, for `departures`; not in the schema. */
  source: Policy;
}

@ObjectType('CodeDeparture', {
  description: 'Where a policy departs from the Complaint Handling Code.',
})
export class CodeDepartureType {
  @Field({ description: 'A stable code, e.g. ESCALATION_REASONS_REQUIRED.' })
  code: string;

  @Field({ description: "The Code's clause, e.g. 6.12." })
  clause: string;

  @Field()
  message: string;
}
