import {
  presetById,
  refusalReasonsOf,
  type CodeDeparture,
  type Policy,
  type PolicyChanges,
  type Window,
} from '@redress/domain';
import type { CreatePolicyInput, PolicyTargetsInput, WindowInput } from './create-policy.input.js';
import type { CodeDepartureType, PolicyType, WindowType } from './policy.type.js';

export function toPolicyType(policy: Policy): PolicyType {
  return {
    id: policy.id,
    version: policy.version,
    name: policy.name,
    description: policy.description,
    basedOn: policy.basedOn,
    preset: presetById(policy.id) !== undefined,
    division: policy.division,
    closures: policy.closures.map((closure) => ({ date: closure.date, title: closure.title })),
    preliminaryStep: policy.preliminaryStep ? { ...policy.preliminaryStep } : null,
    // Absent in versions stored before these were recorded: the Code's answer.
    firstContact: policy.firstContact
      ? { name: policy.firstContact.name, optional: policy.firstContact.optional }
      : null,
    refusalReasons: [...refusalReasonsOf(policy)],
    readings: (policy.readings ?? []).map((reading) => ({
      field: reading.field,
      text: reading.text,
    })),
    stage1: { ...policy.stage1 },
    stage2: { ...policy.stage2 },
    escalation: {
      window: toWindowType(policy.escalation.window),
      reasonsRequired: policy.escalation.reasonsRequired,
      refusedWhen: policy.escalation.refusedWhen ?? null,
    },
    closing: {
      requireActionsComplete: policy.closing.requireActionsComplete,
      autoCloseWhenEscalationWindowLapses: policy.closing.autoCloseWhenEscalationWindowLapses,
      autoCloseAfterStage2: toWindowType(policy.closing.autoCloseAfterStage2),
    },
    independentStage2Handler: policy.independentStage2Handler,
    respondWithoutAcknowledgement: policy.respondWithoutAcknowledgement,
    warningDays: policy.warningDays,
    // Absent in versions stored before targets were kept, and in presets that set none.
    targets: policy.targets
      ? {
          transactionalSatisfaction: policy.targets.transactionalSatisfaction,
          actionsOnTimePercent: policy.targets.actionsOnTimePercent,
        }
      : null,
    source: policy,
  };
}

function toWindowType(window: Window | null): WindowType | null {
  return window ? { length: window.length, unit: window.unit } : null;
}

export function toCodeDepartureType(departure: CodeDeparture): CodeDepartureType {
  return { code: departure.code, clause: departure.clause, message: departure.message };
}

type Defined<T> = { -readonly [K in keyof T]?: Exclude<T[K], null | undefined> };

// GraphQL distinguishes an absent field from null. For figures that cannot be null, both mean
// "leave as it is"; for the nullable ones (a window, the preliminary step) null clears them.
function definedOnly<T extends object>(input: T | null | undefined): Defined<T> | undefined {
  if (input === null || input === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out as Defined<T>;
}

function windowChange(window: WindowInput | null | undefined): Partial<Window> | null | undefined {
  if (window === null) return null;
  return definedOnly(window);
}

// Within targets null is a value (no target for that measure), so only absent fields are left out.
function targetsChange(targets: PolicyTargetsInput | undefined): PolicyChanges['targets'] {
  if (targets === undefined) return undefined;
  return {
    ...(targets.transactionalSatisfaction !== undefined
      ? { transactionalSatisfaction: targets.transactionalSatisfaction }
      : {}),
    ...(targets.actionsOnTimePercent !== undefined
      ? { actionsOnTimePercent: targets.actionsOnTimePercent }
      : {}),
  };
}

export function toPolicyChanges(input: CreatePolicyInput): PolicyChanges {
  return {
    division: input.division ?? undefined,
    closures: input.closures?.map((day) => ({ date: day.date, title: day.title })),
    preliminaryStep: input.preliminaryStep === null ? null : definedOnly(input.preliminaryStep),
    firstContact: input.firstContact === null ? null : definedOnly(input.firstContact),
    refusalReasons: input.refusalReasons,
    readings:
      input.readings === null
        ? null
        : input.readings?.map((reading) => ({ field: reading.field, text: reading.text })),
    stage1: definedOnly(input.stage1),
    stage2: definedOnly(input.stage2),
    escalation: input.escalation
      ? {
          window: windowChange(input.escalation.window),
          reasonsRequired: input.escalation.reasonsRequired ?? undefined,
          refusedWhen: input.escalation.refusedWhen,
        }
      : undefined,
    closing: input.closing
      ? {
          requireActionsComplete: input.closing.requireActionsComplete ?? undefined,
          autoCloseWhenEscalationWindowLapses:
            input.closing.autoCloseWhenEscalationWindowLapses ?? undefined,
          autoCloseAfterStage2: windowChange(input.closing.autoCloseAfterStage2),
        }
      : undefined,
    independentStage2Handler: input.independentStage2Handler ?? undefined,
    respondWithoutAcknowledgement: input.respondWithoutAcknowledgement ?? undefined,
    warningDays: input.warningDays ?? undefined,
    targets: input.targets === null ? null : targetsChange(input.targets),
  };
}
