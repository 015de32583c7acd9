import { letterName as domainLetterName, type LetterKind } from '@redress/domain';
import type { LetterDeliveryName, LetterKindName } from './complaint-query';

/** "Stage 1 response", "Refusal to accept the complaint": the domain's name for the API's kind. */
export function letterName(kind: LetterKindName, stage: number): string {
  return domainLetterName(kind.toLowerCase().replace(/_/g, '-') as LetterKind, stage === 2 ? 2 : 1);
}

export const DELIVERY_LABELS: Readonly<Record<LetterDeliveryName, string>> = {
  EMAIL_QUEUED: 'Waiting to be emailed',
  SENT: 'Emailed',
  FAILED: 'Email failed',
  AWAITING_POST: 'To be posted',
  POSTED: 'Posted',
};
