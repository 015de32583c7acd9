// Policies through the API: what each preset says of first contact, refusal reasons, readings and
// the landlord's own grounds for refusing to escalate, the departures with their clauses, and a
// landlord's policy setting and clearing them. The fields are additive: an operation written
// before them works as it did.
import { CODE_2024, presetById, type Policy } from '@redress/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, gqlData } from '../test/graphql-client.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-09T12:00:00Z' });
});

afterAll(async () => {
  await api?.stop();
});

const POLICY_FIELDS = `
  id version
  firstContact { name optional }
  refusalReasons
  readings { field text }
  escalation { window { length unit } reasonsRequired refusedWhen }
  departures { code clause message }
`;

interface PolicyView {
  id: string;
  version: number;
  firstContact: { name: string; optional: boolean } | null;
  refusalReasons: string[];
  readings: { field: string; text: string }[];
  escalation: {
    window: { length: number; unit: string } | null;
    reasonsRequired: boolean;
    refusedWhen: string | null;
  };
  departures: { code: string; clause: string; message: string }[];
}

const CODE_REASONS = [
  'OVER_12_MONTHS_OLD',
  'LEGAL_PROCEEDINGS',
  'ALREADY_CONSIDERED',
  'SEPARATE_POLICY',
];

async function policy(id: string): Promise<PolicyView> {
  const data = await gqlData<{ policy: PolicyView | null }>(
    api.url,
    `query ($id: ID!) { policy(id: $id) { ${POLICY_FIELDS} } }`,
    { id },
  );
  if (!data.policy) throw new Error(`No policy ${id}`);
  return data.policy;
}

const CREATE = `mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { ${POLICY_FIELDS} } }`;

function codes(view: PolicyView): [string, string][] {
  return view.departures.map((d) => [d.code, d.clause]);
}

describe('the presets', () => {
  it("give the Code's answers under the Code: no first contact, the Code's refusal reasons (no third party, 1.2), no readings", async () => {
    const code = await policy('code-2024');
    expect(code).toMatchObject({
      version: CODE_2024.version,
      firstContact: null,
      refusalReasons: CODE_REASONS,
      readings: [],
      escalation: { window: null, reasonsRequired: false, refusedWhen: null },
      departures: [],
    });
  });

  it("show seed 000's optional service request (1.3, 5.2) and its escalation window as Redress's reading (5.11)", async () => {
    const seed = await policy('seed-000');
    expect(seed.firstContact).toEqual({
      name: 'Service request, resolved on initial contact where possible',
      optional: true,
    });
    expect(seed.readings.map((r) => r.field)).toEqual([
      'escalation.window',
      'closing.autoCloseAfterStage2',
    ]);
    expect(codes(seed)).toEqual([
      ['FIRST_CONTACT_STEP', '1.3, 5.2'],
      ['ESCALATION_TIME_LIMIT', '5.11, 2.2'],
    ]);
  });

  it("show seed 001's own grounds for refusing to escalate, flagged under 5.11", async () => {
    const seed = await policy('seed-001');
    expect(seed.escalation.refusedWhen).toBe(presetById('seed-001')?.escalation.refusedWhen);
    expect(codes(seed)).toContainEqual(['ESCALATION_REFUSAL_GROUNDS', '5.11']);
  });

  it("show seed 003's third-party exclusion, flagged under 1.2, and its first contact the resident must pass", async () => {
    const seed = await policy('seed-003');
    expect(seed.refusalReasons).toContain('THIRD_PARTY_SERVICE');
    expect(seed.firstContact?.optional).toBe(false);
    expect(codes(seed)).toEqual([
      ['FIRST_CONTACT_STEP', '1.3, 5.2'],
      ['REFUSAL_REASON_OUTSIDE_CODE', '1.2'],
      ['ESCALATION_REASONS_REQUIRED', '6.12'],
    ]);
  });

  it('flag an escalation time limit under 5.11, not 6.12 (seed 004), through policyDepartures too', async () => {
    const data = await gqlData<{
      policyDepartures: { code: string; clause: string; message: string }[];
    }>(api.url, '{ policyDepartures(id: "seed-004") { code clause message } }');
    const limit = data.policyDepartures.find((d) => d.code === 'ESCALATION_TIME_LIMIT');
    expect(limit?.clause).toBe('5.11, 2.2');
    expect(limit?.message).toMatch(/Redress never refuses a late request by itself/);
  });
});

describe("a landlord's own policy", () => {
  it('sets a first contact, refusal reasons, readings and grounds of its own, then clears them in its next version', async () => {
    const created = await gqlData<{ createPolicy: PolicyView }>(api.url, CREATE, {
      input: {
        basedOn: 'code-2024',
        id: 'brookside-homes',
        name: 'Brookside Homes',
        firstContact: { name: 'Contact centre resolves first', optional: true },
        refusalReasons: ['LEGAL_PROCEEDINGS', 'THIRD_PARTY_SERVICE'],
        readings: [{ field: 'warningDays', text: 'Our reading of "a few days".' }],
        escalation: { refusedWhen: 'We may refuse if we followed policy.' },
      },
    });
    expect(created.createPolicy).toMatchObject({
      id: 'brookside-homes',
      version: 1,
      firstContact: { name: 'Contact centre resolves first', optional: true },
      refusalReasons: ['LEGAL_PROCEEDINGS', 'THIRD_PARTY_SERVICE'],
      readings: [{ field: 'warningDays', text: 'Our reading of "a few days".' }],
      escalation: {
        window: null,
        reasonsRequired: false,
        refusedWhen: 'We may refuse if we followed policy.',
      },
    });
    expect(codes(created.createPolicy)).toEqual([
      ['FIRST_CONTACT_STEP', '1.3, 5.2'],
      ['REFUSAL_REASON_OUTSIDE_CODE', '1.2'],
      ['ESCALATION_REFUSAL_GROUNDS', '5.11'],
    ]);

    const next = await gqlData<{ createPolicy: PolicyView }>(api.url, CREATE, {
      input: {
        basedOn: 'brookside-homes',
        id: 'brookside-homes',
        name: 'Brookside Homes',
        firstContact: null,
        refusalReasons: null,
        readings: null,
        escalation: { refusedWhen: null },
      },
    });
    expect(next.createPolicy).toMatchObject({
      version: 2,
      firstContact: null,
      refusalReasons: CODE_REASONS,
      readings: [],
      escalation: { refusedWhen: null },
      departures: [],
    });
  });

  it("keeps a preset's readings until the landlord sets the figure", async () => {
    const created = await gqlData<{ createPolicy: PolicyView }>(api.url, CREATE, {
      input: {
        basedOn: 'seed-000',
        id: 'millbank-homes',
        name: 'Millbank Homes',
        escalation: { window: { length: 30, unit: 'CALENDAR_DAYS' } },
      },
    });
    expect(created.createPolicy.readings.map((r) => r.field)).toEqual([
      'closing.autoCloseAfterStage2',
    ]);
    expect(created.createPolicy.departures[1]?.message).toMatch(
      /^Escalation must be asked for within 30 calendar days of the stage 1 response/,
    );
  });

  it('is refused, naming the field, with an empty list of refusal reasons or a nameless first contact', async () => {
    const empty = await gql(api.url, CREATE, {
      input: {
        basedOn: 'code-2024',
        id: 'empty-reasons',
        name: 'Empty reasons',
        refusalReasons: [],
      },
    });
    expect(empty.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'refusalReasons',
    });
    const nameless = await gql(api.url, CREATE, {
      input: {
        basedOn: 'code-2024',
        id: 'nameless-contact',
        name: 'Nameless contact',
        firstContact: { name: ' ', optional: true },
      },
    });
    expect(nameless.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'firstContact.name',
    });
    const unknown = await gql(api.url, CREATE, {
      input: {
        basedOn: 'code-2024',
        id: 'unknown-reason',
        name: 'Unknown',
        refusalReasons: ['TOO_BUSY'],
      },
    });
    expect(unknown.errors?.[0]?.message).toMatch(/RefusalReason/);
  });

  it('is made as before by an operation that names none of the new fields', async () => {
    const data = await gqlData<{
      createPolicy: { id: string; version: number; stage1: { acknowledgeDays: number } };
    }>(
      api.url,
      `mutation ($input: CreatePolicyInput!) {
        createPolicy(input: $input) { id version stage1 { acknowledgeDays } }
      }`,
      {
        input: {
          basedOn: 'seed-003',
          id: 'oakfield',
          name: 'Oakfield',
          stage1: { acknowledgeDays: 3 },
        },
      },
    );
    expect(data.createPolicy).toEqual({
      id: 'oakfield',
      version: 1,
      stage1: { acknowledgeDays: 3 },
    });
    // Made from seed 003, it keeps what the preset sets out.
    expect(await policy('oakfield')).toMatchObject({
      firstContact: { optional: false },
      refusalReasons: expect.arrayContaining(['THIRD_PARTY_SERVICE']),
    });
  });
});

describe('a version stored before these fields were recorded', () => {
  it("reads with the Code's answers, and its departures are those of its figures", async () => {
    // Seed 003 as it was stored before first contact, refusal reasons and readings were kept.
    const {
      firstContact: _firstContact,
      refusalReasons: _refusalReasons,
      readings: _readings,
      ...before
    } = presetById('seed-003') as Policy;
    const stored: Policy = { ...before, id: 'stored-before', version: 1 };
    expect(await api.services.policies.repository.insert(stored)).toBe(true);
    const read = await policy('stored-before');
    expect(read).toMatchObject({
      firstContact: null,
      refusalReasons: CODE_REASONS,
      readings: [],
      escalation: { window: null, reasonsRequired: true, refusedWhen: null },
    });
    expect(codes(read)).toEqual([['ESCALATION_REASONS_REQUIRED', '6.12']]);
  });
});
