// A stage's response and what follows it: the outcome and remedies, the actions agreed and
// completed, and the compensation paid or declined, in date order (Code 6.6, 7.3).
import {
  localDateOf,
  type Actor,
  type ComplaintCommand,
  type LocalDate,
  type Outcome,
  type RefusalReason,
  type Remedy,
} from '@redress/domain';
import type { DemoCategory } from './demo-category.js';
import { atHour, between, pick, weighted, type Random } from './demo-random.js';
import { settleCompensation } from './demo-remedies.js';

export function respondWithActions(
  random: Random,
  settle: Random,
  step: (command: ComplaintCommand, at: Date, actor: Actor) => Date | null,
  actor: Actor,
  plannedOn: LocalDate,
  category: DemoCategory,
  stage: 1 | 2,
  workingDay: (from: LocalDate, days: number) => LocalDate,
): { respondedOn: LocalDate; doneOn: LocalDate } | null {
  const outcome: Outcome = weighted(random, [
    ['upheld', 35],
    ['partly-upheld', 35],
    ['not-upheld', 30],
  ] as const);
  const remedies: Remedy[] =
    outcome === 'not-upheld'
      ? [{ kind: 'explanation', description: 'What we did and why.' }]
      : [
          { kind: 'apology', description: 'We are sorry for the delay and the upset caused.' },
          ...(random() < 0.4
            ? [
                {
                  kind: 'financial-compensation' as const,
                  description: 'Compensation for time and trouble',
                  amountPence: between(random, 5, 60) * 1000,
                },
              ]
            : []),
        ];
  const responded = step(
    { type: 'respond', outcome, findings: pick(random, category.outcomes), remedies },
    atHour(plannedOn, between(random, 9, 16), between(random, 0, 59)),
    actor,
  );
  if (!responded) return null;
  // The response may have landed later than planned (after a late step before it).
  const respondOn = localDateOf(responded);
  let doneOn = respondOn;
  const followThrough: { at: Date; command: ComplaintCommand }[] = [];
  if (outcome !== 'not-upheld') {
    // Agreed together with the response, then completed one by one, in date order.
    const planned = Array.from({ length: between(random, 1, 2) }, (_, i) => {
      const dueOn = workingDay(respondOn, between(random, 5, 20));
      const completedOn =
        random() < 0.85
          ? workingDay(dueOn, -between(random, 0, 4))
          : workingDay(dueOn, between(random, 1, 10));
      return { id: `s${stage}-a${i + 1}`, dueOn, completedOn };
    });
    for (const [i, action] of planned.entries()) {
      const agreed = step(
        {
          type: 'agree-action',
          actionId: action.id,
          description: pick(random, category.actions),
          owner: category.owner,
          dueOn: action.dueOn,
          remedy: 'action-on-delay',
        },
        atHour(respondOn, 16, 30 + i),
        actor,
      );
      if (!agreed) return { respondedOn: respondOn, doneOn };
    }
    followThrough.push(
      ...planned.map((action, i) => ({
        at: atHour(action.completedOn, 14, i),
        command: {
          type: 'complete-action',
          actionId: action.id,
          note: 'Done and checked with the resident',
        } satisfies ComplaintCommand,
      })),
    );
  }
  // Answers in the morning, payments at midday, work signed off in the afternoon.
  followThrough.push(
    ...settleCompensation(settle, stage, remedies, respondOn, workingDay).map((s, i) => ({
      at: atHour(s.on, s.command.type === 'answer-remedy' ? 10 : 12, i),
      command: s.command,
    })),
  );
  followThrough.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const { at, command } of followThrough) {
    const taken = step(command, at, actor);
    if (!taken) return { respondedOn: respondOn, doneOn };
    doneOn = localDateOf(taken);
  }
  return { respondedOn: respondOn, doneOn };
}

export function refusalExplanation(reason: RefusalReason): string {
  switch (reason) {
    case 'over-12-months-old':
      return 'The matter happened more than 12 months before you raised it.';
    case 'legal-proceedings':
      return 'Legal proceedings about this have started.';
    case 'already-considered':
      return 'We considered this complaint before and gave our final response.';
    case 'third-party-service':
      return 'This is about a service another organisation provides.';
    case 'separate-policy':
      return 'Our anti-social behaviour policy covers this.';
  }
}
