import type { StageNumber } from '../complaints/complaint.types.js';
import type { LetterKind } from './letter-parts.js';

const KINDS: Readonly<Record<LetterKind, string>> = {
  acknowledgement: 'acknowledgement',
  extension: 'extension',
  response: 'response',
  'acceptance-refusal': 'Refusal to accept the complaint',
  'escalation-refusal': 'Refusal to take the complaint to stage 2',
};

/** "Stage 1 response", "Refusal to accept the complaint": a letter as its reader names it. */
export function letterName(kind: LetterKind, stage: StageNumber): string {
  return kind === 'acceptance-refusal' || kind === 'escalation-refusal'
    ? KINDS[kind]
    : `Stage ${stage} ${KINDS[kind]}`;
}
