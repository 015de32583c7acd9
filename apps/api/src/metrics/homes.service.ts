import { TENURES, type Tenure } from '@redress/domain';
import type { SecurityLog } from '../audit/security-log.service.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require-permission.js';
import type { Clock } from '../clock.js';
import type { Transactions } from '../database/transactions.js';
import { BadUserInputError } from '../errors/app-errors.js';
import type { HomesRecord, HomesRepository } from './homes.repository.js';
import { checkReportingYear } from './measure-enums.type.js';

export type { HomesRecord } from './homes.repository.js';

/** The most homes one tenure's figure may say: ten times the largest landlord's. */
export const MAX_HOMES = 10_000_000;

/** Who a measures input is recorded as: `user:<id>`, `api-key:<id>` or `system:<id>`. */
export function recordedByOf(by: Principal): string {
  const actor = actorOf(by);
  return `${actor.kind}:${actor.id}`;
}

/** The number of homes per reporting year and tenure: what CH01 divides by. */
export class HomesService {
  constructor(
    readonly repository: HomesRepository,
    private readonly transactions: Transactions,
    private readonly securityLog: SecurityLog,
    private readonly clock: Clock,
  ) {}

  /**
   * Sets a year's homes for a tenure. A change is written to the security log with who made it
   * and the figure before and after: every CH01 of that year changes with it.
   */
  async set(by: Principal, year: number, tenure: Tenure, homes: number): Promise<HomesRecord> {
    requirePermission(by, 'homes:write');
    checkReportingYear(year);
    if (!TENURES.includes(tenure)) {
      throw new BadUserInputError(`tenure must be one of ${TENURES.join(', ')}.`, 'tenure');
    }
    if (!Number.isInteger(homes) || homes < 0 || homes > MAX_HOMES) {
      throw new BadUserInputError(
        `homes must be a whole number from 0 to ${MAX_HOMES.toLocaleString('en-GB')}; ${String(homes)} is not.`,
        'homes',
      );
    }
    const { before, after } = await this.transactions.run(async (tx) => {
      const found = await this.repository.findForUpdate(tx, year, tenure);
      if (found && found.homes === homes) return { before: found, after: found };
      const record: HomesRecord = {
        year,
        tenure,
        homes,
        updatedAt: this.clock.now(),
        updatedBy: recordedByOf(by),
      };
      await this.repository.save(tx, record);
      return { before: found, after: record };
    });
    if (before !== after) {
      await this.securityLog.record('homes-changed', by, null, {
        year,
        tenure,
        from: before?.homes ?? null,
        to: homes,
      });
    }
    return after;
  }

  /** Every figure entered, or one year's. */
  async list(by: Principal, year: number | null): Promise<HomesRecord[]> {
    requirePermission(by, 'measures:read');
    if (year !== null) checkReportingYear(year);
    return this.repository.find(year);
  }
}
