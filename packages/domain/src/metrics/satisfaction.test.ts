import { describe, expect, it } from 'vitest';
import {
  isSatisfied,
  SATISFACTION_ANSWER_LABELS,
  SATISFACTION_ANSWERS,
  surveyCounts,
} from './satisfaction.js';

describe('TP09 survey counts', () => {
  it('counts very and fairly satisfied as satisfied, nothing else', () => {
    expect(SATISFACTION_ANSWERS.filter(isSatisfied)).toEqual([
      'very-satisfied',
      'fairly-satisfied',
    ]);
    expect(Object.keys(SATISFACTION_ANSWER_LABELS)).toEqual([...SATISFACTION_ANSWERS]);
    expect(SATISFACTION_ANSWER_LABELS.neither).toBe('Neither satisfied nor dissatisfied');
  });

  it('counts only those who complained in the last 12 months and answered', () => {
    // Five who complained and answered: very, fairly, neither, fairly dis-, very dissatisfied:
    // 2 satisfied of 5. One who complained but did not answer is in neither count; two who did
    // not complain are out, whatever they answered.
    expect(
      surveyCounts([
        { complainedInLast12Months: true, complaintHandling: 'very-satisfied' },
        { complainedInLast12Months: true, complaintHandling: 'fairly-satisfied' },
        { complainedInLast12Months: true, complaintHandling: 'neither' },
        { complainedInLast12Months: true, complaintHandling: 'fairly-dissatisfied' },
        { complainedInLast12Months: true, complaintHandling: 'very-dissatisfied' },
        { complainedInLast12Months: true, complaintHandling: null },
        { complainedInLast12Months: false, complaintHandling: 'very-satisfied' },
        { complainedInLast12Months: false, complaintHandling: null },
      ]),
    ).toEqual({ respondents: 5, satisfied: 2 });
    expect(surveyCounts([])).toEqual({ respondents: 0, satisfied: 0 });
  });
});
