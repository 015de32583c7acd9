// The figures are the events' and nothing else's: wiping the measure columns the writes stored
// and rebuilding the read model from the events gives every figure, breakdown and drill-down
// back as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumNameOf } from '../scalars/graphql-enum.js';
import { gqlData } from '../test/graphql-client.js';
import {
  MEASURE_BREAKDOWN,
  MEASURE_CASES,
  MEASURES,
  measureSteps,
  TSM_REPORT,
} from '../test/measures-operations.js';
import { signInNewUser } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { MEASURE_NAMES } from './measure-names.type.js';

const YEAR = 2026;
let api: TestServer;
const steps = measureSteps(() => api.url);
const at = (instant: string): string => {
  api.clock.set(instant);
  return instant;
};

/** Every figure the API answers for the year, in one value to compare. */
async function everything(): Promise<unknown> {
  const tsm = await gqlData(api.url, TSM_REPORT, { year: YEAR });
  const measures = await gqlData(api.url, MEASURES, { year: YEAR });
  const perMeasure: Record<string, unknown> = {};
  for (const name of MEASURE_NAMES) {
    const measure = enumNameOf(name);
    perMeasure[measure] = {
      byMonth: await gqlData(api.url, MEASURE_BREAKDOWN, { year: YEAR, measure, by: 'MONTH' }),
      byTenure: await gqlData(api.url, MEASURE_BREAKDOWN, { year: YEAR, measure, by: 'TENURE' }),
      cases: await gqlData(api.url, MEASURE_CASES, {
        year: YEAR,
        measure,
        part: 'NUMERATOR',
        first: 200,
      }),
    };
  }
  return { tsm, measures, perMeasure };
}

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-02T09:00:00Z' });
  const reviewer = (await signInNewUser(api.services, 'MANAGER')).headers;
  // On time; acknowledged late; extended and answered within it; escalated and answered at
  // stage 2; withdrawn; refused; one with an agreed action done late.
  const onTime = await steps.log(at('2026-11-02T10:00:00Z'));
  await steps.acknowledge(onTime, at('2026-11-02T11:00:00Z'));
  await steps.respond(onTime, at('2026-11-10T10:00:00Z'));

  const lateAck = await steps.log(at('2026-11-02T10:00:00Z'), { tenure: 'LCHO' });
  await steps.acknowledge(lateAck, at('2026-11-11T10:00:00Z'));
  await steps.respond(lateAck, at('2026-11-16T10:00:00Z'));

  const extended = await steps.log(at('2026-11-02T10:00:00Z'));
  await steps.acknowledge(extended, at('2026-11-02T11:00:00Z'));
  await steps.extend(extended, at('2026-11-12T10:00:00Z'), 5, '2026-11-12');
  await steps.respond(extended, at('2026-11-20T10:00:00Z'));

  const escalated = await steps.log(at('2026-11-03T10:00:00Z'), { category: 'heating' });
  await steps.acknowledge(escalated, at('2026-11-03T11:00:00Z'));
  await steps.respond(escalated, at('2026-11-05T10:00:00Z'), 'NOT_UPHELD');
  await steps.escalate(escalated, at('2026-11-06T10:00:00Z'));
  await steps.acknowledge(escalated, at('2026-11-09T10:00:00Z'), reviewer);
  await steps.respond(escalated, at('2026-11-27T10:00:00Z'), 'UPHELD', reviewer);

  const withdrawn = await steps.log(at('2026-11-04T10:00:00Z'));
  await steps.withdraw(withdrawn, at('2026-11-05T10:00:00Z'));

  const refused = await steps.log(at('2026-11-04T10:00:00Z'));
  await steps.refuse(refused, at('2026-11-05T10:00:00Z'));

  at('2026-12-01T09:00:00Z');
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

describe('the measures after a rebuild', () => {
  it('are the same figures, breakdowns and cases as the writes stored', async () => {
    const before = await everything();
    expect(JSON.stringify(before)).toContain('"stage1Received":5');

    // Lose what the writes stored, so that only a rebuild from the events can bring it back.
    await api.dataSource.query(
      `UPDATE complaint SET received_year = 2000, stage1_counted = false, stage1_on_time = NULL,
              stage1_responded_year = NULL, stage2_received_year = NULL, stage2_counted = NULL,
              stage2_responded_year = NULL, stage1_ack_on_time = NULL`,
    );
    await api.dataSource.query('DELETE FROM complaint_action_measure');
    expect(await everything()).not.toEqual(before);

    await api.services.readModel.rebuild();
    expect(await everything()).toEqual(before);
  });
});
