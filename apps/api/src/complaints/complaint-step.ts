// What every step mutation shares: the `at` and `expectedVersion` arguments, described once,
// the call into the service, and the bounds on free text that scalar arguments do not get from
// class-validator.
import type { ComplaintCommand, ComplaintState, Instant, LogComplaint } from '@redress/domain';
import type { AppContext } from '../app-context.js';
import { BadUserInputError, PolicyRefusedError } from '../errors/app-errors.js';
import { toComplaintType } from './complaint.mapper.js';
import type { ComplaintType } from './complaint.type.js';

export type StepCommand = Exclude<ComplaintCommand, LogComplaint>;

export const AT = {
  nullable: true,
  description:
    'When the step happened, if not now: never in the future, never before the last event.',
} as const;

export const EXPECTED_VERSION = {
  nullable: true,
  description: "The complaint's version you last read; a newer one answers CONFLICT.",
} as const;

/** One step on one complaint, answered with the complaint as it now stands. */
export async function step(
  ctx: AppContext,
  id: string,
  command: StepCommand,
  at: Instant | null | undefined,
  expectedVersion: number | null | undefined,
): Promise<ComplaintType> {
  const record = await ctx.services.complaints.execute(id, command, {
    by: ctx.principal,
    at: at ?? undefined,
    expectedVersion: expectedVersion ?? undefined,
  });
  return toComplaintType(record);
}

export function optionalText(
  field: string,
  value: string | null | undefined,
  max: number,
): string | null {
  return value === null || value === undefined ? null : bounded(field, value, max);
}

export function bounded(field: string, value: string, max: number): string {
  if (value.length > max) {
    throw new BadUserInputError(
      `${field} is ${value.length} characters long; keep it to ${max}.`,
      field,
    );
  }
  return value;
}

/**
 * The state a field reads. Only a page read without states lacks one, and a page reads them
 * whenever its selection asks for a field outside the summary's: reaching the error is a defect.
 */
export function stateOf(complaint: ComplaintType): ComplaintState {
  const { state } = complaint.source;
  if (!state) {
    throw new Error(
      `Complaint ${complaint.reference} was read without its state, yet a field needs it.`,
    );
  }
  return state;
}

/**
 * Runs a step, naming the field at fault in a refusal as the mutation's arguments name it
 * where the domain's command names it otherwise (`rename` answers undefined to keep a name).
 */
export async function withArgumentNames<T>(
  rename: (field: string) => string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BadUserInputError && error.field !== undefined) {
      const field = rename(error.field);
      if (field !== undefined) throw new BadUserInputError(error.message, field);
    }
    if (error instanceof PolicyRefusedError && error.refusal.field !== undefined) {
      const field = rename(error.refusal.field);
      if (field !== undefined) throw new PolicyRefusedError({ ...error.refusal, field });
    }
    throw error;
  }
}
