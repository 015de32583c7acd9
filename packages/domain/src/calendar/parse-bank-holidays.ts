import { DIVISIONS } from './calendar.types.js';
import type { BankHolidayEvent, BankHolidaysData, Division } from './calendar.types.js';
import { isLocalDate } from './local-date.js';
import { err, ok, type Result } from '../shared/result.js';

const EXPECTED = `expected GOV.UK's bank-holidays.json: {"england-and-wales":{"division":"england-and-wales","events":[{"title":"…","date":"YYYY-MM-DD","notes":"","bunting":true}, …]}, "scotland":…, "northern-ireland":…}`;

/**
 * Checks a copy of GOV.UK's `bank-holidays.json` before deadlines are counted with it. A wrong
 * file must be refused whole, with a message that names the bad field, rather than half-used.
 */
export function parseBankHolidays(json: unknown): Result<BankHolidaysData, string> {
  if (!isRecord(json)) {
    return err(`The bank holidays file is not a JSON object; ${EXPECTED}`);
  }
  const keys = Object.keys(json);
  const unknown = keys.filter((key) => !isDivision(key));
  if (unknown.length > 0) {
    return err(
      `The bank holidays file has unknown division ${unknown.map((k) => JSON.stringify(k)).join(', ')}; the divisions are ${DIVISIONS.join(', ')}`,
    );
  }
  if (keys.length === 0) {
    return err(`The bank holidays file names no division; ${EXPECTED}`);
  }
  const data: { [D in Division]?: { division: Division; events: BankHolidayEvent[] } } = {};
  for (const division of DIVISIONS) {
    if (!(division in json)) continue;
    const parsed = parseDivision(division, json[division]);
    if (!parsed.ok) return parsed;
    data[division] = { division, events: parsed.value };
  }
  return ok(data);
}

function parseDivision(division: Division, value: unknown): Result<BankHolidayEvent[], string> {
  if (!isRecord(value)) {
    return err(`"${division}" is not an object with "division" and "events"`);
  }
  if (value.division !== division) {
    return err(
      `"${division}".division is ${JSON.stringify(value.division)}; it should be "${division}"`,
    );
  }
  if (!Array.isArray(value.events)) {
    return err(`"${division}".events is not a list of events`);
  }
  const events: BankHolidayEvent[] = [];
  const seen = new Set<string>();
  for (const [index, item] of (value.events as unknown[]).entries()) {
    const where = `"${division}".events[${index}]`;
    if (!isRecord(item)) return err(`${where} is not an object with "title" and "date"`);
    const { title, date, notes, bunting } = item;
    if (typeof title !== 'string' || title.trim() === '') {
      return err(`${where}.title is missing or empty`);
    }
    if (!isLocalDate(date)) {
      return err(
        `${where}.date is ${JSON.stringify(date)} (${title}); it should be a real date written YYYY-MM-DD`,
      );
    }
    if (notes !== undefined && typeof notes !== 'string') {
      return err(`${where}.notes should be text (it may be empty)`);
    }
    if (bunting !== undefined && typeof bunting !== 'boolean') {
      return err(`${where}.bunting should be true or false`);
    }
    if (seen.has(date)) {
      return err(`${where}: ${date} is listed twice in "${division}"`);
    }
    seen.add(date);
    events.push({
      title,
      date,
      ...(notes !== undefined && { notes }),
      ...(bunting !== undefined && { bunting }),
    });
  }
  return ok(events);
}

function isDivision(key: string): key is Division {
  return (DIVISIONS as readonly string[]).includes(key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
