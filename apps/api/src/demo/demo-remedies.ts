// Compensation in the demo, followed through as the Code asks (7.1, 7.3): most residents are paid
// a few working days after the response, some accept first by phone, a few decline it (they
// wanted the repair, not money), and now and then finance is slow, so open cases still owe it.
// A case closes only once its compensation is paid or declined.
import { createHash } from 'node:crypto';
import type { ComplaintCommand, LocalDate, Remedy } from '@redress/domain';

type Random = () => number;

/** A follow-through step the handler takes on a given day. */
export interface PlannedStep {
  readonly on: LocalDate;
  readonly command: ComplaintCommand;
}

const DECLINED_NOTES = [
  'The resident said they would rather have the repair done than be paid.',
  'The resident told us they did not want compensation, only an apology and the work done.',
] as const;

const ACCEPTED_NOTES = [
  'Accepted by phone; bank details taken.',
  'The resident accepted the offer in writing.',
] as const;

/**
 * A generator of its own for each case's compensation, from the case's reference: the rest of
 * the demo draws the same numbers it drew before compensation was followed through.
 */
export function settlementRandom(reference: string): Random {
  let a = parseInt(
    createHash('sha256').update(`remedies:${reference}`).digest('hex').slice(0, 8),
    16,
  );
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What happens to each amount of compensation a stage's response offered (remedy ids are
 * `<stage>.<n>`, in the order the response gave them), as steps with the days they are taken.
 */
export function settleCompensation(
  random: Random,
  stage: 1 | 2,
  remedies: readonly Remedy[],
  respondedOn: LocalDate,
  workingDay: (from: LocalDate, days: number) => LocalDate,
): PlannedStep[] {
  const within = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[within(0, items.length - 1)] as T;
  const steps: PlannedStep[] = [];
  remedies.forEach((remedy, index) => {
    if (remedy.kind !== 'financial-compensation' || remedy.amountPence == null) return;
    const remedyId = `${stage}.${index + 1}`;
    const answeredOn = workingDay(respondedOn, within(1, 3));
    if (random() < 0.15) {
      steps.push({
        on: answeredOn,
        command: {
          type: 'answer-remedy',
          remedyId,
          answer: 'declined',
          note: pick(DECLINED_NOTES),
        },
      });
      return;
    }
    if (random() < 0.5) {
      steps.push({
        on: answeredOn,
        command: {
          type: 'answer-remedy',
          remedyId,
          answer: 'accepted',
          note: pick(ACCEPTED_NOTES),
        },
      });
    }
    // A few working days after the response; one in eight waits on a slow payment run.
    const paidOn = workingDay(respondedOn, random() < 0.875 ? within(3, 6) : within(15, 30));
    steps.push({
      on: paidOn,
      command: { type: 'pay-remedy', remedyId, amountPence: remedy.amountPence, paidOn },
    });
  });
  return steps;
}
