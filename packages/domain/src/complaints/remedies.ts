// What is still owed to the resident of the remedies offered (Code 7.3: "any remedy proposed
// must be followed through to completion"). An action delivers the rest; compensation is owed
// until paid in full, or until the resident declines it.
import type { ComplaintState, RemedyState } from './complaint.types.js';

/** Compensation offered, not declined, and not yet paid in full. */
export function unpaidRemedies(state: ComplaintState): RemedyState[] {
  return state.remedies.filter(
    (remedy) =>
      remedy.kind === 'financial-compensation' &&
      remedy.amountPence !== null &&
      remedy.answer?.answer !== 'declined' &&
      paidOf(remedy) < remedy.amountPence,
  );
}

export function paidOf(remedy: RemedyState): number {
  return remedy.payments.reduce((sum, payment) => sum + payment.amountPence, 0);
}

/** "Remedy 1.2 (£150.00 of compensation, £50.00 paid) is unpaid." */
export function unpaidSummary(unpaid: readonly RemedyState[]): string {
  const named = unpaid
    .map((r) => {
      const paid = paidOf(r);
      return (
        `${r.id} (${pounds(r.amountPence ?? 0)} of compensation` +
        (paid > 0 ? `, ${pounds(paid)} paid)` : ')')
      );
    })
    .join(', ');
  return unpaid.length === 1 ? `Remedy ${named} is unpaid.` : `Remedies ${named} are unpaid.`;
}

/** Pence as a resident reads money: "£1,250.00". */
export function pounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
