// What a case counts for in the measures, as the read model keeps it: the domain's caseMeasures
// laid out as columns of the case's row and as one row per agreed action. No rule is made here:
// each value is the domain's answer, or a count of them, moved into a column.
import { createHash } from 'node:crypto';
import type { CaseMeasures } from '@redress/domain';
import type { ColumnSpec, RowOf } from './read-model-columns.js';

export const MEASURE_COLUMNS = [
  { name: 'received_year', type: 'int' },
  { name: 'stage1_counted', type: 'boolean' },
  { name: 'stage1_ack_on_time', type: 'boolean' },
  // While the acknowledgement is undecided: the day it turns late (the domain's date).
  { name: 'stage1_ack_late_from', type: 'date' },
  { name: 'stage1_responded_on', type: 'date' },
  { name: 'stage1_responded_year', type: 'int' },
  { name: 'stage1_on_time', type: 'boolean' },
  { name: 'stage1_on_time_without_extensions', type: 'boolean' },
  { name: 'stage1_response_working_days', type: 'int' },
  { name: 'stage2_received_on', type: 'date' },
  { name: 'stage2_received_year', type: 'int' },
  { name: 'stage2_counted', type: 'boolean' },
  { name: 'stage2_ack_on_time', type: 'boolean' },
  { name: 'stage2_ack_late_from', type: 'date' },
  { name: 'stage2_responded_on', type: 'date' },
  { name: 'stage2_responded_year', type: 'int' },
  { name: 'stage2_on_time', type: 'boolean' },
  { name: 'stage2_on_time_without_extensions', type: 'boolean' },
  { name: 'stage2_response_working_days', type: 'int' },
  { name: 'refused_year', type: 'int' },
  { name: 'withdrawn_year', type: 'int' },
  { name: 'compensation_offered_pence', type: 'int' },
  { name: 'compensation_paid_pence', type: 'int' },
  { name: 'ombudsman_referred_year', type: 'int' },
  // The latest determination's finding codes, comma-separated; null when there is none.
  { name: 'ombudsman_findings', type: 'text' },
  { name: 'satisfaction_score', type: 'smallint' },
  { name: 'satisfaction_year', type: 'int' },
  // A hash of the resident's key: the measure needs only equality, the key is personal data.
  { name: 'resident_key', type: 'text' },
] as const satisfies readonly ColumnSpec[];

export type MeasureRow = RowOf<typeof MEASURE_COLUMNS>;

/** The table complaint_action_measure, one row per agreed action. */
export const ACTION_MEASURE_COLUMNS = [
  { name: 'complaint_id', type: 'uuid' },
  { name: 'action_id', type: 'text' },
  { name: 'stage', type: 'smallint' },
  { name: 'due_on', type: 'date' },
  { name: 'due_year', type: 'int' },
  { name: 'completed_on', type: 'date' },
  { name: 'on_time', type: 'boolean' },
  // While open: the day it turns late (the domain's date).
  { name: 'late_from', type: 'date' },
] as const satisfies readonly ColumnSpec[];

export type ActionMeasureRow = RowOf<typeof ACTION_MEASURE_COLUMNS>;

/** The sha-256 of the domain's resident key, in hex: what `resident_key` stores. */
export function residentKeyHash(residentKey: string): string {
  return createHash('sha256').update(residentKey, 'utf8').digest('hex');
}

/** The measure columns of a case's row. */
export function measureColumnsOf(measures: CaseMeasures): MeasureRow {
  const { stage1, stage2 } = measures;
  return {
    received_year: stage1.receivedYear,
    stage1_counted: stage1.counted,
    stage1_ack_on_time: stage1.acknowledgedOnTime,
    stage1_ack_late_from: stage1.acknowledgeLateFrom,
    stage1_responded_on: stage1.respondedOn,
    stage1_responded_year: stage1.respondedYear,
    stage1_on_time: stage1.respondedOnTime,
    stage1_on_time_without_extensions: stage1.respondedOnTimeWithoutExtensions,
    stage1_response_working_days: stage1.workingDaysToRespond,
    stage2_received_on: stage2?.receivedOn ?? null,
    stage2_received_year: stage2?.receivedYear ?? null,
    stage2_counted: stage2?.counted ?? null,
    stage2_ack_on_time: stage2?.acknowledgedOnTime ?? null,
    stage2_ack_late_from: stage2?.acknowledgeLateFrom ?? null,
    stage2_responded_on: stage2?.respondedOn ?? null,
    stage2_responded_year: stage2?.respondedYear ?? null,
    stage2_on_time: stage2?.respondedOnTime ?? null,
    stage2_on_time_without_extensions: stage2?.respondedOnTimeWithoutExtensions ?? null,
    stage2_response_working_days: stage2?.workingDaysToRespond ?? null,
    refused_year: measures.refusedYear,
    withdrawn_year: measures.withdrawnYear,
    compensation_offered_pence: measures.compensationOfferedPence,
    compensation_paid_pence: measures.compensationPaidPence,
    ombudsman_referred_year: measures.ombudsmanReferredYear,
    ombudsman_findings:
      measures.ombudsmanFindings.length === 0 ? null : measures.ombudsmanFindings.join(','),
    satisfaction_score: measures.satisfactionScore,
    satisfaction_year: measures.satisfactionYear,
    resident_key: residentKeyHash(measures.residentKey),
  };
}

/** A row per agreed action of the case. */
export function actionMeasureRowsOf(
  complaintId: string,
  measures: CaseMeasures,
): ActionMeasureRow[] {
  return measures.actions.map((action) => ({
    complaint_id: complaintId,
    action_id: action.id,
    stage: action.stage,
    due_on: action.dueOn,
    due_year: action.dueYear,
    completed_on: action.completedOn,
    on_time: action.onTime,
    late_from: action.lateFrom,
  }));
}
