import type { LetterDeliveryName, LetterKindName } from './complaint-query';

const KINDS: Readonly<Record<LetterKindName, string>> = {
  ACKNOWLEDGEMENT: 'acknowledgement',
  EXTENSION: 'extension',
  RESPONSE: 'response',
  ACCEPTANCE_REFUSAL: 'Refusal to accept the complaint',
  ESCALATION_REFUSAL: 'Refusal to take the complaint to stage 2',
};

/** "Stage 1 response", "Refusal to accept the complaint". */
export function letterName(kind: LetterKindName, stage: number): string {
  return kind === 'ACCEPTANCE_REFUSAL' || kind === 'ESCALATION_REFUSAL'
    ? KINDS[kind]
    : `Stage ${stage} ${KINDS[kind]}`;
}

export const DELIVERY_LABELS: Readonly<Record<LetterDeliveryName, string>> = {
  EMAIL_QUEUED: 'Waiting to be emailed',
  SENT: 'Emailed',
  FAILED: 'Email failed',
  AWAITING_POST: 'To be posted',
  POSTED: 'Posted',
};
