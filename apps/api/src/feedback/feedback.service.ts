import { randomUUID } from 'node:crypto';
import {
  convertServiceRequest,
  recordFeedback,
  type FeedbackRecord,
  type FeedbackRefusal,
  type RecordFeedbackInput,
} from '@redress/domain';
import type { Transaction, Transactions } from '../database/transactions.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Clock } from '../clock.js';
import type {
  ComplaintRecord,
  ComplaintService,
  LogComplaintInput,
} from '../complaints/complaint.service.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors/app-errors.js';
import type { IdempotencyKeys } from '../idempotency/idempotency-keys.js';
import { COUNT_BOUND } from '../shared/connection.js';
import { pageOf, type Page, type PageRequest } from '../shared/page.js';
import type { FeedbackFilter, FeedbackOrder, FeedbackRepository } from './feedback.repository.js';

export type { FeedbackFilter, FeedbackOrder } from './feedback.repository.js';

export interface FeedbackServiceOptions {
  readonly clock: Clock;
  readonly complaints: ComplaintService;
  readonly idempotency: IdempotencyKeys;
}

export class FeedbackService {
  constructor(
    readonly repository: FeedbackRepository,
    private readonly transactions: Transactions,
    private readonly options: FeedbackServiceOptions,
  ) {}

  async record(
    input: Omit<RecordFeedbackInput, 'id'> & { readonly id?: string },
    opts: { readonly by: Principal; readonly idempotencyKey?: string },
  ): Promise<FeedbackRecord> {
    requirePermission(opts.by, 'feedback:write');
    const recorded = recordFeedback(
      { ...input, id: input.id ?? randomUUID() },
      { now: this.options.clock.now().toISOString() },
    );
    if (!recorded.ok) throw feedbackError(recorded.error);
    const save = (manager: Transaction) =>
      this.repository.save(manager, recorded.value, actorOf(opts.by));
    if (opts.idempotencyKey === undefined) {
      await this.transactions.run(save);
      return recorded.value;
    }
    return this.options.idempotency.once(
      { by: opts.by, key: opts.idempotencyKey, operation: 'recordFeedback', input },
      recorded.value.id,
      async (manager) => {
        await save(manager);
        return recorded.value;
      },
      (id) => this.recordedEarlier(id),
    );
  }

  /** What a keyed `record` stored, as it stands now, for a retry of it. */
  private async recordedEarlier(id: string): Promise<FeedbackRecord> {
    const found = await this.repository.findById(id);
    if (!found) throw new Error(`Feedback ${id}, made under an idempotency key, is not there.`);
    return found;
  }

  async findById(by: Principal, id: string): Promise<FeedbackRecord | null> {
    requirePermission(by, 'feedback:read');
    return this.repository.findById(id);
  }

  async list(
    by: Principal,
    filter: FeedbackFilter,
    order: FeedbackOrder,
    request: PageRequest,
  ): Promise<Page<FeedbackRecord>> {
    requirePermission(by, 'feedback:read');
    return pageOf(request, {
      cursorList: ['feedback', order.field, order.direction],
      read: (window) => this.repository.findPage(filter, order, window),
      count: () => this.repository.countUpTo(filter, COUNT_BOUND),
    });
  }

  /**
   * Logs a complaint about a service request the resident is unhappy with (Code 1.5), and links
   * the two, in one transaction: either both are recorded or neither.
   */
  async convertToComplaint(
    id: string,
    complaint: LogComplaintInput,
    opts: {
      readonly by: Principal;
      readonly at?: string;
      readonly policyId?: string;
      readonly idempotencyKey?: string;
    },
  ): Promise<ComplaintRecord> {
    requirePermission(opts.by, 'complaints:write');
    const convert = async (manager: Transaction, complaintId: string) => {
      const request = await this.repository.findById(id, manager, true);
      if (!request) throw new NotFoundError('feedback', id);
      const converted = convertServiceRequest(request, complaintId, {
        now: this.options.clock.now().toISOString(),
      });
      if (!converted.ok) throw feedbackError(converted.error);
      const record = await this.options.complaints.logWithin(
        manager,
        { ...complaint, serviceRequestId: request.id },
        { ...opts, complaintId },
      );
      await this.repository.save(manager, converted.value, actorOf(opts.by));
      return record;
    };
    if (opts.idempotencyKey === undefined) {
      return this.transactions.run((manager) => convert(manager, randomUUID()));
    }
    return this.options.idempotency.once(
      {
        by: opts.by,
        key: opts.idempotencyKey,
        operation: 'convertServiceRequest',
        input: { id, complaint, at: opts.at, policyId: opts.policyId },
      },
      randomUUID(),
      convert,
      (complaintId) => this.options.complaints.loggedEarlier(complaintId),
    );
  }
}

function feedbackError(refusal: FeedbackRefusal): Error {
  switch (refusal.code) {
    case 'SERVICE_REQUEST_ALREADY_CONVERTED':
      return new ConflictError(refusal.message);
    case 'NOT_A_SERVICE_REQUEST':
      return new BadUserInputError(refusal.message, 'id');
    case 'INVALID_FEEDBACK':
    case 'RECEIVED_IN_FUTURE':
    case 'CONVERSION_BEFORE_RECEIPT':
      return new BadUserInputError(refusal.message, refusal.field);
  }
}
