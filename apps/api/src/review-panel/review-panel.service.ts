import { randomUUID } from 'node:crypto';
import { localDateOf, type LocalDate } from '@redress/domain';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Clock } from '../clock.js';
import type { Transactions } from '../database/transactions.js';
import { BadUserInputError, NotFoundError } from '../errors/app-errors.js';
import type { ReviewPanelMemberRecord, ReviewPanelRepository } from './review-panel.repository.js';

export type { ReviewPanelMemberRecord } from './review-panel.repository.js';

const MAX_NAME = 200;
const MAX_ADDRESS = 500;
const MAX_POSTCODE = 10;
const MAX_CONFLICTS = 2_000;

export interface ReviewPanelMemberInput {
  readonly name: string;
  readonly addressLines: string;
  readonly postcode?: string | null;
  readonly consentGivenOn?: LocalDate | null;
  readonly conflictsDeclared?: string | null;
}

/** A change to a member: each field given is set (null clears it), each left out is kept. */
export interface ReviewPanelMemberChanges {
  readonly name?: string;
  readonly addressLines?: string;
  readonly postcode?: string | null;
  readonly consentGivenOn?: LocalDate | null;
  readonly consentWithdrawnOn?: LocalDate | null;
  readonly conflictsDeclared?: string | null;
}

/**
 * The landlord's stage 2 review panel (seed 004): residents who review with a manager. Kept by
 * whoever holds `panel:manage`; read by staff (`users:read`, as the users are), to choose reviewers. Whether a
 * member may review a case is the domain's rule, asked when the reviewers are recorded.
 */
export class ReviewPanelService {
  constructor(
    private readonly repository: ReviewPanelRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async list(by: Principal, available: boolean | null): Promise<ReviewPanelMemberRecord[]> {
    requirePermission(by, 'users:read');
    return this.repository.list(available);
  }

  /** For the step that records reviewers, which has checked its caller already. */
  async getMany(ids: readonly string[]): Promise<ReviewPanelMemberRecord[]> {
    return this.repository.findByIds(ids);
  }

  async add(by: Principal, input: ReviewPanelMemberInput): Promise<ReviewPanelMemberRecord> {
    requirePermission(by, 'panel:manage');
    const now = this.clock.now();
    const record = checked(
      {
        id: randomUUID(),
        name: input.name,
        addressLines: input.addressLines,
        postcode: input.postcode ?? null,
        consentGivenOn: input.consentGivenOn ?? null,
        consentWithdrawnOn: null,
        conflictsDeclared: input.conflictsDeclared ?? null,
        createdAt: now,
        updatedAt: now,
      },
      localDateOf(now),
    );
    await this.repository.insert(record);
    return record;
  }

  async update(
    by: Principal,
    id: string,
    changes: ReviewPanelMemberChanges,
  ): Promise<ReviewPanelMemberRecord> {
    requirePermission(by, 'panel:manage');
    return this.transactions.run(async (tx) => {
      const found = await this.repository.findForUpdate(tx, id);
      if (!found) throw new NotFoundError('panel-member', id);
      const now = this.clock.now();
      const defined = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined),
      ) as ReviewPanelMemberChanges;
      const record = checked({ ...found, ...defined, updatedAt: now }, localDateOf(now));
      await this.repository.update(tx, record);
      return record;
    });
  }
}

function checked(record: ReviewPanelMemberRecord, today: LocalDate): ReviewPanelMemberRecord {
  const given = record.consentGivenOn;
  const withdrawn = record.consentWithdrawnOn;
  for (const [field, date] of [
    ['consentGivenOn', given],
    ['consentWithdrawnOn', withdrawn],
  ] as const) {
    if (date !== null && date > today) {
      throw new BadUserInputError(
        `${field} is after today: record consent once it is given.`,
        field,
      );
    }
  }
  if (withdrawn !== null && (given === null || withdrawn < given)) {
    throw new BadUserInputError(
      'consentWithdrawnOn must be on or after the day consent was given.',
      'consentWithdrawnOn',
    );
  }
  return {
    ...record,
    name: text(record.name, 'name', MAX_NAME),
    addressLines: text(record.addressLines, 'addressLines', MAX_ADDRESS),
    postcode: optional(record.postcode, 'postcode', MAX_POSTCODE)?.toUpperCase() ?? null,
    conflictsDeclared: optional(record.conflictsDeclared, 'conflictsDeclared', MAX_CONFLICTS),
  };
}

function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > max) {
    throw new BadUserInputError(
      `${field} must say something, in at most ${max} characters.`,
      field,
    );
  }
  return trimmed;
}

function optional(value: string | null, field: string, max: number): string | null {
  if (value === null || value.trim() === '') return null;
  return text(value, field, max);
}
