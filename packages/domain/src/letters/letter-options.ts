// Which letters a case can be written now: one for each step the Code expects a letter for
// that has been taken. The same facts as composeLetter reads, so the two cannot disagree.
import type { ComplaintState, StageNumber } from '../complaints/complaint.types.js';
import { composeLetter } from './compose-letter.js';
import { LETTER_KINDS, type LetterKind } from './letter-parts.js';
import { DEFAULT_LETTER_TEMPLATE } from './letter-template.js';

export interface LetterOption {
  readonly kind: LetterKind;
  readonly stage: StageNumber;
}

/** Refusals belong to the case as a whole; they are listed once, under stage 1. */
const STAGE_LESS: ReadonlySet<LetterKind> = new Set(['acceptance-refusal', 'escalation-refusal']);

export function letterOptions(state: ComplaintState): LetterOption[] {
  const options: LetterOption[] = [];
  for (const kind of LETTER_KINDS) {
    const stages: StageNumber[] = STAGE_LESS.has(kind) ? [1] : [1, 2];
    for (const stage of stages) {
      const composed = composeLetter(
        state,
        { kind, stage, issuedOn: null },
        { template: DEFAULT_LETTER_TEMPLATE },
      );
      if (composed.ok || composed.error.code !== 'LETTER_STEP_NOT_TAKEN') {
        options.push({ kind, stage });
      }
    }
  }
  return options;
}
