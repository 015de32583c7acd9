// The forms of what a case teaches: the resident's satisfaction with how it was handled, once
// it has closed (seed 002: "how we handled your complaint", out of 10), and a lesson learnt.
import { SATISFACTION_SCORE_MAX, SATISFACTION_SCORE_MIN } from '@redress/domain';
import { FieldError, type FormValues, type StepDefinition } from './step-form.types';

const RESULT = '{ id version }';

function text(values: FormValues, name: string): string | null {
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The score as typed, a whole number on the scale, or a message on the field. */
export function score(field: string, typed: string): number {
  const cleaned = typed.trim();
  const value = Number(cleaned);
  if (!/^\d+$/.test(cleaned) || value < SATISFACTION_SCORE_MIN || value > SATISFACTION_SCORE_MAX) {
    throw new FieldError(
      field,
      `Give the resident's score as a whole number from ${SATISFACTION_SCORE_MIN} to ${SATISFACTION_SCORE_MAX}.`,
    );
  }
  return value;
}

export const LEARNING_FORMS: readonly StepDefinition[] = [
  {
    step: 'record-satisfaction',
    intro:
      'Record how satisfied the resident is with how their complaint was handled, out of 10. A later score replaces this one.',
    mutation: `mutation RecordSatisfaction($complaintId: ID!, $expectedVersion: Int, $score: Int!, $comment: String) {
  recordSatisfaction(complaintId: $complaintId, expectedVersion: $expectedVersion, score: $score, comment: $comment) ${RESULT}
}`,
    fields: [
      {
        name: 'score',
        label: 'Score (0 to 10)',
        kind: 'number',
        required: true,
        helperText: '0: not at all satisfied; 10: entirely satisfied.',
      },
      { name: 'comment', label: "The resident's comment, if any", kind: 'multiline' },
    ],
    variables: (v) => ({
      score: score('score', text(v, 'score') ?? ''),
      comment: text(v, 'comment'),
    }),
  },
  {
    step: 'record-lesson',
    intro: 'Record what this case taught, and what should change (Code 9).',
    mutation: `mutation RecordLesson($complaintId: ID!, $expectedVersion: Int, $lesson: String!) {
  recordLesson(complaintId: $complaintId, expectedVersion: $expectedVersion, lesson: $lesson) ${RESULT}
}`,
    fields: [
      {
        name: 'lesson',
        label: 'The lesson learnt',
        kind: 'multiline',
        required: true,
        helperText: 'A sentence others can act on.',
      },
    ],
    variables: (v) => ({ lesson: text(v, 'lesson') }),
  },
];
