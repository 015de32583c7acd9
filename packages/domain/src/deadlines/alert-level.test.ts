import { describe, expect, it } from 'vitest';
import { alertLevel } from './alert-level.js';
import type { DeadlineState } from './deadline.types.js';

describe('alertLevel', () => {
  it.each<[DeadlineState, number | null, ReturnType<typeof alertLevel>]>([
    ['pending', 5, null],
    ['due-soon', 2, 'due-soon'],
    ['due-today', 0, 'due-today'],
    ['overdue', -1, 'overdue'],
    ['met', null, null],
    ['missed', null, null],
  ])('%s raises %s', (state, workingDaysLeft, level) => {
    expect(alertLevel({ state, workingDaysLeft })).toBe(level);
  });
});
