import type { ClosureDay, Division } from '../calendar/calendar.types.js';
import type { RefusalReason } from '../complaints/complaint.types.js';
import type { Result } from '../shared/result.js';
import { err, ok } from '../shared/result.js';
import type {
  ClosingPolicy,
  EscalationPolicy,
  Policy,
  PolicyProblem,
  PolicyReading,
  PolicyTargets,
  StagePolicy,
  Window,
} from './policy.types.js';
import { validatePolicy } from './validate-policy.js';

type PreliminaryStep = NonNullable<Policy['preliminaryStep']>;
type FirstContact = NonNullable<Policy['firstContact']>;

/**
 * The figures a landlord may change, each optional and nested ones partial. `null` clears a
 * nullable figure (no escalation limit, no preliminary step, no first contact, no grounds of its
 * own for refusing to escalate, no readings, no targets) and puts the Code's refusal reasons back;
 * `closures`, `refusalReasons` and `readings` replace the list whole. A reading of a figure the
 * changes set is dropped: the landlord has given its own figure.
 */
export interface PolicyChanges {
  readonly division?: Division;
  readonly closures?: readonly ClosureDay[];
  readonly preliminaryStep?: Partial<PreliminaryStep> | null;
  readonly firstContact?: Partial<FirstContact> | null;
  readonly refusalReasons?: readonly RefusalReason[] | null;
  readonly readings?: readonly PolicyReading[] | null;
  readonly stage1?: Partial<StagePolicy>;
  readonly stage2?: Partial<StagePolicy>;
  readonly escalation?: {
    readonly window?: Partial<Window> | null;
    readonly reasonsRequired?: EscalationPolicy['reasonsRequired'];
    readonly refusedWhen?: string | null;
  };
  readonly closing?: {
    readonly requireActionsComplete?: ClosingPolicy['requireActionsComplete'];
    readonly autoCloseWhenEscalationWindowLapses?: ClosingPolicy['autoCloseWhenEscalationWindowLapses'];
    readonly autoCloseAfterStage2?: Partial<Window> | null;
  };
  readonly independentStage2Handler?: boolean;
  readonly respondWithoutAcknowledgement?: boolean;
  readonly warningDays?: number;
  /** A target given replaces the base's, one given null clears it; `targets: null`: none. */
  readonly targets?: Partial<PolicyTargets> | null;
}

/**
 * A new policy from a base and some changes, validated. Either a landlord's own policy made from
 * a preset (a new id) or a new version of the same policy (the same id, a later version): the
 * old version is left as it was, since cases keep the version in force when each stage began.
 * `identity.version` defaults to the base's version + 1 for the same id, else 1;
 * `identity.description` to the base's for the same id, else a line naming the base.
 */
export function derivePolicy(
  base: Policy,
  changes: PolicyChanges,
  identity: {
    readonly id: string;
    readonly name: string;
    readonly version?: number;
    readonly description?: string;
  },
): Result<Policy, PolicyProblem[]> {
  const problems: PolicyProblem[] = [];
  const sameId = identity.id === base.id;
  const version = identity.version ?? (sameId ? base.version + 1 : 1);
  if (sameId && version <= base.version) {
    problems.push({
      field: 'version',
      message: `Version ${version} of "${base.id}" would rewrite an existing version; use ${base.version + 1} or later.`,
    });
  }

  const preliminaryStep = mergePreliminaryStep(base.preliminaryStep, changes.preliminaryStep);
  const escalationWindow = mergeWindow(
    'escalation.window',
    base.escalation.window,
    changes.escalation?.window,
  );
  const autoCloseAfterStage2 = mergeWindow(
    'closing.autoCloseAfterStage2',
    base.closing.autoCloseAfterStage2,
    changes.closing?.autoCloseAfterStage2,
  );
  const firstContact = mergeFirstContact(base.firstContact ?? null, changes.firstContact);
  for (const merged of [preliminaryStep, firstContact, escalationWindow, autoCloseAfterStage2]) {
    if (!merged.ok) problems.push(...merged.error);
  }
  const refusedWhen =
    changes.escalation?.refusedWhen === undefined
      ? base.escalation.refusedWhen
      : changes.escalation.refusedWhen;
  const refusalReasons =
    changes.refusalReasons === undefined ? base.refusalReasons : changes.refusalReasons;
  const readings =
    changes.readings === undefined
      ? base.readings?.filter((reading) => !sets(changes, reading.field))
      : changes.readings;

  const policy: Policy = {
    id: identity.id,
    version,
    name: identity.name,
    description:
      identity.description ??
      (sameId ? base.description : `Made from ${base.name} (version ${base.version}).`),
    // A new version keeps the preset it descends from; a new policy records its base.
    basedOn: sameId ? base.basedOn : base.id,
    division: changes.division ?? base.division,
    closures: changes.closures ?? base.closures,
    preliminaryStep: preliminaryStep.ok ? preliminaryStep.value : base.preliminaryStep,
    // The fields added after the first release are left out when absent, as stored policies
    // have them: absent and null mean the same (the Code's answer).
    ...present('firstContact', firstContact.ok ? firstContact.value : base.firstContact),
    ...present('refusalReasons', refusalReasons),
    ...present('readings', readings && readings.length > 0 ? readings : null),
    stage1: mergeStage(base.stage1, changes.stage1),
    stage2: mergeStage(base.stage2, changes.stage2),
    escalation: {
      window: escalationWindow.ok ? escalationWindow.value : base.escalation.window,
      reasonsRequired: changes.escalation?.reasonsRequired ?? base.escalation.reasonsRequired,
      ...present('refusedWhen', refusedWhen),
    },
    closing: {
      requireActionsComplete:
        changes.closing?.requireActionsComplete ?? base.closing.requireActionsComplete,
      autoCloseWhenEscalationWindowLapses:
        changes.closing?.autoCloseWhenEscalationWindowLapses ??
        base.closing.autoCloseWhenEscalationWindowLapses,
      autoCloseAfterStage2: autoCloseAfterStage2.ok
        ? autoCloseAfterStage2.value
        : base.closing.autoCloseAfterStage2,
    },
    independentStage2Handler: changes.independentStage2Handler ?? base.independentStage2Handler,
    respondWithoutAcknowledgement:
      changes.respondWithoutAcknowledgement ?? base.respondWithoutAcknowledgement,
    warningDays: changes.warningDays ?? base.warningDays,
    ...present('targets', mergeTargets(base.targets ?? null, changes.targets)),
  };

  const validated = validatePolicy(policy);
  if (problems.length > 0) {
    return err(validated.ok ? problems : [...problems, ...validated.error]);
  }
  return validated;
}

type Merged<T> = Result<T, PolicyProblem[]>;

// A key given as undefined (as JSON-minded callers do) leaves the base's figure alone.
function mergeStage(base: StagePolicy, change: Partial<StagePolicy> | undefined): StagePolicy {
  return {
    acknowledgeDays: change?.acknowledgeDays ?? base.acknowledgeDays,
    respondDays: change?.respondDays ?? base.respondDays,
    responseClock: change?.responseClock ?? base.responseClock,
    maxExtensionDays: change?.maxExtensionDays ?? base.maxExtensionDays,
  };
}

function mergeWindow(
  field: string,
  base: Window | null,
  change: Partial<Window> | null | undefined,
): Merged<Window | null> {
  if (change === undefined) return ok(base);
  if (change === null) return ok(null);
  const length = change.length ?? base?.length;
  const unit = change.unit ?? base?.unit;
  // With no window to start from, a partial one cannot be completed by guessing.
  const problems: PolicyProblem[] = [];
  if (length === undefined) {
    problems.push({ field: `${field}.length`, message: 'Give the length of the new window.' });
  }
  if (unit === undefined) {
    problems.push({
      field: `${field}.unit`,
      message: 'Give the unit of the new window: "working-days" or "calendar-days".',
    });
  }
  if (length === undefined || unit === undefined) return err(problems);
  return ok({ length, unit });
}

function mergePreliminaryStep(
  base: PreliminaryStep | null,
  change: Partial<PreliminaryStep> | null | undefined,
): Merged<PreliminaryStep | null> {
  if (change === undefined) return ok(base);
  if (change === null) return ok(null);
  const name = change.name ?? base?.name;
  const workingDays = change.workingDays ?? base?.workingDays;
  const problems: PolicyProblem[] = [];
  if (name === undefined) {
    problems.push({ field: 'preliminaryStep.name', message: 'Name the new preliminary step.' });
  }
  if (workingDays === undefined) {
    problems.push({
      field: 'preliminaryStep.workingDays',
      message: 'Give the working days the new preliminary step takes.',
    });
  }
  if (name === undefined || workingDays === undefined) return err(problems);
  return ok({ name, workingDays });
}

function mergeFirstContact(
  base: FirstContact | null,
  change: Partial<FirstContact> | null | undefined,
): Merged<FirstContact | null> {
  if (change === undefined) return ok(base);
  if (change === null) return ok(null);
  const name = change.name ?? base?.name;
  const optional = change.optional ?? base?.optional;
  const problems: PolicyProblem[] = [];
  if (name === undefined) {
    problems.push({ field: 'firstContact.name', message: 'Name the new first-contact step.' });
  }
  if (optional === undefined) {
    problems.push({
      field: 'firstContact.optional',
      message:
        'Say whether the resident may ask for a formal complaint instead of the first-contact ' +
        'step (Code 1.3).',
    });
  }
  if (name === undefined || optional === undefined) return err(problems);
  return ok({ name, optional });
}

// Within targets, null is a value (no target for that measure): only undefined keeps the base's.
function mergeTargets(
  base: PolicyTargets | null,
  change: Partial<PolicyTargets> | null | undefined,
): PolicyTargets | null {
  if (change === undefined) return base;
  if (change === null) return null;
  const targets = {
    transactionalSatisfaction:
      change.transactionalSatisfaction === undefined
        ? (base?.transactionalSatisfaction ?? null)
        : change.transactionalSatisfaction,
    actionsOnTimePercent:
      change.actionsOnTimePercent === undefined
        ? (base?.actionsOnTimePercent ?? null)
        : change.actionsOnTimePercent,
  };
  return targets.transactionalSatisfaction === null && targets.actionsOnTimePercent === null
    ? null
    : targets;
}

/** `{ [key]: value }` when there is a value, else nothing. */
function present<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return value === null || value === undefined ? {} : ({ [key]: value } as { [P in K]: V });
}

/** Whether the changes set the figure at a dotted path, or a figure that holds it. */
function sets(changes: PolicyChanges, path: string): boolean {
  let at: unknown = changes;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null) return false;
    at = (at as Record<string, unknown>)[key];
    if (at === undefined) return false;
    if (at === null) return true;
  }
  return true;
}
