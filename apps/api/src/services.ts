import type { BankHolidaysData } from '@redress/domain';
import type { DataSource } from 'typeorm';
import { ApiKeyRepository } from './api-keys/api-key.repository.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import { SecurityLogRepository } from './audit/security-log.repository.js';
import { SecurityLog } from './audit/security-log.service.js';
import { AccessTokens } from './auth/access-tokens.js';
import { AuthService, type SignInThrottle } from './auth/auth.service.js';
import { SessionRepository } from './auth/session.repository.js';
import { SigningKeyRepository } from './auth/signing-key.repository.js';
import type { Clock } from './clock.js';
import { ComplaintService } from './complaints/complaint.service.js';
import type { PgPubSub } from './database/pg-pubsub.js';
import { FeedbackService } from './feedback/feedback.service.js';
import { PolicyService } from './policies/policy.service.js';
import { UserRepository } from './users/user.repository.js';
import { UserService } from './users/user.service.js';

/** The application's use cases: what resolvers, jobs and the demo data call. */
export interface Services {
  readonly complaints: ComplaintService;
  readonly policies: PolicyService;
  readonly feedback: FeedbackService;
  readonly auth: AuthService;
  readonly users: UserService;
  readonly apiKeys: ApiKeyService;
  readonly securityLog: SecurityLog;
}

export interface ServicesOptions {
  readonly clock: Clock;
  readonly pubsub: PgPubSub;
  /** A newer bank-holidays.json than the shipped one. */
  readonly holidays?: BankHolidaysData;
  readonly log?: (message: string, error?: unknown) => void;
  /** How many events a subscriber may have waiting before it is ended (default 1,000). */
  readonly maxSubscriberBacklog?: number;
  /** A PKCS#8 PEM Ed25519 key that signs access tokens; absent: one generated and stored. */
  readonly signingKey?: string;
  /**
   * The clock sessions and tokens expire by, when it is not the business clock: tests and
   * replays move the business clock by days, while a session lasts hours of real time.
   */
  readonly authClock?: Clock;
  /** Limits sign-in attempts per account and per address. */
  readonly signInThrottle?: SignInThrottle;
}

/** The composition root: every repository and service is made here, once. */
export function createServices(dataSource: DataSource, options: ServicesOptions): Services {
  const { clock } = options;
  const authClock = options.authClock ?? clock;
  const complaints = new ComplaintService(dataSource, options);
  const userRepository = new UserRepository(dataSource);
  const sessions = new SessionRepository(dataSource);
  const apiKeyRepository = new ApiKeyRepository(dataSource);
  const securityLog = new SecurityLog(new SecurityLogRepository(dataSource), authClock);
  const tokens = new AccessTokens(new SigningKeyRepository(dataSource), options.signingKey);
  return {
    complaints,
    policies: new PolicyService(dataSource),
    feedback: new FeedbackService(dataSource, { clock, complaints }),
    auth: new AuthService({
      users: userRepository,
      sessions,
      apiKeys: apiKeyRepository,
      tokens,
      log: securityLog,
      clock: authClock,
      ...(options.signInThrottle ? { throttle: options.signInThrottle } : {}),
    }),
    users: new UserService(userRepository, sessions, securityLog, authClock),
    apiKeys: new ApiKeyService(apiKeyRepository, securityLog, authClock),
    securityLog,
  };
}
