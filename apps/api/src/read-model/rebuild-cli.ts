// `pnpm read-model:rebuild`: makes the read model again from the events (every case's row,
// deadline rows and action-measure rows), with the settings the API runs with. Safe while the
// API runs on PostgreSQL (each batch locks its cases' rows); on PGlite the data folder is the
// server's alone, so stop it first.
import 'reflect-metadata';
import { systemClock } from '../clock.js';
import { ConfigError, loadBankHolidays, loadConfig } from '../config.js';
import { createDataSource } from '../database/data-source.js';
import { createPgPubSub } from '../database/pg-pubsub.js';
import { createServices } from '../services.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env, process.cwd());
  const holidays = config.bankHolidaysFile
    ? await loadBankHolidays(config.bankHolidaysFile)
    : undefined;
  // Runs any pending migration first, as the API does: the columns exist before they are filled.
  const database = await createDataSource({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  const pubsub = createPgPubSub(database.dataSource, database.listener);
  try {
    const services = createServices(database.dataSource, {
      clock: systemClock,
      pubsub,
      ...(holidays ? { holidays } : {}),
    });
    const { complaints, events, ms } = await services.readModel.rebuild();
    process.stdout.write(
      `Rebuilt the read model of ${complaints} complaints from ${events} events in ${ms} ms.\n`,
    );
  } finally {
    await pubsub.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`redress-api: ${error.message}\n`);
  } else {
    process.stderr.write(
      `redress-api: the read model was not rebuilt: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});
