import { describe, expect, it } from 'vitest';
import { endOfWeek } from '../data-provider/complaints.resource';
import {
  categoryLabel,
  formatDateTime,
  formatLocalDate,
  formatTime,
  todayInLondon,
  workingDaysWording,
} from './format';

describe('format', () => {
  it('writes calendar dates as "Fri 13 Nov 2026", whatever the zone', () => {
    expect(formatLocalDate('2026-11-13')).toBe('Fri 13 Nov 2026');
    expect(formatLocalDate('2026-03-29')).toBe('Sun 29 Mar 2026');
    expect(formatLocalDate('')).toBe('');
    expect(formatLocalDate(null)).toBe('');
  });

  it('writes instants in UK time, across the clock change', () => {
    // 23:30 UTC on 31 Oct 2026 is still 31 Oct in London (GMT after 25 Oct)...
    expect(formatDateTime('2026-10-31T23:30:00Z')).toBe('Sat 31 Oct 2026, 23:30');
    // ...but 23:30 UTC on 1 Jul is 00:30 on 2 Jul in London (BST).
    expect(formatDateTime('2026-07-01T23:30:00Z')).toBe('Thu 2 Jul 2026, 00:30');
    expect(formatTime('2026-07-01T08:05:00Z')).toBe('09:05');
    expect(todayInLondon(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
  });

  it('words working days left', () => {
    expect(workingDaysWording(3)).toBe('3 working days left');
    expect(workingDaysWording(1)).toBe('1 working day left');
    expect(workingDaysWording(0)).toBe('Due today');
    expect(workingDaysWording(-1)).toBe('1 working day overdue');
    expect(workingDaysWording(-12)).toBe('12 working days overdue');
  });

  it('ends the week on its Sunday', () => {
    expect(endOfWeek('2026-12-02')).toBe('2026-12-06');
    expect(endOfWeek('2026-12-06')).toBe('2026-12-06');
    expect(endOfWeek('2026-12-07')).toBe('2026-12-13');
  });
});

describe('categoryLabel', () => {
  it('reads an id as words', () => {
    expect(categoryLabel('damp-and-mould')).toBe('Damp and mould');
    expect(categoryLabel('heating_and_hot-water')).toBe('Heating and hot water');
    expect(categoryLabel('noise')).toBe('Noise');
    expect(categoryLabel(null)).toBe('—');
  });
});
