import type { BankHolidaysData } from './calendar.types.js';
import { parseBankHolidays } from './parse-bank-holidays.js';
import shipped from './data/bank-holidays.json' with { type: 'json' };

/**
 * The copy of GOV.UK's `bank-holidays.json` shipped with Redress (2018 to 2027). It goes through
 * the same check as a supplied file, so a slip in editing it fails at start-up, not in a deadline.
 */
export const SHIPPED_BANK_HOLIDAYS: BankHolidaysData = load();

function load(): BankHolidaysData {
  const parsed = parseBankHolidays(shipped);
  if (!parsed.ok) {
    throw new Error(`The shipped bank holidays file is invalid: ${parsed.error}`);
  }
  return parsed.value;
}
