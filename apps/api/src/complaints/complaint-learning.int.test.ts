// What a case teaches, through GraphQL: the resident's transactional satisfaction once it has
// closed (a later score replacing the earlier, the events keeping both), lessons learnt at any
// point, who may record and read them, and the policy targets the measures are read against.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseworkSteps } from '../test/casework-operations.js';
import { gql, gqlData, gqlError, type Variables } from '../test/graphql-client.js';
import { newPartnerKey, signInNewUser } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

const NOW = '2026-12-01T12:00:00Z';

let api: TestServer;
const { run, log } = caseworkSteps(() => api.url);

const LEARNING = /* GraphQL */ `
  fragment Learning on Complaint {
    id
    version
    status
    satisfaction {
      score
      comment
      at
    }
    lessons {
      lesson
      at
    }
    events {
      type
      data
    }
  }
`;

const SATISFACTION = /* GraphQL */ `
  mutation ($id: ID!, $score: Int!, $comment: String, $at: DateTime, $v: Int) {
    out: recordSatisfaction(
      complaintId: $id
      score: $score
      comment: $comment
      at: $at
      expectedVersion: $v
    ) {
      ...Learning
    }
  }
  ${LEARNING}
`;

const LESSON = /* GraphQL */ `
  mutation ($id: ID!, $lesson: String!, $at: DateTime, $v: Int) {
    out: recordLesson(complaintId: $id, lesson: $lesson, at: $at, expectedVersion: $v) {
      ...Learning
    }
  }
  ${LEARNING}
`;

const GET = /* GraphQL */ `
  query ($id: ID!) {
    out: complaint(id: $id) {
      ...Learning
    }
  }
  ${LEARNING}
`;

interface Learning {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  readonly satisfaction: { score: number; comment: string | null; at: string } | null;
  readonly lessons: { lesson: string; at: string }[];
  readonly events: { type: string; data: Record<string, unknown> }[];
}

async function learning(
  document: string,
  variables: Variables,
  headers: Readonly<Record<string, string>> = {},
): Promise<Learning> {
  const data = await gqlData<{ out: Learning | null }>(api.url, document, variables, headers);
  if (!data.out) throw new Error('answered no complaint');
  return data.out;
}

/** The one error a step answers, and that it wrote nothing. */
async function refused(document: string, variables: Variables & { id: string }) {
  const before = await learning(GET, { id: variables.id });
  const error = await gqlError(api.url, document, variables);
  const after = await learning(GET, { id: variables.id });
  expect(after.version, 'a refused step wrote an event').toBe(before.version);
  return { code: error.extensions?.code, refusal: error.extensions?.refusal, ...error };
}

/** Logged, acknowledged, answered (no remedies) and closed. */
async function closed(headers: Readonly<Record<string, string>> = {}) {
  const c = await log({}, headers);
  await run('acknowledge', { id: c.id, at: '2026-11-09T10:00:00Z' });
  await run('respond', {
    id: c.id,
    at: '2026-11-20T10:00:00Z',
    input: { outcome: 'UPHELD', findings: 'The extractor fan was never fitted.' },
  });
  return run('close', { id: c.id });
}

beforeAll(async () => {
  api = await startTestServer({ now: NOW });
});

afterAll(async () => {
  await api?.stop();
});

describe('recordSatisfaction', () => {
  it('records the score of a closed case, and a later one replaces it while the events keep both', async () => {
    const c = await closed();
    const first = await learning(SATISFACTION, {
      id: c.id,
      score: 4,
      comment: '  It took three letters to get an answer. ',
      v: c.version,
    });
    expect(first).toMatchObject({
      status: 'CLOSED',
      version: c.version + 1,
      satisfaction: {
        score: 4,
        comment: 'It took three letters to get an answer.',
        at: '2026-12-01T12:00:00.000Z',
      },
    });
    api.clock.set(new Date('2026-12-02T09:00:00Z'));
    const second = await learning(SATISFACTION, { id: c.id, score: 9, v: first.version });
    expect(second.satisfaction).toEqual({
      score: 9,
      comment: null,
      at: '2026-12-02T09:00:00.000Z',
    });
    const recorded = second.events.filter((e) => e.type === 'satisfaction-recorded');
    expect(recorded.map((e) => e.data.score)).toEqual([4, 9]);
    expect(await learning(GET, { id: c.id })).toMatchObject({ satisfaction: { score: 9 } });
  });

  it('refuses a case that has not closed, a score off the scale, a stale version and a long comment', async () => {
    const open = await log();
    expect(await refused(SATISFACTION, { id: open.id, score: 8 })).toMatchObject({
      code: 'POLICY_REFUSED',
      refusal: 'COMPLAINT_NOT_CLOSED',
      message: expect.stringContaining('once the complaint has closed') as string,
    });
    const c = await closed();
    for (const score of [11, -1]) {
      expect(await refused(SATISFACTION, { id: c.id, score })).toMatchObject({
        code: 'POLICY_REFUSED',
        refusal: 'SATISFACTION_SCORE_INVALID',
        extensions: { field: 'score' },
      });
    }
    expect(await refused(SATISFACTION, { id: c.id, score: 8, v: c.version - 1 })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      await refused(SATISFACTION, { id: c.id, score: 8, comment: 'x'.repeat(5001) }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'comment' } });
    const fraction = await gql(api.url, SATISFACTION, { id: c.id, score: 6.5 });
    expect(fraction.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is recorded by a partner key on a case it logged (a tenant portal asking the resident)', async () => {
    const key = await newPartnerKey(api.services, ['complaints:read', 'complaints:write']);
    const c = await closed(key.headers);
    const recorded = await learning(SATISFACTION, { id: c.id, score: 7 }, key.headers);
    expect(recorded.satisfaction?.score).toBe(7);
  });

  it("is not an analyst's to record; an analyst reads the score but not the resident's comment", async () => {
    const analyst = await signInNewUser(api.services, 'ANALYST');
    const c = await closed();
    const forbidden = await gql(api.url, SATISFACTION, { id: c.id, score: 8 }, analyst.headers);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await learning(SATISFACTION, { id: c.id, score: 8, comment: 'The officer was kind.' });
    const read = await gql<{ complaint: { satisfaction: Learning['satisfaction'] } }>(
      api.url,
      `query ($id: ID!) { complaint(id: $id) { satisfaction { score comment } } }`,
      { id: c.id },
      analyst.headers,
    );
    expect(read.data?.complaint.satisfaction).toEqual({ score: 8, comment: null });
    expect(read.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([
      ['FORBIDDEN', 'complaint.satisfaction.comment'],
    ]);
  });
});

describe('recordLesson', () => {
  const FIRST = 'Book the surveyor while the resident is on the phone.';
  const SECOND = 'Damp reports go to the surveyor, not the general repairs line.';

  it('keeps lessons in order, on an open case and after it closed', async () => {
    const c = await log();
    const one = await learning(LESSON, { id: c.id, lesson: ` ${FIRST} `, v: c.version });
    expect(one.lessons).toEqual([{ lesson: FIRST, at: expect.any(String) as string }]);
    expect(one.status).toBe('RECEIVED');
    const done = await closed();
    const two = await learning(LESSON, { id: done.id, lesson: FIRST });
    const three = await learning(LESSON, { id: done.id, lesson: SECOND });
    expect(three.lessons.map((l) => l.lesson)).toEqual([FIRST, SECOND]);
    expect(three.version).toBe(two.version + 1);
    expect(three.status).toBe('CLOSED');
  });

  it('refuses a lesson that is not a sentence, or too long', async () => {
    const c = await log();
    expect(await refused(LESSON, { id: c.id, lesson: 'Be quicker.' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      extensions: { field: 'lesson' },
      message: expect.stringContaining('at least 20 characters and three words') as string,
    });
    expect(
      await refused(LESSON, { id: c.id, lesson: `${FIRST} ${'x'.repeat(5000)}` }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { field: 'lesson' } });
  });
});

describe('a case stored before satisfaction and lessons were kept', () => {
  it('reads as none recorded, and takes both steps', async () => {
    const c = await closed();
    const [row] = (await api.dataSource.query('SELECT state FROM complaint WHERE id = $1', [
      c.id,
    ])) as { state: Record<string, unknown> }[];
    const { satisfaction: _s, lessons: _l, ...older } = row?.state ?? {};
    await api.dataSource.query('UPDATE complaint SET state = $1::jsonb WHERE id = $2', [
      JSON.stringify(older),
      c.id,
    ]);
    expect(await learning(GET, { id: c.id })).toMatchObject({ satisfaction: null, lessons: [] });
    const after = await learning(SATISFACTION, { id: c.id, score: 10 });
    expect(after.satisfaction?.score).toBe(10);
  });
});

describe('Policy.targets', () => {
  const TARGETS = 'id version targets { transactionalSatisfaction actionsOnTimePercent }';

  it("holds the service standard's 6.5 and 100% on its preset, and none on the Code's", async () => {
    const { seed, code } = await gqlData<{
      seed: { version: number; targets: unknown };
      code: { targets: unknown };
    }>(
      api.url,
      `{ seed: policy(id: "seed-002") { ${TARGETS} } code: policy(id: "code-2024") { ${TARGETS} } }`,
    );
    expect(seed).toMatchObject({
      version: 3,
      targets: { transactionalSatisfaction: 6.5, actionsOnTimePercent: 100 },
    });
    expect(code.targets).toBeNull();
  });

  it('are kept, changed and refused off their scales when a policy is made', async () => {
    const create = `mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { ${TARGETS} } }`;
    const kept = await gqlData<{ createPolicy: { targets: unknown } }>(api.url, create, {
      input: { basedOn: 'seed-002', id: 'learning-kept', name: 'Kept targets' },
    });
    expect(kept.createPolicy.targets).toEqual({
      transactionalSatisfaction: 6.5,
      actionsOnTimePercent: 100,
    });
    const changed = await gqlData<{ createPolicy: { targets: unknown } }>(api.url, create, {
      input: {
        basedOn: 'seed-002',
        id: 'learning-changed',
        name: 'Changed targets',
        targets: { transactionalSatisfaction: 7.5 },
      },
    });
    expect(changed.createPolicy.targets).toEqual({
      transactionalSatisfaction: 7.5,
      actionsOnTimePercent: 100,
    });
    const error = await gqlError(api.url, create, {
      input: {
        basedOn: 'code-2024',
        id: 'learning-refused',
        name: 'Refused targets',
        targets: { transactionalSatisfaction: 11, actionsOnTimePercent: 120 },
      },
    });
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [
        { field: 'targets.transactionalSatisfaction' },
        { field: 'targets.actionsOnTimePercent' },
      ],
    });
  });
});
