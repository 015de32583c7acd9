import type { DataSource } from 'typeorm';
import {
  policyVersionCacheFor,
  type PolicyVersionCache,
} from '../policies/policy-version.repository.js';
import { ComplaintEventRepository } from './complaint-event.repository.js';
import { ComplaintQueryRepository } from './complaint-query.repository.js';
import { ComplaintWriteRepository } from './complaint-write.repository.js';

// The complaints' storage in three parts over one policy cache: the event store (events,
// placements, reference numbers), the reads of the read model (cases, pages, counts) and the
// write path (events, read model and deadline rows in one statement). What a row holds is the
// pure projection's (complaint-projection.ts). Only these files write SQL about complaints.

export type { StoredEvent, PlacedEvent, NewEvent } from './complaint-event.repository.js';
export type {
  ComplaintSummary,
  ComplaintRow,
  ComplaintPageRow,
  ComplaintFilter,
  ComplaintOrderField,
  ComplaintOrder,
  PageRequest,
  PageRows,
  ComplaintForWrite,
} from './complaint-query.types.js';
export type { WriteBatch } from './complaint-write.repository.js';
export { SEARCH_DOCUMENT, scopeCondition, prefixQuery } from './complaint-where.js';
export { summaryOf } from './complaint-projection.js';
export { isUuid } from '../shared/uuid.js';

/** The three parts, and their methods as the service and the demo data call them. */
export class ComplaintRepository {
  readonly events: ComplaintEventRepository;
  readonly queries: ComplaintQueryRepository;
  readonly writes: ComplaintWriteRepository;

  readonly findById: ComplaintQueryRepository['findById'];
  readonly findByReference: ComplaintQueryRepository['findByReference'];
  readonly findForWrite: ComplaintQueryRepository['findForWrite'];
  readonly findPage: ComplaintQueryRepository['findPage'];
  readonly countUpTo: ComplaintQueryRepository['countUpTo'];
  readonly countAll: ComplaintQueryRepository['countAll'];
  readonly startLog: ComplaintEventRepository['startLog'];
  readonly reserveReferenceNumbers: ComplaintEventRepository['reserveReferenceNumbers'];
  readonly findEventsByComplaintIds: ComplaintEventRepository['findEventsByComplaintIds'];
  readonly findEvents: ComplaintEventRepository['findEvents'];
  readonly findPlacements: ComplaintEventRepository['findPlacements'];
  readonly write: ComplaintWriteRepository['write'];
  readonly checkPoliciesStored: ComplaintWriteRepository['checkPoliciesStored'];

  constructor(
    dataSource: DataSource,
    policies: PolicyVersionCache = policyVersionCacheFor(dataSource),
  ) {
    const events = (this.events = new ComplaintEventRepository(dataSource, policies));
    const queries = (this.queries = new ComplaintQueryRepository(dataSource, policies));
    const writes = (this.writes = new ComplaintWriteRepository(dataSource, policies));
    this.findById = queries.findById.bind(queries);
    this.findByReference = queries.findByReference.bind(queries);
    this.findForWrite = queries.findForWrite.bind(queries);
    this.findPage = queries.findPage.bind(queries);
    this.countUpTo = queries.countUpTo.bind(queries);
    this.countAll = queries.countAll.bind(queries);
    this.startLog = events.startLog.bind(events);
    this.reserveReferenceNumbers = events.reserveReferenceNumbers.bind(events);
    this.findEventsByComplaintIds = events.findEventsByComplaintIds.bind(events);
    this.findEvents = events.findEvents.bind(events);
    this.findPlacements = events.findPlacements.bind(events);
    this.write = writes.write.bind(writes);
    this.checkPoliciesStored = writes.checkPoliciesStored.bind(writes);
  }
}
