/** The API's Division enum, as GraphQL names it. */
export type Division = 'ENGLAND_AND_WALES' | 'SCOTLAND' | 'NORTHERN_IRELAND';

export const DIVISION_LABELS: Readonly<Record<Division, string>> = {
  ENGLAND_AND_WALES: 'England and Wales',
  SCOTLAND: 'Scotland',
  NORTHERN_IRELAND: 'Northern Ireland',
};

export const DIVISIONS = Object.keys(DIVISION_LABELS) as Division[];

/** One bank holiday, as the API's `bankHolidays` answers it. */
export interface BankHoliday {
  readonly date: string;
  readonly title: string;
  /** False for a year GOV.UK has not published yet: the date comes from the rules. */
  readonly published: boolean;
}

/** A day a landlord's policy declares closed, with the policy it belongs to. */
export interface PolicyClosure {
  readonly date: string;
  readonly title: string;
  readonly policyName: string;
}

export type LoadBankHolidays = (year: number, division: Division) => Promise<BankHoliday[]>;
