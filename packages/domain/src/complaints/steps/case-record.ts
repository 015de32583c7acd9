// Who the complaint is from and about, as the investigation learns it: further residents (a
// household, a residents' group), the contractor whose service it concerns, and duplicates
// merged into the case they repeat.
import { err, ok } from '../../shared/result.js';
import type {
  AbsorbDuplicate,
  AddComplainant,
  MergeInto,
  RecordContractor,
} from '../complaint.types.js';
import {
  type Decision,
  ID_RULE,
  invalid,
  isId,
  isReference,
  openActionsSummary,
  openActions,
  REF_RULE,
  refuse,
  sameText,
  type Step,
  when,
} from '../decision.js';
import { complainantProblem, contractorOf, contractorProblem, MAX_COMPLAINANTS } from './log.js';

export function decideAddComplainant(
  { state, context, at }: Step,
  command: AddComplainant,
): Decision {
  const problem = complainantProblem(command.complainant, 'complainant');
  if (problem) return err(problem);
  const everyone = [state.complainant, ...state.additionalComplainants];
  if (everyone.length >= MAX_COMPLAINANTS) {
    return refuse(
      'TOO_MANY_COMPLAINANTS',
      `Complaint ${state.reference} already names ${everyone.length} residents, the most one ` +
        "complaint may. A larger group complains as a residents' group, with one contact.",
    );
  }
  if (everyone.some((c) => sameText(c.name, command.complainant.name))) {
    return refuse(
      'COMPLAINANT_ALREADY_RECORDED',
      `${command.complainant.name.trim()} is already recorded on complaint ${state.reference}.`,
      'complainant.name',
    );
  }
  return ok([
    { type: 'complainant-added', at, actor: context.actor, complainant: command.complainant },
  ]);
}

/** The complaint stays the landlord's: a contractor acts on its behalf (Code 1.2). */
export function decideRecordContractor({ context, at }: Step, command: RecordContractor): Decision {
  const problem = contractorProblem(command.contractor, 'contractor');
  if (problem) return err(problem);
  return ok([
    {
      type: 'contractor-recorded',
      at,
      actor: context.actor,
      contractor: contractorOf(command.contractor),
    },
  ]);
}

/**
 * A duplicate ends, naming the case it repeats; that case answers for both references. Its
 * events stay as they were. Open actions are agreed on the surviving case first, and
 * compensation offered on the duplicate is paid first, so no remedy is lost with it (Code 7.3).
 */
export function decideMergeInto({ state, context, at }: Step, command: MergeInto): Decision {
  if (!isId(command.intoComplaintId)) {
    return invalid('intoComplaintId', `${ID_RULE} Give the id of the case it duplicates.`);
  }
  if (!isReference(command.intoReference)) {
    return invalid('intoReference', `The reference of the case it duplicates: ${REF_RULE}`);
  }
  if (command.intoComplaintId === state.id) {
    return invalid('intoComplaintId', 'A complaint cannot be merged into itself.');
  }
  if (state.duplicates.length > 0) {
    return refuse(
      'MERGE_CHAIN',
      `Complaint ${state.reference} already answers for ${state.duplicates
        .map((d) => d.reference)
        .join(', ')}; merge the other case into this one instead.`,
    );
  }
  const open = openActions(state);
  if (open.length > 0) {
    return refuse(
      'MERGE_WITH_OPEN_ACTIONS',
      `${openActionsSummary(open)} Agree them on ${command.intoReference.trim()} (or complete ` +
        'them) before merging, so no remedy is lost.',
    );
  }
  // Compensation offered on the duplicate is paid on it: once merged, it takes no more steps.
  const owed = state.remedies.filter(
    (r) =>
      r.kind === 'financial-compensation' &&
      r.answer?.answer !== 'declined' &&
      (r.amountPence ?? 0) > r.payments.reduce((sum, p) => sum + p.amountPence, 0),
  );
  if (owed.length > 0) {
    return refuse(
      'MERGE_WITH_OPEN_ACTIONS',
      `Compensation offered on ${state.reference} is still to be paid (remedy ` +
        `${owed.map((r) => r.id).join(', ')}). Record the payment, or the resident declining ` +
        'it, before merging, so no remedy is lost (Code 7.3).',
      'remedies',
    );
  }
  return ok([
    {
      type: 'merged-into',
      at,
      actor: context.actor,
      intoComplaintId: command.intoComplaintId,
      intoReference: command.intoReference.trim(),
    },
  ]);
}

export function decideAbsorbDuplicate(
  { state, context, at }: Step,
  command: AbsorbDuplicate,
): Decision {
  if (!isId(command.duplicateId)) {
    return invalid('duplicateId', `${ID_RULE} Give the id of the duplicate.`);
  }
  if (!isReference(command.duplicateReference)) {
    return invalid('duplicateReference', `The duplicate's reference: ${REF_RULE}`);
  }
  if (command.duplicateId === state.id) {
    return invalid('duplicateId', 'A complaint cannot be merged into itself.');
  }
  const earlier = state.duplicates.find((d) => d.id === command.duplicateId);
  if (earlier) {
    return refuse(
      'DUPLICATE_ALREADY_MERGED',
      `${earlier.reference} was merged into complaint ${state.reference} on ${when(earlier.at)}.`,
      'duplicateId',
    );
  }
  return ok([
    {
      type: 'duplicate-absorbed',
      at,
      actor: context.actor,
      duplicateId: command.duplicateId,
      duplicateReference: command.duplicateReference.trim(),
    },
  ]);
}
