import type { BankHolidayEvent, Division } from './calendar.types.js';
import { easterSunday } from './easter-sunday.js';
import {
  daysFromCivil,
  daysInMonth,
  fromEpochDay,
  weekdayOfEpochDay,
  type EpochDay,
} from './epoch-day.js';

const MONDAY = 1;
const SUBSTITUTE = 'Substitute day';

/** A holiday before any substitution; `fixed` ones fall on a set date and move off weekends. */
interface Candidate {
  readonly title: string;
  readonly day: EpochDay;
  readonly fixed: boolean;
  readonly bunting: boolean;
}

/**
 * The bank holidays of a division in a year as the standing rules give them, in GOV.UK's titles.
 * For years the published data does not cover: one-off moves and extra days (2020 VE day, 2022
 * Jubilee and State Funeral, 2023 Coronation) are announced, never derived, so they are not here.
 */
export function bankHolidaysByRule(division: Division, year: number): BankHolidayEvent[] {
  if (!Number.isSafeInteger(year)) {
    throw new RangeError(`Year must be a whole number: ${year}`);
  }
  const easter = easterSunday(year);
  const candidates: Candidate[] = [
    fixed('New Year’s Day', year, 1, 1),
    { title: 'Good Friday', day: easter - 2, fixed: false, bunting: false },
    { title: 'Early May bank holiday', day: firstMonday(year, 5), fixed: false, bunting: true },
    { title: 'Spring bank holiday', day: lastMonday(year, 5), fixed: false, bunting: true },
    fixed('Christmas Day', year, 12, 25),
    fixed('Boxing Day', year, 12, 26),
  ];
  if (division === 'scotland') {
    candidates.push(
      fixed('2nd January', year, 1, 2),
      { title: 'Summer bank holiday', day: firstMonday(year, 8), fixed: false, bunting: true },
      fixed('St Andrew’s Day', year, 11, 30),
    );
  } else {
    candidates.push(
      { title: 'Easter Monday', day: easter + 1, fixed: false, bunting: true },
      { title: 'Summer bank holiday', day: lastMonday(year, 8), fixed: false, bunting: true },
    );
  }
  if (division === 'northern-ireland') {
    candidates.push(fixed('St Patrick’s Day', year, 3, 17), {
      ...fixed('Battle of the Boyne (Orangemen’s Day)', year, 7, 12),
      bunting: false,
    });
  }
  return withSubstitutes(candidates);
}

/**
 * A holiday on a weekend moves to the next weekday that is not already a holiday. Days that fall
 * on a weekday keep them first, so Christmas on a Sunday leaves Boxing Day on Monday 26 and takes
 * Tuesday 27, as GOV.UK publishes it.
 */
function withSubstitutes(candidates: readonly Candidate[]): BankHolidayEvent[] {
  const taken = new Set<EpochDay>();
  const events: { day: EpochDay; event: BankHolidayEvent }[] = [];
  const moving: Candidate[] = [];
  for (const candidate of candidates) {
    if (candidate.fixed && isWeekend(candidate.day)) {
      moving.push(candidate);
    } else {
      taken.add(candidate.day);
      events.push({ day: candidate.day, event: eventOf(candidate, candidate.day, '') });
    }
  }
  moving.sort((a, b) => a.day - b.day);
  for (const candidate of moving) {
    let day = candidate.day + 1;
    while (isWeekend(day) || taken.has(day)) day++;
    taken.add(day);
    events.push({ day, event: eventOf(candidate, day, SUBSTITUTE) });
  }
  events.sort((a, b) => a.day - b.day);
  return events.map((e) => e.event);
}

function eventOf(candidate: Candidate, day: EpochDay, notes: string): BankHolidayEvent {
  return { title: candidate.title, date: fromEpochDay(day), notes, bunting: candidate.bunting };
}

function fixed(title: string, year: number, month: number, day: number): Candidate {
  return { title, day: daysFromCivil(year, month, day), fixed: true, bunting: true };
}

function firstMonday(year: number, month: number): EpochDay {
  const first = daysFromCivil(year, month, 1);
  return first + ((MONDAY - weekdayOfEpochDay(first) + 7) % 7);
}

function lastMonday(year: number, month: number): EpochDay {
  const last = daysFromCivil(year, month, daysInMonth(year, month));
  return last - ((weekdayOfEpochDay(last) - MONDAY + 7) % 7);
}

function isWeekend(day: EpochDay): boolean {
  const weekday = weekdayOfEpochDay(day);
  return weekday === 0 || weekday === 6;
}
