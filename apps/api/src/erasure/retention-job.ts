import { PeriodicTask } from '../shared/periodic-task.js';
import type { AnonymisationService } from './anonymisation.service.js';

/** How often the job looks for residents past the retention period: a day's lateness at most. */
export const RETENTION_INTERVAL_MS = 6 * 60 * 60_000;

/**
 * Anonymises residents whose latest case ended more than the retention period ago, on a
 * schedule. Safe to run on every instance: a resident's cases are locked while anonymised, and
 * a resident already done is not found again.
 */
export class RetentionJob {
  private readonly task: PeriodicTask;

  constructor(
    anonymisation: AnonymisationService,
    years: number,
    log: (message: string, error: unknown) => void,
  ) {
    this.task = new PeriodicTask(
      () => anonymisation.anonymisePastRetention(years),
      (error) => log('The retention job failed a run', error),
    );
  }

  start(intervalMs = RETENTION_INTERVAL_MS): void {
    this.task.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }
}
