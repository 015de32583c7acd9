// The TSM figures worked by hand: ten cases driven through the API on the test clock, homes set
// and survey responses recorded, then every figure and count of tsmReport checked against the
// arithmetic written beside it. Reporting year 2025 is 1 April 2025 to 31 March 2026 (London
// dates). The policy is the Code's: 5 working days to acknowledge, 10 to respond at stage 1
// counted from the acknowledgement, 20 at stage 2, extensions of up to 10 at stage 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData, gqlError } from '../test/graphql-client.js';
import {
  dueOn,
  MEASURE_CASES,
  measureSteps,
  TSM_REPORT,
  type CaseRef,
} from '../test/measures-operations.js';
import { signInNewUser } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

interface Tsm {
  year: number;
  tenure: string | null;
  from: string;
  to: string;
  homes: number | null;
  stage1Received: number;
  stage2Received: number;
  stage1Responded: number;
  stage1RespondedOnTime: number;
  stage1RespondedOnTimeWithoutExtensions: number;
  stage2Responded: number;
  stage2RespondedOnTime: number;
  stage2RespondedOnTimeWithoutExtensions: number;
  surveyRespondents: number;
  surveySatisfied: number;
  ch01Stage1: number | null;
  ch01Stage2: number | null;
  ch02Stage1: number | null;
  ch02Stage2: number | null;
  ch02Stage1WithoutExtensions: number | null;
  ch02Stage2WithoutExtensions: number | null;
  tp09: number | null;
}

let api: TestServer;
const steps = measureSteps(() => api.url);
/** Each step happens "now": the clock is put at its instant first. */
const at = (instant: string): string => {
  api.clock.set(instant);
  return instant;
};
const cases: Record<string, CaseRef> = {};

const tsm = async (year: number, tenure?: string): Promise<Tsm> =>
  (await gqlData<{ tsmReport: Tsm }>(api.url, TSM_REPORT, { year, tenure })).tsmReport;

beforeAll(async () => {
  api = await startTestServer({ now: '2025-10-01T09:00:00Z' });
  // Stage 2 is taken by someone not involved at stage 1 (Code 6.13).
  const reviewer = (await signInNewUser(api.services, 'MANAGER')).headers;

  // F and G: received Mon 6 Oct 2025, acknowledged that day, answered Fri 10 Oct (stage 1 on
  // time), escalation requested Mon 13 Oct, stage 2 acknowledged Tue 14 Oct (due Mon 20 Oct).
  // Stage 2's response is due 20 working days after the acknowledgement: Tue 11 Nov.
  for (const name of ['F', 'G']) {
    let c = await steps.log(at('2025-10-06T09:00:00Z'));
    await steps.acknowledge(c, at('2025-10-06T15:00:00Z'));
    await steps.respond(c, at('2025-10-10T10:00:00Z'), 'NOT_UPHELD');
    await steps.escalate(c, at('2025-10-13T10:00:00Z'));
    c = await steps.acknowledge(c, at('2025-10-14T10:00:00Z'), reviewer);
    expect(dueOn(c, 2, 'ACKNOWLEDGE')).toBe('2025-10-20');
    expect(dueOn(c, 2, 'RESPOND')).toBe('2025-11-11');
    cases[name] = c;
  }
  // F: stage 2 answered Fri 7 Nov, on time. G: Wed 12 Nov, one working day late.
  await steps.respond(cases.F!, at('2025-11-07T10:00:00Z'), 'UPHELD', reviewer);
  await steps.respond(cases.G!, at('2025-11-12T10:00:00Z'), 'UPHELD', reviewer);

  // A, B, C, D, E, J: received Mon 3 Nov 2025; the acknowledgement is due 5 working days on,
  // Mon 10 Nov.
  for (const name of ['A', 'B', 'C', 'D', 'J']) {
    const logged = await steps.log(at('2025-11-03T10:00:00Z'));
    expect(dueOn(logged, 1, 'ACKNOWLEDGE')).toBe('2025-11-10');
    cases[name] = logged;
  }
  cases.E = await steps.log(at('2025-11-03T10:00:00Z'), { tenure: 'LCHO' });

  // A: acknowledged on its due day (Mon 10 Nov), so the response is due 10 working days after
  // it, Mon 24 Nov; answered on that day. On time by both measures.
  const a = await steps.acknowledge(cases.A!, at('2025-11-10T10:00:00Z'));
  expect(dueOn(a, 1, 'RESPOND')).toBe('2025-11-24');
  await steps.respond(a, at('2025-11-24T16:00:00Z'));

  // B: acknowledged Tue 11 Nov, one working day late; its response date still counts from when
  // the acknowledgement was due (Mon 24 Nov), and it was answered Tue 18 Nov, within it. CH02
  // asks for both on time: not on time.
  const b = await steps.acknowledge(cases.B!, at('2025-11-11T10:00:00Z'));
  expect(dueOn(b, 1, 'RESPOND')).toBe('2025-11-24');
  await steps.respond(b, at('2025-11-18T10:00:00Z'));

  // C: acknowledged the day it came (Mon 3 Nov), response due Mon 17 Nov; answered Tue 18 Nov,
  // one working day late.
  const c = await steps.acknowledge(cases.C!, at('2025-11-03T15:00:00Z'));
  expect(dueOn(c, 1, 'RESPOND')).toBe('2025-11-17');
  await steps.respond(c, at('2025-11-18T10:00:00Z'));

  // D: acknowledged Mon 3 Nov (due Mon 17 Nov), extended by 10 working days (the Code's
  // maximum) with the resident told on Fri 14 Nov: due Mon 1 Dec. Answered Fri 28 Nov: on time
  // with the extension, late without it.
  await steps.acknowledge(cases.D!, at('2025-11-03T15:00:00Z'));
  const d = await steps.extend(cases.D!, at('2025-11-14T10:00:00Z'), 10, '2025-11-14');
  expect(dueOn(d, 1, 'RESPOND')).toBe('2025-12-01');
  await steps.respond(d, at('2025-11-28T10:00:00Z'));

  // E (shared ownership): acknowledged Tue 4 Nov, withdrawn Thu 6 Nov. Received, so counted;
  // never answered.
  await steps.acknowledge(cases.E, at('2025-11-04T10:00:00Z'));
  await steps.withdraw(cases.E, at('2025-11-06T10:00:00Z'));

  // J: refused on Tue 4 Nov (legal proceedings): never taken into the procedure, not counted.
  await steps.refuse(cases.J!, at('2025-11-04T10:00:00Z'));

  // H: received Mon 16 Mar 2026, acknowledged Fri 20 Mar (due Mon 23 Mar). Ten working days on
  // skips Good Friday (3 Apr) and Easter Monday (6 Apr): due Tue 7 Apr. Answered Thu 2 Apr, on
  // time, in the next reporting year.
  const h = await steps.acknowledge(
    await steps.log(at('2026-03-16T10:00:00Z')),
    at('2026-03-20T10:00:00Z'),
  );
  expect(dueOn(h, 1, 'RESPOND')).toBe('2026-04-07');
  cases.H = await steps.respond(h, at('2026-04-02T10:00:00Z'));

  // I: received at 23:30 UTC on Tue 31 Mar 2026, which is 00:30 on Wed 1 Apr in London (BST):
  // the next reporting year's.
  cases.I = await steps.log(at('2026-03-31T23:30:00Z'));

  at('2026-04-20T09:00:00Z');
  // Homes for 2025: 1,500 low-cost rental and 500 shared ownership, 2,000 in all.
  for (const [tenure, homes] of [
    ['LCRA', 1500],
    ['LCHO', 500],
  ] as const) {
    await gqlData(
      api.url,
      'mutation ($tenure: Tenure!, $homes: Int!) { setHomes(year: 2025, tenure: $tenure, homes: $homes) { homes } }',
      { tenure, homes },
    );
  }
  // The perception survey. TP09 counts respondents who complained in the last 12 months and
  // answered: R1-R4 (three of them very or fairly satisfied). R5 did not complain, R6 did not
  // answer, R7 answered in the year before.
  const response = (
    respondent: string,
    tenure: string,
    answeredOn: string,
    complainedInLast12Months: boolean,
    complaintHandling: string | null,
  ) => ({ respondent, tenure, answeredOn, complainedInLast12Months, complaintHandling });
  await gqlData(
    api.url,
    'mutation ($responses: [SurveyResponseInput!]!) { recordSurveyResponses(responses: $responses) { recorded } }',
    {
      responses: [
        response('R1', 'LCRA', '2025-06-02', true, 'VERY_SATISFIED'),
        response('R2', 'LCRA', '2025-07-01', true, 'FAIRLY_SATISFIED'),
        response('R3', 'LCRA', '2025-09-15', true, 'VERY_DISSATISFIED'),
        response('R4', 'LCRA', '2026-01-12', true, 'FAIRLY_SATISFIED'),
        response('R5', 'LCHO', '2025-06-02', false, 'VERY_SATISFIED'),
        response('R6', 'LCHO', '2025-06-03', true, null),
        response('R7', 'LCRA', '2025-03-15', true, 'VERY_SATISFIED'),
      ],
    },
  );
}, 300_000);

afterAll(async () => {
  await api?.stop();
});

describe('tsmReport, worked by hand', () => {
  it('answers every figure and count of 2025, all tenures', async () => {
    expect(await tsm(2025)).toEqual({
      year: 2025,
      tenure: null,
      from: '2025-04-01',
      to: '2026-03-31',
      // 1,500 LCRA + 500 LCHO.
      homes: 2000,
      // A B C D E F G H: E withdrawn still counts, J refused does not, I is 2026's.
      stage1Received: 8,
      // F and G, at their escalation requests (13 Oct).
      stage2Received: 2,
      // A B C D F G; H was answered on 2 Apr 2026, in the next year.
      stage1Responded: 6,
      // A (both on their due days), D (extended within the Code), F, G; not B (acknowledged
      // late) nor C (answered late).
      stage1RespondedOnTime: 4,
      // A F G: D is late without its extension.
      stage1RespondedOnTimeWithoutExtensions: 3,
      stage2Responded: 2,
      // F; G was a day late.
      stage2RespondedOnTime: 1,
      stage2RespondedOnTimeWithoutExtensions: 1,
      // R1 R2 R3 R4.
      surveyRespondents: 4,
      // R1 R2 R4.
      surveySatisfied: 3,
      // (8 / 2000) * 1000 = 4
      ch01Stage1: 4,
      // (2 / 2000) * 1000 = 1
      ch01Stage2: 1,
      // (4 / 6) * 100 = 66.67 (unrounded)
      ch02Stage1: expect.closeTo(66.6667, 4),
      // (1 / 2) * 100 = 50
      ch02Stage2: 50,
      // (3 / 6) * 100 = 50
      ch02Stage1WithoutExtensions: 50,
      // (1 / 2) * 100 = 50
      ch02Stage2WithoutExtensions: 50,
      // (3 / 4) * 100 = 75
      tp09: 75,
    });
  });

  it('answers low-cost rental on its own', async () => {
    expect(await tsm(2025, 'LCRA')).toMatchObject({
      tenure: 'LCRA',
      homes: 1500,
      // Every case but E.
      stage1Received: 7,
      stage2Received: 2,
      stage1Responded: 6,
      stage1RespondedOnTime: 4,
      // (7 / 1500) * 1000 = 4.667
      ch01Stage1: expect.closeTo(4.6667, 4),
      // (2 / 1500) * 1000 = 1.333
      ch01Stage2: expect.closeTo(1.3333, 4),
      // (4 / 6) * 100
      ch02Stage1: expect.closeTo(66.6667, 4),
      // R1-R4 are all LCRA: (3 / 4) * 100 = 75
      surveyRespondents: 4,
      tp09: 75,
    });
  });

  it('answers shared ownership on its own: nothing responded to is null, not 0', async () => {
    expect(await tsm(2025, 'LCHO')).toMatchObject({
      tenure: 'LCHO',
      homes: 500,
      // E, withdrawn: (1 / 500) * 1000 = 2
      stage1Received: 1,
      ch01Stage1: 2,
      // (0 / 500) * 1000 = 0
      stage2Received: 0,
      ch01Stage2: 0,
      // Nothing answered: no percentage.
      stage1Responded: 0,
      ch02Stage1: null,
      ch02Stage2: null,
      // R5 did not complain and R6 did not answer: no respondents.
      surveyRespondents: 0,
      tp09: null,
    });
  });

  it('puts the response after 31 March and the 23:30 UTC receipt in 2026', async () => {
    expect(await tsm(2026)).toMatchObject({
      year: 2026,
      from: '2026-04-01',
      to: '2027-03-31',
      // No homes entered for 2026: CH01 cannot be worked out.
      homes: null,
      // I: 00:30 on 1 April in London.
      stage1Received: 1,
      ch01Stage1: null,
      // H, answered 2 Apr 2026 within its date: (1 / 1) * 100 = 100
      stage1Responded: 1,
      stage1RespondedOnTime: 1,
      ch02Stage1: 100,
      ch02Stage1WithoutExtensions: 100,
      stage2Responded: 0,
      ch02Stage2: null,
      surveyRespondents: 0,
      tp09: null,
    });
    const received = await gqlData<{
      measureCases: { nodes: Array<{ reference: string; receivedOn: string }> };
    }>(api.url, MEASURE_CASES, { year: 2026, measure: 'CH01_STAGE1', part: 'NUMERATOR' });
    expect(received.measureCases.nodes).toEqual([
      expect.objectContaining({ reference: cases.I!.reference, receivedOn: '2026-04-01' }),
    ]);
  });

  it('is refused a year it cannot report, and to a handler', async () => {
    const error = await gqlError(api.url, TSM_REPORT, { year: 1999 });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.field).toBe('year');
    const handler = await signInNewUser(api.services, 'HANDLER');
    const refused = await gqlError(api.url, TSM_REPORT, { year: 2025 }, handler.headers);
    expect(refused.extensions?.code).toBe('FORBIDDEN');
  });
});
