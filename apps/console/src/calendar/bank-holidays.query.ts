import { graphqlRequest } from '../shared/graphql-client';
import type { BankHoliday, LoadBankHolidays } from './calendar.types';

const BANK_HOLIDAYS = `query BankHolidays($year: Int!, $division: Division) {
  bankHolidays(year: $year, division: $division) { date title published }
}`;

/** A division's bank holidays for a year, from the API's bankHolidays. */
export const loadBankHolidays: LoadBankHolidays = async (year, division) => {
  const data = await graphqlRequest<{ bankHolidays: BankHoliday[] }>(BANK_HOLIDAYS, {
    year,
    division,
  });
  return data.bankHolidays;
};
