/** A day in Europe/London, written `YYYY-MM-DD`. Deadlines are always local dates. */
export type LocalDate = string;

/** The bank-holiday divisions of the UK, named as in GOV.UK's `bank-holidays.json`. */
export type Division = 'england-and-wales' | 'scotland' | 'northern-ireland';

export const DIVISIONS: readonly Division[] = ['england-and-wales', 'scotland', 'northern-ireland'];

/** One event of GOV.UK's `bank-holidays.json`. */
export interface BankHolidayEvent {
  readonly title: string;
  readonly date: LocalDate;
  readonly notes?: string;
  readonly bunting?: boolean;
}

/** The shape of GOV.UK's `bank-holidays.json`: an object keyed by division. */
export type BankHolidaysData = Partial<
  Record<Division, { readonly division: Division; readonly events: readonly BankHolidayEvent[] }>
>;

/** A day the landlord declares closed (a Christmas shutdown), on top of bank holidays. */
export interface ClosureDay {
  readonly date: LocalDate;
  readonly title: string;
}

export interface CalendarOptions {
  /** Defaults to `england-and-wales`. */
  readonly division?: Division;
  /** The landlord's own closure days: plain dates or dates with a title. */
  readonly closures?: readonly (LocalDate | ClosureDay)[];
  /**
   * A newer copy of GOV.UK's `bank-holidays.json`. Its years replace the shipped copy's; years
   * covered by neither fall back on the rules.
   */
  readonly holidays?: BankHolidaysData;
}

/** Why a day is not a working day. */
export interface NonWorkingDay {
  readonly date: LocalDate;
  readonly kind: 'weekend' | 'bank-holiday' | 'closure';
  /** "Saturday", "Boxing Day", "Christmas closure" ... */
  readonly title: string;
  /** Where a bank holiday came from: the published data or the rules for later years. */
  readonly source?: 'data' | 'rules';
}

export interface Calendar {
  readonly division: Division;
  isWorkingDay(date: LocalDate): boolean;
  /** The Nth working day strictly after `date`; `n = 0` gives `date`; negative `n` counts back. */
  addWorkingDays(date: LocalDate, n: number): LocalDate;
  /** Working days d with from < d <= to (negative when `to` is before `from`). */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  /** The reason a day is not a working day, or undefined when it is one. */
  nonWorkingReason(date: LocalDate): NonWorkingDay | undefined;
  /** Every non-working day d with from < d <= to, in order (for explanations). */
  nonWorkingDaysBetween(from: LocalDate, to: LocalDate): NonWorkingDay[];
}
