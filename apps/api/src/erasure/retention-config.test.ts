import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

const yearsOf = (env: Record<string, string>) => loadConfig(env, '/srv/redress').retentionYears;

describe('REDRESS_RETENTION_YEARS', () => {
  it('keeps a resident’s personal data six years after their last case ended unless told', () => {
    expect(yearsOf({})).toBe(6);
    expect(yearsOf({ REDRESS_RETENTION_YEARS: '7' })).toBe(7);
  });

  it('is off, never anonymising on a schedule, only when asked in so many words', () => {
    expect(yearsOf({ REDRESS_RETENTION_YEARS: 'off' })).toBeNull();
    expect(yearsOf({ REDRESS_RETENTION_YEARS: 'OFF' })).toBeNull();
  });

  it.each(['0', '-1', '2.5', 'six', '101'])('refuses %s, naming the variable', (value) => {
    expect(() => yearsOf({ REDRESS_RETENTION_YEARS: value })).toThrow(ConfigError);
    expect(() => yearsOf({ REDRESS_RETENTION_YEARS: value })).toThrow(/REDRESS_RETENTION_YEARS/);
  });
});
