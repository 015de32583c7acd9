import { localDateOf, type BankHolidaysData } from '@redress/domain';
import { AttachmentRepository } from './attachments/attachment.repository.js';
import { AttachmentService } from './attachments/attachment.service.js';
import { NO_ATTACHMENT_STORAGE, type AttachmentStorage } from './attachments/attachment-storage.js';
import { ApiKeyRepository } from './api-keys/api-key.repository.js';
import { ApiKeyService } from './api-keys/api-key.service.js';
import { SecurityLogRepository } from './audit/security-log.repository.js';
import { SecurityLog } from './audit/security-log.service.js';
import { AccessTokens } from './auth/access-tokens.js';
import { AuthService, type SignInThrottle } from './auth/auth.service.js';
import { CredentialCache } from './auth/session-cache.js';
import { OidcService } from './auth/oidc.service.js';
import type { OidcSettings } from './auth/oidc-settings.js';
import { OidcSignInRepository } from './auth/oidc-sign-in.repository.js';
import { SessionRepository } from './auth/session.repository.js';
import { SigningKeyRepository } from './auth/signing-key.repository.js';
import type { Clock } from './clock.js';
import { ComplaintService, DEFAULT_POLICY_ID } from './complaints/complaint.service.js';
import type { PgPubSub } from './database/pg-pubsub.js';
import { transactionsOf, type Connection, type Transactions } from './database/transactions.js';
import { DeadlineAlertRepository } from './deadlines/deadline-alert.repository.js';
import { ComplaintRepository } from './complaints/complaint.repository.js';
import { FeedbackRepository } from './feedback/feedback.repository.js';
import { PolicyRepository } from './policies/policy.repository.js';
import { FeedbackService } from './feedback/feedback.service.js';
import { CaseNoteRepository } from './notes/case-note.repository.js';
import { CaseNoteService } from './notes/case-note.service.js';
import { IdempotencyKeyRepository } from './idempotency/idempotency-key.repository.js';
import { IdempotencyKeys } from './idempotency/idempotency-keys.js';
import { PolicyService } from './policies/policy.service.js';
import { UserRepository } from './users/user.repository.js';
import { UserService } from './users/user.service.js';
import { LimitedSignIns } from './auth/sign-in-throttle.js';
import { HomesRepository } from './metrics/homes.repository.js';
import { HomesService } from './metrics/homes.service.js';
import { ImprovementRepository } from './metrics/improvement.repository.js';
import { ImprovementService } from './metrics/improvement.service.js';
import { SurveyRepository } from './metrics/survey.repository.js';
import { SurveyService } from './metrics/survey.service.js';
import { MeasureCasesRepository } from './metrics/measure-cases.repository.js';
import { MeasuresRepository } from './metrics/measures.repository.js';
import { MeasuresService } from './metrics/measures.service.js';
import { surveyAnswersOf } from './metrics/survey.repository.js';
import { AnnualReportRepository } from './reports/annual-report.repository.js';
import { AnnualReportService } from './reports/annual-report.service.js';
import { annualReportSources } from './reports/annual-report.sources.js';
import { RateLimitRepository } from './limits/rate-limit.repository.js';
import { ReviewPanelRepository } from './review-panel/review-panel.repository.js';
import { ReviewPanelService } from './review-panel/review-panel.service.js';
import { ReadModelService } from './read-model/read-model.service.js';
import type { RateLimitSettings } from './limits/rate-limit-settings.js';
import { RequestRateLimits } from './limits/rate-limits.js';
import { LetterRepository } from './letters/letter.repository.js';
import { LetterSender } from './letters/letter-sender.js';
import { LetterService } from './letters/letter.service.js';
import { AnonymisationRepository } from './erasure/anonymisation.repository.js';
import { AnonymisationService } from './erasure/anonymisation.service.js';
import { RecordsRepository } from './records/records.repository.js';
import { RecordsService } from './records/records.service.js';
import type { MailSettings } from './mail/mail-settings.js';
import { smtpMailer } from './mail/mailer.js';

/** The application's use cases: what resolvers, jobs and the demo data call. */
export interface Services {
  readonly complaints: ComplaintService;
  readonly policies: PolicyService;
  readonly feedback: FeedbackService;
  /** Internal case notes and the contact log. */
  readonly caseNotes: CaseNoteService;
  readonly auth: AuthService;
  readonly users: UserService;
  readonly apiKeys: ApiKeyService;
  readonly securityLog: SecurityLog;
  /** The measures' inputs: homes per year and tenure, survey responses, "You said, we did". */
  readonly homes: HomesService;
  readonly surveys: SurveyService;
  readonly improvements: ImprovementService;
  /** The stage 2 review panel: residents who review with a manager (seed 004). */
  readonly reviewPanel: ReviewPanelService;
  /** The figures: TSM, the Code's measures, their breakdowns and the cases behind them. */
  readonly measures: MeasuresService;
  /** The annual complaints performance and service improvement report. */
  readonly annualReports: AnnualReportService;
  /** Files on a case: photos, documents, the resident's own letters. */
  readonly attachments: AttachmentService;
  /** The read model made again from the events (`pnpm read-model:rebuild`). */
  readonly readModel: ReadModelService;
  /** Residents anonymised: on request (erasure), or past the retention period. */
  readonly anonymisation: AnonymisationService;
  /** Letters to residents: previewed, issued, delivered. */
  readonly letters: LetterService;
  /** A resident's records as a whole: the Ombudsman's case file and subject access. */
  readonly records: RecordsService;
  /** Emails queued letters; started by main.ts, run by hand in tests. */
  readonly letterSender: LetterSender;
  /** The deadline rows' alerts, for the deadline watcher. */
  readonly deadlineAlerts: DeadlineAlertRepository;
  /** Units of work over the one connection. */
  readonly transactions: Transactions;
  /** Sign-in through the landlord's identity provider, when one is configured. */
  readonly oidc?: OidcService | undefined;
  /** Requests and writes per caller, when rate limits are on (`rateLimits`). */
  readonly requestLimits?: RequestRateLimits;
}

export interface ServicesOptions {
  readonly clock: Clock;
  /**
   * Where reports and exports read (the measures, the annual report): a read replica's
   * connection (DATABASE_REPLICA_URL); absent: the main connection.
   */
  readonly reads?: Connection;
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
  /** Rate limits (docs/operations.md); absent: none, and sign-ins by `signInThrottle` only. */
  readonly rateLimits?: RateLimitSettings;
  /** The identity provider people sign in through, if any (REDRESS_OIDC_*). */
  readonly oidc?: OidcSettings | undefined;
  /**
   * How long a verified credential's principal is kept before it is read again, the bound on a
   * revocation missed by another instance (default 5 s; 0 keeps nothing).
   */
  readonly credentialTtlMs?: number;
  /** The SMTP server letters are emailed through; absent: letters are posted only. */
  readonly mail?: MailSettings | undefined;
  /**
   * Where attachments' bytes are kept (REDRESS_ATTACHMENTS_DIR in main.ts); absent: none, and
   * every upload and download fails (tools and tests that attach nothing).
   */
  readonly attachmentStorage?: AttachmentStorage;
}

/**
 * The composition root: every repository and service is made here, once, over one connection;
 * the deadline watcher, the demo data and every request use these same services.
 */
export function createServices(dataSource: Connection, options: ServicesOptions): Services {
  const { clock } = options;
  const authClock = options.authClock ?? clock;
  const transactions = transactionsOf(dataSource);
  const idempotency = new IdempotencyKeys({
    repository: new IdempotencyKeyRepository(dataSource),
    transactions,
    clock,
    ...(options.log ? { log: options.log } : {}),
  });
  const complaintRepository = new ComplaintRepository(dataSource);
  const complaints = new ComplaintService(complaintRepository, transactions, {
    ...options,
    idempotency,
  });
  const userRepository = new UserRepository(dataSource);
  const sessions = new SessionRepository(dataSource);
  const apiKeyRepository = new ApiKeyRepository(dataSource);
  const securityLog = new SecurityLog(new SecurityLogRepository(dataSource), authClock);
  const tokens = new AccessTokens(new SigningKeyRepository(dataSource), options.signingKey);
  const limitStore = options.rateLimits ? new RateLimitRepository(dataSource) : undefined;
  const throttle =
    options.signInThrottle ??
    (limitStore && options.rateLimits
      ? new LimitedSignIns(limitStore, options.rateLimits)
      : undefined);
  // Principals of recently verified credentials; revocations reach every instance by NOTIFY.
  const credentials = new CredentialCache({
    ...(options.credentialTtlMs !== undefined ? { ttlMs: options.credentialTtlMs } : {}),
    announce: async (target) => {
      await dataSource.query('SELECT pg_notify($1, $2)', [
        options.pubsub.channelOf('AUTH_INVALIDATION'),
        JSON.stringify(target),
      ]);
    },
    ...(options.log ? { log: options.log } : {}),
  });
  options.pubsub.onPayload('AUTH_INVALIDATION', (payload) => credentials.received(payload));
  options.pubsub.onGap(() => credentials.clear());
  const auth = new AuthService({
    credentials,
    users: userRepository,
    sessions,
    apiKeys: apiKeyRepository,
    tokens,
    log: securityLog,
    clock: authClock,
    ...(throttle ? { throttle } : {}),
  });
  const users = new UserService(userRepository, sessions, securityLog, authClock, auth);
  const reads = options.reads ?? dataSource;
  const measures = measuresServiceOf(dataSource, reads, clock);
  const improvements = new ImprovementService(new ImprovementRepository(dataSource), clock);
  const annualReports = new AnnualReportService(
    new AnnualReportRepository(reads),
    annualReportSources({
      measures,
      // The report's "You said, we did" read where the rest of it does.
      improvements: new ImprovementService(new ImprovementRepository(reads), clock),
      policies: new PolicyRepository(reads),
      defaultPolicyId: DEFAULT_POLICY_ID,
    }),
    clock,
  );
  const letterRepository = new LetterRepository(dataSource);
  const letters = new LetterService(letterRepository, complaints, {
    clock,
    ...(options.holidays ? { holidays: options.holidays } : {}),
    ...(options.mail ? { mail: options.mail } : {}),
  });
  const letterSender = new LetterSender({
    letters: letterRepository,
    clock,
    ...(options.mail ? { mailer: smtpMailer(options.mail) } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const storage = options.attachmentStorage ?? NO_ATTACHMENT_STORAGE;
  const attachments = new AttachmentService({
    repository: new AttachmentRepository(dataSource),
    storage,
    transactions,
    placements: (ids) => complaintRepository.findPlacements(ids),
    securityLog,
    clock,
    ...(options.log ? { log: options.log } : {}),
  });
  const readModel = new ReadModelService(complaintRepository, transactions, {
    ...(options.holidays ? { holidays: options.holidays } : {}),
  });
  const residents = new RecordsRepository(dataSource);
  const anonymisation = new AnonymisationService({
    repository: new AnonymisationRepository(dataSource),
    residents,
    events: complaintRepository.events,
    readModel,
    transactions,
    storage,
    securityLog,
    clock,
    ...(options.log ? { log: options.log } : {}),
  });
  const caseNotes = new CaseNoteService(new CaseNoteRepository(dataSource), transactions, {
    clock,
    idempotency,
    placements: (ids) => complaintRepository.findPlacements(ids),
  });
  return {
    complaints,
    letters,
    letterSender,
    attachments,
    readModel,
    anonymisation,
    deadlineAlerts: new DeadlineAlertRepository(dataSource),
    transactions,
    policies: new PolicyService(new PolicyRepository(dataSource), transactions),
    feedback: new FeedbackService(new FeedbackRepository(dataSource), transactions, {
      clock,
      complaints,
      idempotency,
    }),
    caseNotes,
    records: new RecordsService({
      repository: residents,
      complaints,
      letters,
      caseNotes,
      attachments,
      attachmentStorage: storage,
      securityLog,
      clock,
    }),
    auth,
    users,
    apiKeys: new ApiKeyService(apiKeyRepository, securityLog, authClock, auth),
    homes: new HomesService(new HomesRepository(dataSource), transactions, securityLog, clock),
    surveys: new SurveyService(new SurveyRepository(dataSource), transactions, clock),
    improvements,
    reviewPanel: new ReviewPanelService(new ReviewPanelRepository(dataSource), transactions, clock),
    measures,
    annualReports,
    securityLog,
    oidc: options.oidc
      ? new OidcService({
          settings: options.oidc,
          pending: new OidcSignInRepository(dataSource),
          users: userRepository,
          userService: users,
          auth,
          log: securityLog,
          clock: authClock,
        })
      : undefined,
    ...(limitStore && options.rateLimits
      ? { requestLimits: new RequestRateLimits(limitStore, options.rateLimits) }
      : {}),
  };
}

/** The measures read from `reads` (a replica's connection, when there is one). */
function measuresServiceOf(
  dataSource: Connection,
  reads: Connection,
  clock: Clock,
): MeasuresService {
  // The London date the figures are asked on: an open action or an unmade acknowledgement is
  // late once past the day the domain stored for it.
  const today = () => localDateOf(clock.now());
  const homes = new HomesRepository(dataSource);
  const surveys = new SurveyRepository(dataSource);
  const policies = new PolicyRepository(reads);
  return new MeasuresService({
    measures: new MeasuresRepository(reads, today),
    cases: new MeasureCasesRepository(reads, today),
    inputs: {
      homesFor: (year, tenure) => homes.homesFor(reads, year, tenure ?? null),
      surveyRowsFor: async (year, tenure) =>
        surveyAnswersOf(await surveys.surveyRowsFor(reads, year, tenure ?? null)),
    },
    policy: (id) => policies.findCurrent(id),
    defaultPolicyId: DEFAULT_POLICY_ID,
  });
}
