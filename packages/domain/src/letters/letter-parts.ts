// What each letter the Code expects must say, with the clause behind each part. A letter is
// checked against this list before it can be issued: the Ombudsman's findings most often rest
// on what a letter left out, so a missing part is a refusal, never a warning.
import type { StageNumber } from '../complaints/complaint.types.js';

export const LETTER_KINDS = [
  'acknowledgement',
  'extension',
  'response',
  'acceptance-refusal',
  'escalation-refusal',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Every part a letter may be required to carry. */
export const LETTER_PARTS = [
  'complaint-definition',
  'outcome-sought',
  'response-due',
  'extension-reason',
  'new-due-date',
  'ombudsman-contact',
  'decision-on-each-point',
  'reasons',
  'remedy',
  'outstanding-actions',
  'how-to-escalate',
  'ombudsman-route',
  'refusal-reason',
  'ombudsman-right',
] as const;
export type LetterPartId = (typeof LETTER_PARTS)[number];

export interface LetterRequirement {
  readonly part: LetterPartId;
  /** The Complaint Handling Code clause that asks for it. */
  readonly clause: string;
  /** The part as a heading in the letter and in a refusal: "The complaint as we understand it". */
  readonly label: string;
}

const requirement = (part: LetterPartId, clause: string, label: string): LetterRequirement => ({
  part,
  clause,
  label,
});

/** Stage 1 and stage 2 letters ask for the same things under their own clauses. */
function byStage(stage: StageNumber, stage1: string, stage2: string): string {
  return stage === 1 ? stage1 : stage2;
}

/** The parts a letter of this kind and stage must carry, in the order the letter gives them. */
export function requiredParts(kind: LetterKind, stage: StageNumber): readonly LetterRequirement[] {
  switch (kind) {
    case 'acknowledgement':
      return [
        requirement('complaint-definition', '5.6', 'The complaint as we understand it'),
        requirement('outcome-sought', '5.6', 'The outcome you are looking for'),
        requirement('response-due', byStage(stage, '6.3', '6.14'), 'When we will reply'),
      ];
    case 'extension':
      return [
        requirement('extension-reason', byStage(stage, '6.4', '6.15'), 'Why we need more time'),
        requirement('new-due-date', byStage(stage, '6.4', '6.15'), 'When we will now reply'),
        requirement(
          'ombudsman-contact',
          byStage(stage, '6.5', '6.16'),
          "The Ombudsman's contact details",
        ),
      ];
    case 'response':
      return [
        requirement('complaint-definition', byStage(stage, '6.9', '6.19'), 'Your complaint'),
        requirement(
          'decision-on-each-point',
          byStage(stage, '6.7, 6.9', '6.18, 6.19'),
          'Our decision on each point',
        ),
        requirement('reasons', byStage(stage, '6.7, 6.9', '6.18, 6.19'), 'Our reasons'),
        requirement('remedy', byStage(stage, '6.9', '6.19'), 'What we will do to put things right'),
        requirement(
          'outstanding-actions',
          byStage(stage, '6.9', '6.19'),
          'What is still to be done',
        ),
        stage === 1
          ? requirement('how-to-escalate', '6.9', 'If you are not satisfied')
          : requirement('ombudsman-route', '6.19', 'If you are not satisfied: the Ombudsman'),
      ];
    case 'acceptance-refusal':
      return [
        requirement('refusal-reason', '2.4', 'Why we cannot take your complaint'),
        requirement('ombudsman-right', '2.4', 'Your right to go to the Ombudsman'),
      ];
    case 'escalation-refusal':
      return [
        requirement('refusal-reason', '5.11, 2.4', 'Why we cannot take your complaint to stage 2'),
        requirement('ombudsman-right', '2.4', 'Your right to go to the Ombudsman'),
      ];
  }
}
