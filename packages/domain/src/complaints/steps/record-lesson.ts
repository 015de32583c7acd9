// A lesson learnt from the case (Code 9; seed 002: "use lessons learnt and feedback from
// complaints to make meaningful service improvements"). Recorded at any point, open or ended,
// and kept in order.
import { err, ok } from '../../shared/result.js';
import type { RecordLesson } from '../complaint.types.js';
import { type Decision, reasonProblem, type Step } from '../decision.js';

export function decideRecordLesson({ context, at }: Step, command: RecordLesson): Decision {
  const problem = reasonProblem(
    'lesson',
    command.lesson,
    'Say what the case taught the landlord, and what should change.',
  );
  if (problem) return err(problem);
  return ok([{ type: 'lesson-recorded', at, actor: context.actor, lesson: command.lesson.trim() }]);
}
