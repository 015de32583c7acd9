// Policy.preset tells Redress's presets from the landlord's own, for the console's list: a
// preset made from another preset is still a preset, a landlord's policy made from one is not.
import { PRESETS } from '@redress/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData } from '../test/graphql-client.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-09T12:00:00Z' });
});

afterAll(async () => {
  await api?.stop();
});

interface Row {
  id: string;
  basedOn: string | null;
  preset: boolean;
}

describe('Policy.preset', () => {
  it("is true for each of Redress's presets, whether or not made from another", async () => {
    const { policies } = await gqlData<{ policies: Row[] }>(
      api.url,
      '{ policies { id basedOn preset } }',
    );
    const presets = policies.filter((row) => row.preset).map((row) => row.id);
    expect(presets.sort()).toEqual(PRESETS.map((preset) => preset.id).sort());
    // Most presets are made from the Code's: basedOn alone cannot tell them from a landlord's.
    expect(policies.some((row) => row.preset && row.basedOn !== null)).toBe(true);
  });

  it("is false for the landlord's own, made from a preset", async () => {
    const { createPolicy } = await gqlData<{ createPolicy: Row }>(
      api.url,
      `mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { id basedOn preset } }`,
      { input: { basedOn: 'code-2024', id: 'riverside-2026', name: 'Riverside Homes 2026' } },
    );
    expect(createPolicy).toEqual({ id: 'riverside-2026', basedOn: 'code-2024', preset: false });
    const { policy } = await gqlData<{ policy: Row }>(
      api.url,
      '{ policy(id: "riverside-2026") { id basedOn preset } }',
    );
    expect(policy.preset).toBe(false);
  });
});
