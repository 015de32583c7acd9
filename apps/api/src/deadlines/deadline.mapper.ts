import { DEADLINE_STATE_LABELS, type Deadline, type DeadlineStatus } from '@redress/domain';
import type { DeadlineType } from './deadline.type.js';

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
    skippedDays: deadline.explanation.skipped.map((day) => ({
      date: day.date,
      kind: day.kind,
      title: day.title,
    })),
  };
}
