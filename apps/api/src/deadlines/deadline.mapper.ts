import { DEADLINE_STATE_LABELS, type Deadline, type DeadlineStatus } from '@redress/domain';
import type { StoredNextDeadline } from '../complaints/deadline-read-model.js';
import type { DeadlineType, NonWorkingDayType } from './deadline.type.js';

export function toDeadlineType(deadline: Deadline & DeadlineStatus): DeadlineType {
  return {
    stage: deadline.stage,
    kind: deadline.kind,
    dueOn: deadline.dueOn,
    provisional: deadline.provisional,
    state: deadline.state,
    stateLabel: DEADLINE_STATE_LABELS[deadline.state],
    metAt: deadline.metAt,
    metOn: deadline.metOn,
    stoppedAt: deadline.stoppedAt,
    workingDaysLeft: deadline.workingDaysLeft,
    extendedBy: deadline.extendedBy,
    explanation: deadline.explanation.text,
    skippedDays: skippedDaysOf(deadline),
  };
}

/**
 * A next deadline from the read model. Its explanation is not stored: asked for, it comes from
 * `derive` (the domain's derivation from the state, which a page whose selection asks for an
 * explanation reads).
 */
export function toStoredDeadlineType(
  deadline: StoredNextDeadline,
  status: DeadlineStatus,
  derive: () => Deadline,
): DeadlineType {
  let derived: Deadline | undefined;
  const explained = (): Deadline => (derived ??= derive());
  return {
    stage: deadline.stage,
    kind: deadline.kind,
    dueOn: deadline.dueOn,
    provisional: deadline.provisional,
    state: status.state,
    stateLabel: DEADLINE_STATE_LABELS[status.state],
    metAt: null,
    metOn: null,
    stoppedAt: null,
    workingDaysLeft: status.workingDaysLeft,
    extendedBy: deadline.extendedBy,
    get explanation() {
      return explained().explanation.text;
    },
    get skippedDays() {
      return skippedDaysOf(explained());
    },
  };
}

function skippedDaysOf(deadline: Deadline): NonWorkingDayType[] {
  return deadline.explanation.skipped.map((day) => ({
    date: day.date,
    kind: day.kind,
    title: day.title,
  }));
}
