// The Code's measures through the API: the figures of measures(), each figure's breakdown and
// the cases behind it agreeing with one another, the filter, the satisfaction target of the
// policy the year's cases were handled under (seed 002: 6.5), paging through the drill-down,
// no personal data in it, and who may ask. Reporting year 2026 (1 Apr 2026 - 31 Mar 2027).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData, gqlError, type Variables } from '../test/graphql-client.js';
import {
  MEASURE_BREAKDOWN,
  MEASURE_CASES,
  MEASURES,
  measureSteps,
  type CaseRef,
} from '../test/measures-operations.js';
import { RESIDENT } from '../test/casework-operations.js';
import { newPartnerKey, signInNewUser } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { enumNameOf } from '../scalars/graphql-enum.js';
import { MEASURE_NAMES } from './measure-names.type.js';

interface Bucket {
  key: string;
  label: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
}
interface CaseNode {
  id: string;
  reference: string;
  stage: number;
  tenure: string;
  category: string;
  receivedOn: string | null;
  respondedOn: string | null;
  onTime: boolean | null;
  outcome: string | null;
  teamId: string | null;
  actionId: string | null;
  dueOn: string | null;
}
interface CasesPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: CaseNode[];
}

const YEAR = 2026;
const SAM = { name: 'Sam Okafor', type: 'TENANT', email: 'sam.okafor@example.org' };
let api: TestServer;
const steps = measureSteps(() => api.url);
const at = (instant: string): string => {
  api.clock.set(instant);
  return instant;
};
const run = (document: string, variables: Variables, headers?: Record<string, string>) =>
  gqlData(api.url, document, variables, headers);
const cases: Record<'P1' | 'P2' | 'P3' | 'P5', CaseRef> = {} as never;

const AGREE = `mutation ($id: ID!, $input: AgreeActionInput!, $at: DateTime) {
  agreeAction(complaintId: $id, input: $input, at: $at) { id } }`;
const COMPLETE = `mutation ($id: ID!, $actionId: ID!, $at: DateTime) {
  completeAction(complaintId: $id, actionId: $actionId, at: $at) { id } }`;
const PAY = `mutation ($id: ID!, $remedyId: ID!, $amountPence: Int!, $paidOn: LocalDate!, $at: DateTime) {
  payRemedy(complaintId: $id, remedyId: $remedyId, amountPence: $amountPence, paidOn: $paidOn, at: $at) { id } }`;
const CLOSE = `mutation ($id: ID!, $at: DateTime) { closeComplaint(id: $id, at: $at) { id } }`;
const SATISFACTION = `mutation ($id: ID!, $score: Int!, $at: DateTime) {
  recordSatisfaction(complaintId: $id, score: $score, at: $at) { id } }`;
const RESPOND = `mutation ($id: ID!, $input: RespondInput!, $at: DateTime) {
  respondToComplaint(id: $id, input: $input, at: $at) { id } }`;
const REFER = `mutation ($id: ID!, $at: DateTime) {
  referToOmbudsman(id: $id, reference: "HOS-202600123", at: $at) { id } }`;
const DETERMINE = `mutation ($id: ID!, $at: DateTime) {
  recordOmbudsmanDetermination(complaintId: $id, at: $at, input: {
    reference: "HOS-202600123", determinedOn: "2026-12-10", findings: [MALADMINISTRATION],
    summary: "The repair was left too long." }) { id } }`;

const measures = async (filter?: Variables) =>
  (await gqlData<{ measures: Record<string, unknown> }>(api.url, MEASURES, { year: YEAR, filter }))
    .measures;
const breakdown = async (measure: string, by: string, filter?: Variables): Promise<Bucket[]> =>
  (
    await gqlData<{ measureBreakdown: Bucket[] }>(api.url, MEASURE_BREAKDOWN, {
      year: YEAR,
      measure,
      by,
      filter,
    })
  ).measureBreakdown;
const casesOf = async (measure: string, part: string, extra: Variables = {}): Promise<CasesPage> =>
  (
    await gqlData<{ measureCases: CasesPage }>(api.url, MEASURE_CASES, {
      year: YEAR,
      measure,
      part,
      first: 200,
      ...extra,
    })
  ).measureCases;

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-02T09:00:00Z' });
  // Stage 2 is taken by someone not involved at stage 1 (Code 6.13).
  const reviewer = (await signInNewUser(api.services, 'MANAGER')).headers;
  const seed002 = { policyId: 'seed-002' };

  // P1 (Jordan, repairs, LCRA): received Mon 2 Nov, acknowledged that day, answered Fri 6 Nov
  // (4 working days) upheld with £150 compensation and an action due 20 Nov done on the 19th;
  // paid, closed, scored 8.
  cases.P1 = await steps.log(at('2026-11-02T10:00:00Z'), seed002);
  await steps.acknowledge(cases.P1, at('2026-11-02T14:00:00Z'));
  await run(RESPOND, {
    id: cases.P1.id,
    at: at('2026-11-06T10:00:00Z'),
    input: {
      outcome: 'UPHELD',
      findings: 'The gutter was reported three times.',
      remedies: [
        { kind: 'FINANCIAL_COMPENSATION', description: 'Damaged carpet.', amountPence: 15000 },
      ],
    },
  });
  await run(AGREE, {
    id: cases.P1.id,
    at: at('2026-11-06T11:00:00Z'),
    input: { id: 'gutter', description: 'Fix the gutter.', owner: 'Repairs', dueOn: '2026-11-20' },
  });
  await run(COMPLETE, { id: cases.P1.id, actionId: 'gutter', at: at('2026-11-19T10:00:00Z') });
  await run(PAY, {
    id: cases.P1.id,
    remedyId: '1.1',
    amountPence: 15000,
    paidOn: '2026-11-19',
    at: at('2026-11-19T11:00:00Z'),
  });
  await run(CLOSE, { id: cases.P1.id, at: at('2026-11-20T10:00:00Z') });
  await run(SATISFACTION, { id: cases.P1.id, score: 8, at: at('2026-12-01T10:00:00Z') });

  // P2 (Jordan again, repairs, LCRA): received Tue 3 Nov, acknowledgement due Tue 10 Nov but made
  // Thu 12 Nov (late); answered Fri 13 Nov (8 working days) not upheld; an action due 20 Nov
  // done on the 23rd (late); closed, scored 4.
  cases.P2 = await steps.log(at('2026-11-03T10:00:00Z'), seed002);
  await steps.acknowledge(cases.P2, at('2026-11-12T10:00:00Z'));
  await steps.respond(cases.P2, at('2026-11-13T10:00:00Z'), 'NOT_UPHELD');
  await run(AGREE, {
    id: cases.P2.id,
    at: at('2026-11-13T11:00:00Z'),
    input: { id: 'fan', description: 'Fit a fan.', owner: 'Repairs', dueOn: '2026-11-20' },
  });
  await run(COMPLETE, { id: cases.P2.id, actionId: 'fan', at: at('2026-11-23T10:00:00Z') });
  await run(CLOSE, { id: cases.P2.id, at: at('2026-11-24T10:00:00Z') });
  await run(SATISFACTION, { id: cases.P2.id, score: 4, at: at('2026-12-02T10:00:00Z') });

  // P3 (Priya, anti-social behaviour, LCHO): received Wed 4 Nov, acknowledged that day, answered
  // Mon 9 Nov (3 working days) partly upheld; escalated Tue 10 Nov, acknowledged Wed 11 Nov,
  // answered Fri 20 Nov (8 working days) upheld with £50 offered and not yet paid, an action
  // due 31 Dec still open; referred to the Ombudsman, who found maladministration.
  cases.P3 = await steps.log(at('2026-11-04T10:00:00Z'), {
    ...seed002,
    tenure: 'LCHO',
    category: 'anti-social behaviour',
    complainant: RESIDENT,
  });
  await steps.acknowledge(cases.P3, at('2026-11-04T15:00:00Z'));
  await steps.respond(cases.P3, at('2026-11-09T10:00:00Z'), 'PARTLY_UPHELD');
  await steps.escalate(cases.P3, at('2026-11-10T10:00:00Z'));
  await steps.acknowledge(cases.P3, at('2026-11-11T10:00:00Z'), reviewer);
  await run(
    RESPOND,
    {
      id: cases.P3.id,
      at: at('2026-11-20T10:00:00Z'),
      input: {
        outcome: 'UPHELD',
        findings: 'Reports of noise were not followed up.',
        remedies: [
          { kind: 'FINANCIAL_COMPENSATION', description: 'Time and trouble.', amountPence: 5000 },
        ],
      },
    },
    reviewer,
  );
  await run(AGREE, {
    id: cases.P3.id,
    at: at('2026-11-20T11:00:00Z'),
    input: { id: 'visit', description: 'Visit the block.', owner: 'ASB team', dueOn: '2026-12-31' },
  });
  await run(REFER, { id: cases.P3.id, at: at('2026-11-25T10:00:00Z') });
  await run(DETERMINE, { id: cases.P3.id, at: at('2026-12-10T10:00:00Z') });

  // P5 (Sam): refused, legal proceedings.
  cases.P5 = await steps.log(at('2026-11-05T10:00:00Z'), { ...seed002, complainant: SAM });
  await steps.refuse(cases.P5, at('2026-11-06T10:00:00Z'));

  at('2026-12-15T09:00:00Z');
  for (const [tenure, homes] of [
    ['LCRA', 1000],
    ['LCHO', 200],
  ] as const) {
    await run(
      `mutation ($tenure: Tenure!, $homes: Int!) { setHomes(year: ${YEAR}, tenure: $tenure, homes: $homes) { homes } }`,
      { tenure, homes },
    );
  }
}, 300_000);

afterAll(async () => {
  await api?.stop();
});

describe('measures', () => {
  it("answers the year's figures", async () => {
    expect(await measures()).toEqual({
      year: YEAR,
      from: '2026-04-01',
      to: '2027-03-31',
      // P1 and P3 on time, P2 late; P5 refused is not among them. Stage 2: P3.
      acknowledgedOnTime: [
        { stage: 1, numerator: 2, denominator: 3, percentage: expect.closeTo(66.6667, 4) },
        { stage: 2, numerator: 1, denominator: 1, percentage: 100 },
      ],
      // P1's on time, P2's late; P3's is open and not yet due.
      actionsOnTime: { numerator: 1, denominator: 2, percentage: 50 },
      // Seed 002's: every agreed action on time.
      actionsOnTimeTarget: 100,
      outcomesByCategory: [
        { category: 'anti-social behaviour', stage: 1, outcome: 'PARTLY_UPHELD', count: 1 },
        { category: 'anti-social behaviour', stage: 2, outcome: 'UPHELD', count: 1 },
        { category: 'repairs', stage: 1, outcome: 'NOT_UPHELD', count: 1 },
        { category: 'repairs', stage: 1, outcome: 'UPHELD', count: 1 },
      ],
      // P3 of P1 P2 P3.
      escalationRate: { numerator: 1, denominator: 3, percentage: expect.closeTo(33.3333, 4) },
      refusalsByReason: [{ reason: 'LEGAL_PROCEEDINGS', count: 1 }],
      ombudsmanReferrals: 1,
      ombudsmanFindings: [{ finding: 'MALADMINISTRATION', count: 1 }],
      // £150 (P1) + £50 (P3) offered; P1's £150 paid.
      compensationOfferedPence: 20000,
      compensationPaidPence: 15000,
      // Jordan: P1 and P2.
      repeatComplainants: 1,
      averageWorkingDaysToRespond: [
        // (4 + 8 + 3) / 3 = 5
        { stage: 1, responses: 3, average: 5 },
        // P3: escalated Tue 10 Nov, answered Fri 20 Nov.
        { stage: 2, responses: 1, average: 8 },
      ],
      // (8 + 4) / 2 = 6, against seed 002's 6.5.
      transactionalSatisfaction: { responses: 2, average: 6, target: 6.5 },
    });
  });

  it('counts only the cases the filter matches', async () => {
    const lcho = await measures({ tenure: 'LCHO' });
    expect(lcho).toMatchObject({
      escalationRate: { numerator: 1, denominator: 1, percentage: 100 },
      actionsOnTime: { numerator: 0, denominator: 0, percentage: null },
      repeatComplainants: 0,
      compensationOfferedPence: 5000,
      transactionalSatisfaction: { responses: 0, average: null, target: 6.5 },
    });
    const repairs = await measures({ category: 'repairs' });
    expect(repairs).toMatchObject({
      acknowledgedOnTime: [
        { stage: 1, numerator: 1, denominator: 2 },
        { stage: 2, numerator: 0, denominator: 0, percentage: null },
      ],
      repeatComplainants: 1,
    });
    // A team id that cannot be one matches nothing, rather than failing.
    const none = await measures({ teamId: 'not-a-team' });
    expect(none).toMatchObject({ escalationRate: { numerator: 0, denominator: 0 } });
  });
});

describe('measureBreakdown', () => {
  it('breaks a rate down by tenure, month, category and team', async () => {
    expect(await breakdown('ACKNOWLEDGED_ON_TIME_STAGE1', 'TENURE')).toEqual([
      { key: 'LCRA', label: 'Low-cost rental (LCRA)', numerator: 1, denominator: 2, value: 50 },
      {
        key: 'LCHO',
        label: 'Low-cost home ownership (LCHO)',
        numerator: 1,
        denominator: 1,
        value: 100,
      },
      {
        key: 'OTHER',
        label: 'Other (leaseholder, non-social)',
        numerator: 0,
        denominator: 0,
        value: null,
      },
    ]);
    const months = await breakdown('ACKNOWLEDGED_ON_TIME_STAGE1', 'MONTH');
    expect(months.map((m) => m.key)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
    expect(months.find((m) => m.key === '2026-11')).toEqual({
      key: '2026-11',
      label: 'November 2026',
      numerator: 2,
      denominator: 3,
      value: expect.closeTo(66.6667, 4),
    });
    expect(await breakdown('ACKNOWLEDGED_ON_TIME_STAGE1', 'CATEGORY')).toEqual([
      {
        key: 'anti-social behaviour',
        label: 'anti-social behaviour',
        numerator: 1,
        denominator: 1,
        value: 100,
      },
      { key: 'repairs', label: 'repairs', numerator: 1, denominator: 2, value: 50 },
    ]);
    expect(await breakdown('ACKNOWLEDGED_ON_TIME_STAGE1', 'TEAM')).toEqual([
      {
        key: 'none',
        label: 'No team',
        numerator: 2,
        denominator: 3,
        value: expect.closeTo(66.6667, 4),
      },
    ]);
  });

  it('gives CH01 per 1,000 homes: by tenure its own homes, otherwise all of them', async () => {
    expect(await breakdown('CH01_STAGE1', 'TENURE')).toEqual([
      // (2 / 1000) * 1000 = 2
      { key: 'LCRA', label: 'Low-cost rental (LCRA)', numerator: 2, denominator: 1000, value: 2 },
      // (1 / 200) * 1000 = 5
      {
        key: 'LCHO',
        label: 'Low-cost home ownership (LCHO)',
        numerator: 1,
        denominator: 200,
        value: 5,
      },
      {
        key: 'OTHER',
        label: 'Other (leaseholder, non-social)',
        numerator: 0,
        denominator: null,
        value: null,
      },
    ]);
    const november = (await breakdown('CH01_STAGE1', 'MONTH')).find((m) => m.key === '2026-11');
    // (3 / 1200) * 1000 = 2.5
    expect(november).toMatchObject({ numerator: 3, denominator: 1200, value: 2.5 });
  });
});

describe('measureCases', () => {
  it('lists the same cases each figure counts, part by part, as its breakdown and report', async () => {
    for (const name of MEASURE_NAMES) {
      const measure = enumNameOf(name);
      const buckets = await breakdown(measure, 'MONTH');
      const numerator = await casesOf(measure, 'NUMERATOR');
      const sum = (pick: (b: Bucket) => number) => buckets.reduce((n, b) => n + pick(b), 0);
      expect(numerator.totalCount, measure).toBe(sum((b) => b.numerator));
      expect(numerator.nodes, measure).toHaveLength(numerator.totalCount);
      if (name.startsWith('ch01')) {
        const error = await gqlError(api.url, MEASURE_CASES, {
          year: YEAR,
          measure,
          part: 'DENOMINATOR',
        });
        expect(error.extensions?.code, measure).toBe('BAD_USER_INPUT');
        continue;
      }
      const denominator = await casesOf(measure, 'DENOMINATOR');
      expect(denominator.totalCount, measure).toBe(sum((b) => b.denominator ?? 0));
      const among = new Set(denominator.nodes.map((n) => `${n.id}/${n.actionId ?? ''}`));
      for (const node of numerator.nodes)
        expect(among.has(`${node.id}/${node.actionId ?? ''}`)).toBe(true);
    }
    const report = await measures();
    expect((await casesOf('ESCALATION_RATE', 'NUMERATOR')).nodes.map((n) => n.reference)).toEqual([
      cases.P3.reference,
    ]);
    expect(report.escalationRate).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('shows what the figure counted, and nothing about the resident', async () => {
    const late = await casesOf('ACTIONS_ON_TIME', 'DENOMINATOR');
    expect(late.nodes).toEqual([
      {
        id: cases.P1.id,
        reference: cases.P1.reference,
        stage: 1,
        tenure: 'LCRA',
        category: 'repairs',
        receivedOn: '2026-11-02',
        respondedOn: '2026-11-19',
        onTime: true,
        outcome: 'UPHELD',
        teamId: null,
        actionId: 'gutter',
        dueOn: '2026-11-20',
      },
      {
        id: cases.P2.id,
        reference: cases.P2.reference,
        stage: 1,
        tenure: 'LCRA',
        category: 'repairs',
        receivedOn: '2026-11-03',
        respondedOn: '2026-11-23',
        onTime: false,
        outcome: 'NOT_UPHELD',
        teamId: null,
        actionId: 'fan',
        dueOn: '2026-11-20',
      },
    ]);
    const body = JSON.stringify(await casesOf('CH01_STAGE1', 'NUMERATOR'));
    for (const personal of ['Jordan', 'Priya', 'example.org', 'Damp']) {
      expect(body).not.toContain(personal);
    }
  });

  it('pages by reference with a cursor, and refuses one of another figure', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const result: CasesPage = await casesOf('ACKNOWLEDGED_ON_TIME_STAGE1', 'DENOMINATOR', {
        first: 1,
        after,
      });
      seen.push(...result.nodes.map((n) => n.reference));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen).toEqual([cases.P1.reference, cases.P2.reference, cases.P3.reference]);
    const first = await casesOf('ACKNOWLEDGED_ON_TIME_STAGE1', 'DENOMINATOR', { first: 1 });
    const error = await gqlError(api.url, MEASURE_CASES, {
      year: YEAR,
      measure: 'ESCALATION_RATE',
      part: 'DENOMINATOR',
      after: first.pageInfo.endCursor,
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await gqlError(api.url, MEASURE_CASES, {
      year: YEAR,
      measure: 'ESCALATION_RATE',
      part: 'DENOMINATOR',
      first: 201,
    });
    expect(tooMany.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('who may read the measures', () => {
  it('lets analysts and keys with measures:read in, and no one else', async () => {
    const analyst = await signInNewUser(api.services, 'ANALYST');
    const key = await newPartnerKey(api.services, ['measures:read']);
    for (const headers of [analyst.headers, key.headers]) {
      const data = await gqlData<{ measures: { ombudsmanReferrals: number } }>(
        api.url,
        MEASURES,
        { year: YEAR },
        headers,
      );
      expect(data.measures.ombudsmanReferrals).toBe(1);
    }
    const handler = await signInNewUser(api.services, 'HANDLER');
    const reader = await newPartnerKey(api.services, ['complaints:read']);
    for (const headers of [handler.headers, reader.headers]) {
      const error = await gqlError(
        api.url,
        MEASURE_CASES,
        { year: YEAR, measure: 'CH02_STAGE1', part: 'NUMERATOR' },
        headers,
      );
      expect(error.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await gqlError(api.url, MEASURES, { year: YEAR }, { authorization: '' });
    expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('what is late depends on the day the figures are asked', () => {
  it('counts an open action as late from the day after it was due, and not before', async () => {
    const before = api.clock.now();
    try {
      // P3's visit is due Thu 31 Dec 2026 and still open. On the day itself it is not judged:
      // of P1's and P2's, one on time.
      api.clock.set(new Date('2026-12-31T12:00:00Z'));
      expect(await measures()).toMatchObject({
        actionsOnTime: { numerator: 1, denominator: 2, percentage: 50 },
      });
      // From Fri 1 Jan 2027 it is late: one on time of three, and the cases behind the figure's
      // denominator list it.
      api.clock.set(new Date('2027-01-04T12:00:00Z'));
      expect(await measures()).toMatchObject({
        actionsOnTime: { numerator: 1, denominator: 3 },
      });
      const denominator = await casesOf('ACTIONS_ON_TIME', 'DENOMINATOR');
      expect(denominator.nodes.map((node) => node.actionId).sort()).toEqual(
        ['fan', 'gutter', 'visit'].sort(),
      );
      const numerator = await casesOf('ACTIONS_ON_TIME', 'NUMERATOR');
      expect(numerator.nodes.map((node) => node.actionId)).not.toContain('visit');
    } finally {
      api.clock.set(before);
    }
  });
});
