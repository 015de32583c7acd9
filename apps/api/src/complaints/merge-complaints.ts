// Merging a duplicate into the case it repeats: two steps, one on each case, that stand or fall
// together. The events of both stay; the duplicate ends, naming the survivor, and the survivor
// answers for the duplicate's reference from then on.
import type { Instant } from '@redress/domain';
import type { Principal } from '../auth/principal.js';
import { BadUserInputError } from '../errors/app-errors.js';
import { withArgumentNames } from './complaint-step.js';
import type { ComplaintRecord, ComplaintService } from './complaint.service.js';

export interface MergeRequest {
  readonly duplicateId: string;
  readonly intoId: string;
  readonly at?: Instant;
  /** The duplicate's version as the caller last read it. */
  readonly expectedVersion?: number;
  /** The surviving case's version as the caller last read it. */
  readonly intoExpectedVersion?: number;
}

// The domain names the fields as its commands do; the mutation's arguments are these.
const ARGUMENTS: Readonly<Record<string, string>> = {
  intoComplaintId: 'intoId',
  intoReference: 'intoId',
  duplicateReference: 'duplicateId',
};

/** Answers the surviving case as it now stands. */
export async function mergeComplaints(
  complaints: ComplaintService,
  by: Principal,
  request: MergeRequest,
): Promise<ComplaintRecord> {
  const { duplicateId, intoId, expectedVersion, intoExpectedVersion } = request;
  if (
    intoExpectedVersion !== undefined &&
    !(Number.isInteger(intoExpectedVersion) && intoExpectedVersion >= 1)
  ) {
    throw new BadUserInputError(
      'intoExpectedVersion must be a whole number, 1 or more.',
      'intoExpectedVersion',
    );
  }
  const referenceOf = (states: ReadonlyMap<string, { reference: string }>, id: string) =>
    states.get(id)?.reference ?? '';
  const [, survivor] = await withArgumentNames(
    (field) => ARGUMENTS[field],
    () =>
      complaints.executeTogether(
        [
          {
            id: duplicateId,
            ...(expectedVersion !== undefined ? { expectedVersion } : {}),
            command: (states) => ({
              type: 'merge-into',
              intoComplaintId: intoId,
              intoReference: referenceOf(states, intoId),
            }),
          },
          {
            id: intoId,
            ...(intoExpectedVersion !== undefined ? { expectedVersion: intoExpectedVersion } : {}),
            command: (states) => ({
              type: 'absorb-duplicate',
              duplicateId,
              duplicateReference: referenceOf(states, duplicateId),
            }),
          },
        ],
        { by, ...(request.at !== undefined ? { at: request.at } : {}) },
      ),
  );
  if (!survivor) throw new Error('A merge answered no surviving case.');
  return survivor;
}
