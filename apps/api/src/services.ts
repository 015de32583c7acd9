import type { BankHolidaysData } from '@redress/domain';
import type { DataSource } from 'typeorm';
import type { Clock } from './clock.js';
import { ComplaintService } from './complaints/complaint.service.js';
import type { PgPubSub } from './database/pg-pubsub.js';
import { FeedbackService } from './feedback/feedback.service.js';
import { PolicyService } from './policies/policy.service.js';

/** The application's use cases: what resolvers, jobs and the demo data call. */
export interface Services {
  readonly complaints: ComplaintService;
  readonly policies: PolicyService;
  readonly feedback: FeedbackService;
}

export interface ServicesOptions {
  readonly clock: Clock;
  readonly pubsub: PgPubSub;
  /** A newer bank-holidays.json than the shipped one. */
  readonly holidays?: BankHolidaysData;
  readonly log?: (message: string, error?: unknown) => void;
  /** How many events a subscriber may have waiting before it is ended (default 1,000). */
  readonly maxSubscriberBacklog?: number;
}

export function createServices(dataSource: DataSource, options: ServicesOptions): Services {
  const complaints = new ComplaintService(dataSource, options);
  return {
    complaints,
    policies: new PolicyService(dataSource),
    feedback: new FeedbackService(dataSource, { clock: options.clock, complaints }),
  };
}
