import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Clock } from '../clock.js';
import { REFERENCE } from '../complaints/complaint-write-checks.js';
import { BadUserInputError } from '../errors/app-errors.js';
import { recordedByOf } from './homes.service.js';
import type { ImprovementRecord, ImprovementRepository } from './improvement.repository.js';
import { checkReportingYear } from './measure-enums.type.js';

export type { ImprovementRecord } from './improvement.repository.js';

export const MAX_IMPROVEMENT_TEXT = 2_000;
export const MAX_CATEGORY_LENGTH = 100;
export const MAX_COMPLAINT_REFERENCES = 50;

export interface ImprovementInput {
  readonly year: number;
  readonly youSaid: string;
  readonly weDid: string;
  readonly category?: string | null;
  readonly complaintReferences?: readonly string[] | null;
}

/** "You said, we did": what residents told the landlord, and what it changed. */
export class ImprovementService {
  constructor(
    readonly repository: ImprovementRepository,
    private readonly clock: Clock,
  ) {}

  async record(by: Principal, input: ImprovementInput): Promise<ImprovementRecord> {
    requirePermission(by, 'improvements:write');
    checkReportingYear(input.year, 'input.year');
    const record: ImprovementRecord = {
      id: randomUUID(),
      year: input.year,
      youSaid: text(input.youSaid, 'youSaid'),
      weDid: text(input.weDid, 'weDid'),
      category: category(input.category ?? null),
      complaintReferences: references(input.complaintReferences ?? []),
      recordedAt: this.clock.now(),
      recordedBy: recordedByOf(by),
    };
    await this.repository.insert(record);
    return record;
  }

  /** A reporting year's entries, in the order they were recorded. */
  async list(by: Principal, year: number): Promise<ImprovementRecord[]> {
    requirePermission(by, 'measures:read');
    checkReportingYear(year);
    return this.repository.findByYear(year);
  }
}

function text(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_IMPROVEMENT_TEXT) {
    throw new BadUserInputError(
      `${field} must say something, in at most ${MAX_IMPROVEMENT_TEXT.toLocaleString('en-GB')} characters.`,
      `input.${field}`,
    );
  }
  return trimmed;
}

function category(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed.length > MAX_CATEGORY_LENGTH) {
    throw new BadUserInputError(
      `category must be at most ${MAX_CATEGORY_LENGTH} characters.`,
      'input.category',
    );
  }
  return trimmed === '' ? null : trimmed;
}

function references(values: readonly string[]): string[] {
  if (values.length > MAX_COMPLAINT_REFERENCES) {
    throw new BadUserInputError(
      `At most ${MAX_COMPLAINT_REFERENCES} complaint references an entry.`,
      'input.complaintReferences',
    );
  }
  const found = values.map((value, index) => {
    const reference = value.trim().toUpperCase();
    if (!REFERENCE.test(reference)) {
      throw new BadUserInputError(
        `complaintReferences[${index}]: ${JSON.stringify(value.slice(0, 40))} is not a complaint reference (e.g. CMP-2026-000123).`,
        `input.complaintReferences[${index}]`,
      );
    }
    return reference;
  });
  return [...new Set(found)];
}
