// The alert a deadline raises for the people working it, from its state today: due soon (within
// the policy's warning days), due today, or overdue. Pending, met and missed raise none: a missed
// deadline is one whose step was done late or whose case ended, and nothing more can be done.
import type { DeadlineStatus } from './deadline.types.js';

export type AlertLevel = 'due-soon' | 'due-today' | 'overdue';

export function alertLevel(status: DeadlineStatus): AlertLevel | null {
  switch (status.state) {
    case 'due-soon':
    case 'due-today':
    case 'overdue':
      return status.state;
    default:
      return null;
  }
}
