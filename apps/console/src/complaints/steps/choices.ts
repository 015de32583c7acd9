// The choices the forms offer, named as the domain names them and sent as the API's enum
// values (`partly-upheld` → `PARTLY_UPHELD`, as the API derives them from the same lists).
import {
  CHANNEL_LABELS,
  COMPLAINANT_TYPE_LABELS,
  CONTACT_METHOD_LABELS,
  ESCALATION_REFUSAL_REASON_LABELS,
  OMBUDSMAN_LABELS,
  OUTCOME_LABELS,
  REFUSAL_REASON_LABELS,
  REMEDY_ANSWER_LABELS,
  REMEDY_LABELS,
  REPRESENTATIVE_ROLE_LABELS,
  STEP_LABELS,
  TENURE_LABELS,
  type ComplaintStep,
} from '@redress/domain';
import type { Choice } from './step-form.types';

export function enumNameOf(value: string): string {
  return value.replace(/[-:]/g, '_').toUpperCase();
}

/** The domain's name of an API enum value: `REQUEST_ESCALATION` → `request-escalation`. */
export function domainNameOf(value: string): string {
  return value.toLowerCase().replace(/_/g, '-');
}

function choicesOf(labels: Readonly<Record<string, string>>): readonly Choice[] {
  return Object.entries(labels).map(([value, name]) => ({ id: enumNameOf(value), name }));
}

export function labelOf(labels: Readonly<Record<string, string>>, apiValue: string): string {
  return labels[domainNameOf(apiValue)] ?? apiValue;
}

export function stepLabel(step: ComplaintStep): string {
  return STEP_LABELS[step];
}

export const OUTCOMES = choicesOf(OUTCOME_LABELS);
export const REMEDY_KINDS = choicesOf(REMEDY_LABELS);
export const CONTACT_METHODS = choicesOf(CONTACT_METHOD_LABELS);
export const ESCALATION_REFUSAL_REASONS = choicesOf(ESCALATION_REFUSAL_REASON_LABELS);
export const OMBUDSMEN = choicesOf(OMBUDSMAN_LABELS);
export const REMEDY_ANSWERS = choicesOf(REMEDY_ANSWER_LABELS);
export const CHANNELS = choicesOf(CHANNEL_LABELS);
export const TENURES = choicesOf(TENURE_LABELS);
export const COMPLAINANT_TYPES = choicesOf(COMPLAINANT_TYPE_LABELS);
export const REPRESENTATIVE_ROLES = choicesOf(REPRESENTATIVE_ROLE_LABELS);

/** The reasons to refuse a complaint that its policy sets out (Code 2.2), by the domain's names. */
export function refusalReasonChoices(apiValues: readonly string[]): readonly Choice[] {
  return apiValues.map((id) => ({ id, name: labelOf(REFUSAL_REASON_LABELS, id) }));
}
