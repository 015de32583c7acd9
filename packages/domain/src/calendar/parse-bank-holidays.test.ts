import { describe, expect, it } from 'vitest';
import shipped from './data/bank-holidays.json' with { type: 'json' };
import { parseBankHolidays } from './parse-bank-holidays.js';

const event = { title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true };
const division = (name: string, events: unknown) => ({ [name]: { division: name, events } });

describe('parseBankHolidays', () => {
  it('accepts GOV.UK’s file as shipped', () => {
    const parsed = parseBankHolidays(shipped);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.scotland?.events).toHaveLength(93);
  });

  it('accepts one division, and events without notes or bunting', () => {
    expect(
      parseBankHolidays(division('scotland', [{ title: 'St Andrew’s Day', date: '2026-11-30' }])),
    ).toEqual({
      ok: true,
      value: {
        scotland: {
          division: 'scotland',
          events: [{ title: 'St Andrew’s Day', date: '2026-11-30' }],
        },
      },
    });
  });

  it.each([
    ['not an object', 'bank holidays', 'not a JSON object'],
    ['null', null, 'not a JSON object'],
    ['a list', [event], 'not a JSON object'],
    ['no division', {}, 'names no division'],
    ['an unknown division', division('wales', [event]), 'unknown division "wales"'],
    [
      'a mismatched division field',
      { scotland: { division: 'england-and-wales', events: [] } },
      '"scotland".division is "england-and-wales"',
    ],
    ['events missing', { scotland: { division: 'scotland' } }, '"scotland".events'],
    ['an event that is not an object', division('scotland', ['x']), '"scotland".events[0]'],
    [
      'an empty title',
      division('scotland', [{ ...event, title: ' ' }]),
      '"scotland".events[0].title',
    ],
    [
      'an impossible date',
      division('scotland', [event, { ...event, date: '2026-02-30' }]),
      '"scotland".events[1].date is "2026-02-30" (Christmas Day)',
    ],
    [
      'a date in another form',
      division('scotland', [{ ...event, date: '25/12/2026' }]),
      'YYYY-MM-DD',
    ],
    ['notes not text', division('scotland', [{ ...event, notes: 1 }]), '.notes'],
    ['bunting not a boolean', division('scotland', [{ ...event, bunting: 'yes' }]), '.bunting'],
    ['a date twice', division('scotland', [event, event]), '2026-12-25 is listed twice'],
  ])('refuses %s, saying where', (_, json, message) => {
    const parsed = parseBankHolidays(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });
});
