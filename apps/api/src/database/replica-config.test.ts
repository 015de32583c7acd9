// DATABASE_REPLICA_URL is read with DATABASE_URL: a replica of a PostgreSQL server, never of the
// built-in PGlite, and refused at start-up with one line saying what to change otherwise.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { createDataSource } from './data-source.js';
import { ReplicaError } from './replica.js';

const PRIMARY = 'postgres://redress@db.landlord.example:5432/redress';
const REPLICA = 'postgres://reader@replica.landlord.example:5432/redress';
const read = (env: Record<string, string>) => loadConfig(env, '/srv/redress').databaseReplicaUrl;

describe('DATABASE_REPLICA_URL', () => {
  it('is absent unless set, and read beside DATABASE_URL', () => {
    expect(read({ DATABASE_URL: PRIMARY })).toBeUndefined();
    expect(read({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: ` ${REPLICA} ` })).toBe(REPLICA);
  });

  it('is refused on the built-in database, which has no replica', () => {
    expect(() => read({ DATABASE_REPLICA_URL: REPLICA })).toThrow(ConfigError);
    expect(() => read({ DATABASE_REPLICA_URL: REPLICA })).toThrow(
      /DATABASE_REPLICA_URL needs DATABASE_URL.*PGlite/,
    );
  });

  it('is refused when it is not a PostgreSQL URL, or names the primary itself', () => {
    expect(() =>
      read({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: 'mysql://replica/redress' }),
    ).toThrow(/DATABASE_REPLICA_URL must be a PostgreSQL URL/);
    expect(() => read({ DATABASE_URL: PRIMARY, DATABASE_REPLICA_URL: PRIMARY })).toThrow(
      /is the same as DATABASE_URL/,
    );
  });

  it('is refused by createDataSource on PGlite before anything is opened', async () => {
    const opening = createDataSource({ inMemory: true, replicaUrl: REPLICA });
    await expect(opening).rejects.toBeInstanceOf(ReplicaError);
    await expect(opening).rejects.toThrow(/needs DATABASE_URL/);
  });
});
