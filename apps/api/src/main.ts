// Decorator metadata must be in place before any decorated class is evaluated.
import 'reflect-metadata';
import type { BankHolidaysData } from '@redress/domain';
import { pino } from 'pino';
import { FilesystemAttachmentStorage } from './attachments/attachment-storage.js';
import { systemClock } from './clock.js';
import { ConfigError, loadBankHolidays, loadConfig, type Config } from './config.js';
import { createDataSource } from './database/data-source.js';
import { ReplicaError } from './database/replica.js';
import { createPgPubSub } from './database/pg-pubsub.js';
import { DeadlineWatcher } from './deadlines/deadline-watcher.js';
import { RetentionJob } from './erasure/retention-job.js';
import { loadDemoData } from './demo/demo-data.js';
import { createServer } from './server.js';
import { createServices } from './services.js';
import { defaultConsoleDir } from './static/console-files.js';
import { FirstStartError, prepareFirstStart } from './auth/first-start.js';
import { runStartupChecks, startupFaultMessage } from './startup-checks.js';

/** The settings in use, once read: a fault after that names them (the port, the folder). */
let started: Config | undefined;

async function readConfig(): Promise<{ config: Config; holidays: BankHolidaysData | undefined }> {
  const config = loadConfig(process.env, process.cwd());
  const holidays = config.bankHolidaysFile
    ? await loadBankHolidays(config.bankHolidaysFile)
    : undefined;
  return { config, holidays };
}

async function main(): Promise<void> {
  let settings: Awaited<ReturnType<typeof readConfig>>;
  try {
    settings = await readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // One line the operator can act on, and no stack: the fault is in the settings, not here.
      process.stderr.write(`redress-api: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { config, holidays } = settings;
  started = config;
  // The port, the data folder or the database server, before any work: a fault is one line.
  await runStartupChecks(config);
  const logger = pino({ level: config.logLevel });
  const clock = systemClock;

  const logDatabase = (message: string, error?: unknown): void => {
    if (error === undefined) logger.warn(message);
    else logger.error({ err: error }, message);
  };
  // Runs every pending migration before it returns: the schema is current before anything serves.
  const database = await createDataSource({
    databaseUrl: config.databaseUrl,
    ...(config.databaseReplicaUrl ? { replicaUrl: config.databaseReplicaUrl } : {}),
    dataDir: config.dataDir,
    log: logDatabase,
  });
  const pubsub = createPgPubSub(database.dataSource, database.listener, logDatabase);
  const services = createServices(database.dataSource, {
    clock,
    // Reports and exports: the replica's connection with DATABASE_REPLICA_URL, else the primary.
    reads: database.reads,
    holidays,
    pubsub,
    log: logDatabase,
    oidc: config.oidc,
    ...(config.signingKey ? { signingKey: config.signingKey } : {}),
    rateLimits: config.rateLimits,
    mail: config.mail,
    attachmentStorage: new FilesystemAttachmentStorage(config.attachmentsDir),
  });
  await services.policies.ensurePresets();

  const demo = config.demoData && (await services.complaints.repository.countAll()) === 0;
  const firstStart = await prepareFirstStart(services, {
    adminEmail: config.admin.email,
    adminPassword: config.admin.password,
    demo,
  });
  if (demo) {
    const loaded = await loadDemoData(services, clock, {
      onlyIfEmpty: true,
      ...(firstStart.demoPassword ? { staffPassword: firstStart.demoPassword } : {}),
    });
    if (loaded > 0) logger.info({ complaints: loaded }, 'Loaded demo data into an empty database');
  }

  const watcher = new DeadlineWatcher(services, {
    clock,
    pubsub,
    holidays,
    log: logDatabase,
  });
  watcher.start(config.watchIntervalMs);
  services.letterSender.start();
  const retention =
    config.retentionYears === null
      ? null
      : new RetentionJob(services.anonymisation, config.retentionYears, logDatabase);
  retention?.start();

  const server = createServer({
    services,
    pubsub,
    clock,
    dataSource: database.dataSource,
    holidays,
    logger,
    corsOrigins: config.corsOrigins,
    maxComplexity: config.maxComplexity,
    production: config.production,
    trustedProxies: config.trustedProxies,
    consoleDir: defaultConsoleDir(),
  });
  const url = await server.start(config.port);
  logger.info(
    {
      url,
      database: config.databaseUrl ? 'postgresql' : `pglite ${config.dataDir}`,
      attachments: config.attachmentsDir,
      ...(config.databaseReplicaUrl ? { reportsFrom: 'read replica' } : {}),
    },
    `Redress API ready at ${url}`,
  );
  // Told once, on the console rather than in the log: how to sign in to what was just made.
  for (const line of firstStart.lines) process.stdout.write(`redress-api: ${line}\n`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping');
    try {
      await watcher.stop();
      await services.letterSender.stop();
      await retention?.stop();
      await server.stop();
      await database.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'Could not stop cleanly');
      process.exit(1);
    }
  };
  process.once('SIGINT', (signal) => void stop(signal));
  process.once('SIGTERM', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  if (error instanceof FirstStartError || error instanceof ReplicaError) {
    process.stderr.write(`redress-api: ${error.message}\n`);
    process.exit(1);
  }
  // A fault in the surroundings the operator can fix: one line, no stack.
  const fault = startupFaultMessage(error, started);
  if (fault !== null) {
    process.stderr.write(`redress-api: ${fault}\n`);
    process.exit(1);
  }
  process.stderr.write(
    `redress-api: could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
