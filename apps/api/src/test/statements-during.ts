// Counting SQL statements: a TypeORM logger put in front of the data source's own, so every
// statement TypeORM sends, on PGlite or PostgreSQL, passes it.
import type { DataSource, Logger, QueryRunner } from 'typeorm';

/** Runs `work` and returns the statements TypeORM sent meanwhile. */
export async function statementsDuring(
  dataSource: DataSource,
  work: () => Promise<unknown>,
): Promise<string[]> {
  const inner = dataSource.logger;
  const seen: string[] = [];
  const counting: Logger = {
    logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner) {
      seen.push(query);
      inner.logQuery(query, parameters, queryRunner);
    },
    logQueryError: (error, query, parameters, queryRunner) =>
      inner.logQueryError(error, query, parameters, queryRunner),
    logQuerySlow: (time, query, parameters, queryRunner) =>
      inner.logQuerySlow(time, query, parameters, queryRunner),
    logSchemaBuild: (message, queryRunner) => inner.logSchemaBuild(message, queryRunner),
    logMigration: (message, queryRunner) => inner.logMigration(message, queryRunner),
    log: (level, message, queryRunner) => inner.log(level, message, queryRunner),
  };
  dataSource.setOptions({ logger: counting });
  try {
    await work();
  } finally {
    dataSource.setOptions({ logger: inner });
  }
  return seen;
}
