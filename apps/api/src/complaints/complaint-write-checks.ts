// The checks a complaint write makes before it asks the domain (versions, instants, filters,
// who may assign), and the mapping of the domain's refusals to the API's errors.
import {
  localDateOf,
  type ComplaintRefusal,
  type ComplaintState,
  type Policy,
} from '@redress/domain';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  PolicyRefusedError,
} from '../errors/app-errors.js';
import type { ComplaintFilter, ComplaintForWrite, ComplaintOrder } from './complaint.repository.js';
import type { ComplaintStepCommand } from './complaint.service.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Anyone who may take steps may take a case for themselves; assigning it to someone else (or
 * to a team) is a manager's.
 */
export function checkAssignment(
  by: Principal,
  command: Extract<ComplaintStepCommand, { type: 'assign' }>,
) {
  const forSelf =
    by.kind === 'user' && command.handlerId === by.id && (command.teamId ?? null) === null;
  requirePermission(by, forSelf ? 'complaints:assign:self' : 'complaints:assign');
}

/**
 * The case's policy as it stands now (a later version, if one was made): it is copied into the
 * event that starts stage 2. A stage already begun keeps its own version.
 */
export function policyOf(found: ComplaintForWrite): Policy {
  const { state } = found;
  const policy = found.currentPolicy ?? state.stages[state.stage - 1]?.policy;
  if (!policy) throw new NotFoundError('policy', state.reference);
  return policy;
}

export function checkVersion(expectedVersion: number | undefined): void {
  if (
    expectedVersion !== undefined &&
    (!Number.isInteger(expectedVersion) || expectedVersion < 1)
  ) {
    throw new BadUserInputError(
      'expectedVersion must be a whole number, 1 or more.',
      'expectedVersion',
    );
  }
}

export function checkExpected(state: ComplaintState, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== state.version) {
    throw new ConflictError(
      `Complaint ${state.reference} is at version ${state.version}, not ${expectedVersion}: someone else has changed it. Reload it and try again.`,
      state.version,
    );
  }
}

export function refusalError(refusal: ComplaintRefusal, state: ComplaintState | null): Error {
  switch (refusal.code) {
    // Malformed input is the caller's to correct, field by field, not a rule that said no.
    case 'INVALID_COMMAND':
      return new BadUserInputError(refusal.message, refusal.field);
    case 'COMPLAINT_NOT_FOUND':
      return new NotFoundError('complaint', state?.id ?? '');
    default:
      return new PolicyRefusedError(refusal);
  }
}

export function checkInstant(value: string | undefined, field: string): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new BadUserInputError(
      `${field} must be an ISO 8601 date and time with Z or an offset, e.g. 2026-11-06T09:30:00Z.`,
      field,
    );
  }
}

export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const REFERENCE = /^CMP-\d{4}-\d{6}$/i;

export function checkFilter(filter: ComplaintFilter): void {
  for (const field of ['dueBefore', 'receivedFrom', 'receivedTo'] as const) {
    const value = filter[field];
    if (value !== undefined && (!LOCAL_DATE.test(value) || Number.isNaN(Date.parse(value)))) {
      throw new BadUserInputError(`${field} must be a date written YYYY-MM-DD.`, field);
    }
  }
}

export function referenceYear(receivedAt: string, now: Date): string {
  // The year of receipt in London when it is a valid instant (else decide refuses it anyway).
  try {
    return localDateOf(receivedAt).slice(0, 4);
  } catch {
    return localDateOf(now).slice(0, 4);
  }
}

export function formatReference(year: string, n: number): string {
  return `CMP-${year}-${String(n).padStart(6, '0')}`;
}

/** What a cursor of a complaints page names: its order. */
export function cursorList(order: ComplaintOrder): string[] {
  return [order.field, order.direction];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
