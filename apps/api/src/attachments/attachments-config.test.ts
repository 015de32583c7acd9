import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';

const dirOf = (env: Record<string, string>) => loadConfig(env, '/srv/redress').attachmentsDir;

describe('REDRESS_ATTACHMENTS_DIR', () => {
  it('defaults beside the embedded database’s data folder, wherever that is', () => {
    expect(dirOf({})).toBe('/srv/redress/.data/attachments');
    expect(dirOf({ REDRESS_DATA_DIR: '/var/lib/redress/pglite' })).toBe(
      '/var/lib/redress/attachments',
    );
  });

  it('defaults under the working directory with PostgreSQL, which has no data folder of ours', () => {
    expect(
      dirOf({ DATABASE_URL: 'postgres://db/redress', REDRESS_DATA_DIR: '/elsewhere/pglite' }),
    ).toBe('/srv/redress/.data/attachments');
  });

  it('takes a folder, relative to the working directory or absolute', () => {
    expect(dirOf({ REDRESS_ATTACHMENTS_DIR: 'files' })).toBe('/srv/redress/files');
    expect(dirOf({ REDRESS_ATTACHMENTS_DIR: '/mnt/shared/redress-files' })).toBe(
      '/mnt/shared/redress-files',
    );
  });
});
