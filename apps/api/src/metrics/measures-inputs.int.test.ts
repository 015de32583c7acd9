// The measures' inputs through the API: the homes CH01 divides by, the perception survey's
// responses TP09 is counted from, and "You said, we did"; who may enter each, what is refused,
// and the counts the measures read back.
import { surveyCounts } from '@redress/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemPrincipal } from '../auth/principal.js';
import { gql, gqlData, gqlError } from '../test/graphql-client.js';
import { statementsDuring } from '../test/statements-during.js';
import { newPartnerKey, signInNewUser, type SignedInUser } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { surveyAnswersOf } from './survey.repository.js';
import type { SurveyResponseInput } from './survey.service.js';

type Headers = Readonly<Record<string, string>>;

const SET_HOMES = `mutation ($year: Int!, $tenure: Tenure!, $homes: Int!) {
  setHomes(year: $year, tenure: $tenure, homes: $homes) { year tenure homes updatedAt }
}`;
const HOMES = `query ($year: Int) { homes(year: $year) { year tenure homes updatedAt } }`;
const RECORD_SURVEY = `mutation ($responses: [SurveyResponseInput!]!) {
  recordSurveyResponses(responses: $responses) { recorded unchanged }
}`;
const SURVEY_LIST = `query ($year: Int!, $first: Int, $after: String, $filter: SurveyResponseFilter) {
  surveyResponses(year: $year, first: $first, after: $after, filter: $filter) {
    nodes { id respondent tenure answeredOn reportingYear complainedInLast12Months complaintHandling }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;
const RECORD_IMPROVEMENT = `mutation ($input: ImprovementInput!) {
  recordImprovement(input: $input) { id year youSaid weDid category complaintReferences recordedAt }
}`;
const IMPROVEMENTS = `query ($year: Int!) {
  improvements(year: $year) { year youSaid weDid category complaintReferences }
}`;

interface SurveyNode {
  id: string;
  respondent: string;
  tenure: string;
  answeredOn: string;
  reportingYear: number;
  complainedInLast12Months: boolean;
  complaintHandling: string | null;
}

let api: TestServer;
let manager: SignedInUser;
let analyst: SignedInUser;
let handler: SignedInUser;

beforeAll(async () => {
  api = await startTestServer({ now: '2027-05-10T09:00:00Z' });
  [manager, analyst, handler] = await Promise.all([
    signInNewUser(api.services, 'MANAGER'),
    signInNewUser(api.services, 'ANALYST'),
    signInNewUser(api.services, 'HANDLER'),
  ]);
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

async function count(sql: string): Promise<number> {
  const rows: Array<{ n: number }> = await api.dataSource.query(sql);
  return rows[0]?.n ?? 0;
}

describe('homes', () => {
  it('are set by an admin per year and tenure, and read back by year', async () => {
    await gqlData(api.url, SET_HOMES, { year: 2026, tenure: 'LCRA', homes: 12_400 });
    await gqlData(api.url, SET_HOMES, { year: 2026, tenure: 'LCHO', homes: 1_850 });
    await gqlData(api.url, SET_HOMES, { year: 2025, tenure: 'LCRA', homes: 12_310 });
    const year = await gqlData<{ homes: { year: number; tenure: string; homes: number }[] }>(
      api.url,
      HOMES,
      { year: 2026 },
      analyst.headers,
    );
    expect(year.homes.map(({ year, tenure, homes }) => [year, tenure, homes])).toEqual([
      [2026, 'LCHO', 1_850],
      [2026, 'LCRA', 12_400],
    ]);
    const all = await gqlData<{ homes: { year: number }[] }>(api.url, HOMES, {});
    expect(all.homes.map((row) => row.year)).toEqual([2025, 2026, 2026]);
  });

  it("give the measures CH01's divisor: one tenure's, every tenure's summed, null when none", async () => {
    const { repository } = api.services.homes;
    expect(await repository.homesFor(api.dataSource, 2026, 'lcra')).toBe(12_400);
    expect(await repository.homesFor(api.dataSource, 2026, 'lcho')).toBe(1_850);
    expect(await repository.homesFor(api.dataSource, 2026, null)).toBe(14_250);
    expect(await repository.homesFor(api.dataSource, 2026, 'other')).toBeNull();
    expect(await repository.homesFor(api.dataSource, 2024, null)).toBeNull();
  });

  it('write each change to the security log with who and the figure before and after', async () => {
    await gqlData(api.url, SET_HOMES, { year: 2026, tenure: 'LCRA', homes: 12_460 });
    // The same figure again changes nothing and is not logged again.
    await gqlData(api.url, SET_HOMES, { year: 2026, tenure: 'LCRA', homes: 12_460 });
    const log = await gqlData<{
      auditLog: { kind: string; actorId: string; detail: Record<string, unknown> }[];
    }>(api.url, '{ auditLog(filter: { kinds: [HOMES_CHANGED] }) { kind actorId detail } }');
    const lcra2026 = log.auditLog.filter(
      (entry) => entry.detail.year === 2026 && entry.detail.tenure === 'lcra',
    );
    expect(lcra2026.map((entry) => [entry.actorId, entry.detail.from, entry.detail.to])).toEqual([
      [api.admin.id, 12_400, 12_460],
      [api.admin.id, null, 12_400],
    ]);
  });

  it.each([
    ['a year before 2000', { year: 1999, tenure: 'LCRA', homes: 10 }, 'year'],
    ['a year after 2100', { year: 2101, tenure: 'LCRA', homes: 10 }, 'year'],
    ['fewer than no homes', { year: 2026, tenure: 'LCRA', homes: -1 }, 'homes'],
    ['over ten million homes', { year: 2026, tenure: 'LCRA', homes: 10_000_001 }, 'homes'],
  ])('refuse %s with a coded error naming the field, storing nothing', async (_, input, field) => {
    const before = await count('SELECT count(*)::int AS n FROM homes');
    const error = await gqlError(api.url, SET_HOMES, input);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.field).toBe(field);
    expect(await count('SELECT count(*)::int AS n FROM homes')).toBe(before);
    expect(await api.services.homes.repository.homesFor(api.dataSource, 2026, 'lcra')).toBe(12_460);
  });

  it('are set by admins only; analysts, managers and partner keys read them at most', async () => {
    const key = await newPartnerKey(api.services, ['measures:read']);
    for (const headers of [manager.headers, analyst.headers, key.headers]) {
      const refused = await gqlError(
        api.url,
        SET_HOMES,
        { year: 2026, tenure: 'LCRA', homes: 1 },
        headers,
      );
      expect([refused.status, refused.extensions?.code]).toEqual([403, 'FORBIDDEN']);
      const read = await gqlData<{ homes: unknown[] }>(api.url, HOMES, { year: 2026 }, headers);
      expect(read.homes).toHaveLength(2);
    }
    const handlerRead = await gqlError(api.url, HOMES, { year: 2026 }, handler.headers);
    expect(handlerRead.extensions?.code).toBe('FORBIDDEN');
  });
});

/** A response as the API takes it. */
function response(
  respondent: string,
  answeredOn: string,
  complaintHandling: string | null,
  complainedInLast12Months = true,
  tenure = 'LCRA',
): Record<string, unknown> {
  return { respondent, tenure, answeredOn, complainedInLast12Months, complaintHandling };
}

const FIRST_IMPORT = [
  response('R-00001', '2026-04-01', 'VERY_SATISFIED'),
  response('R-00002', '2026-09-14', 'FAIRLY_SATISFIED', true, 'LCHO'),
  response('R-00003', '2026-11-02', 'NEITHER'),
  response('R-00004', '2027-01-20', 'VERY_DISSATISFIED'),
  response('R-00005', '2027-03-31', null),
  response('R-00006', '2026-06-30', 'VERY_SATISFIED', false),
  // The next reporting year, and the one before.
  response('R-00007', '2027-04-01', 'FAIRLY_DISSATISFIED'),
  response('R-00008', '2026-03-31', 'FAIRLY_SATISFIED'),
];

async function surveyRows(): Promise<number> {
  return count('SELECT count(*)::int AS n FROM survey_response');
}

describe('survey responses', () => {
  it('are imported, each placed in the reporting year of the day it was answered', async () => {
    const first = await gqlData<{ recordSurveyResponses: { recorded: number; unchanged: number } }>(
      api.url,
      RECORD_SURVEY,
      { responses: FIRST_IMPORT },
      analyst.headers,
    );
    expect(first.recordSurveyResponses).toEqual({ recorded: 8, unchanged: 0 });
    const listed = await gqlData<{ surveyResponses: { nodes: SurveyNode[]; totalCount: number } }>(
      api.url,
      SURVEY_LIST,
      { year: 2026, first: 50 },
      analyst.headers,
    );
    // Latest answered first; 31 March 2027 is still 2026/27, 1 April 2027 is not.
    expect(listed.surveyResponses.nodes.map((node) => node.respondent)).toEqual([
      'R-00005',
      'R-00004',
      'R-00003',
      'R-00002',
      'R-00006',
      'R-00001',
    ]);
    expect(listed.surveyResponses.totalCount).toBe(6);
    expect(new Set(listed.surveyResponses.nodes.map((node) => node.reportingYear))).toEqual(
      new Set([2026]),
    );
    const next = await gqlData<{ surveyResponses: { nodes: SurveyNode[] } }>(api.url, SURVEY_LIST, {
      year: 2027,
    });
    expect(next.surveyResponses.nodes).toEqual([
      expect.objectContaining({
        respondent: 'R-00007',
        answeredOn: '2027-04-01',
        reportingYear: 2027,
        complaintHandling: 'FAIRLY_DISSATISFIED',
      }),
    ]);
  });

  it('are left unchanged by importing the same file again; a changed answer is replaced', async () => {
    const again = await gqlData<{ recordSurveyResponses: { recorded: number; unchanged: number } }>(
      api.url,
      RECORD_SURVEY,
      { responses: FIRST_IMPORT },
    );
    expect(again.recordSurveyResponses).toEqual({ recorded: 0, unchanged: 8 });
    const changed = FIRST_IMPORT.map((row) =>
      row.respondent === 'R-00003' ? { ...row, complaintHandling: 'FAIRLY_SATISFIED' } : row,
    );
    const corrected = await gqlData<{
      recordSurveyResponses: { recorded: number; unchanged: number };
    }>(api.url, RECORD_SURVEY, { responses: changed });
    expect(corrected.recordSurveyResponses).toEqual({ recorded: 1, unchanged: 7 });
    expect(await surveyRows()).toBe(8);
    const [row] = (await api.dataSource.query(
      "SELECT complaint_handling FROM survey_response WHERE respondent = 'R-00003'",
    )) as { complaint_handling: string }[];
    expect(row?.complaint_handling).toBe('fairly-satisfied');
  });

  it("give the measures TP09's counts by answer, by tenure or all", async () => {
    const { repository } = api.services.surveys;
    const all = await repository.surveyRowsFor(api.dataSource, 2026, null);
    // Complained in the last 12 months and answered: R-00001, 02, 03 (now fairly), 04; R-00005
    // did not answer, R-00006 did not complain.
    expect(surveyCounts(surveyAnswersOf(all))).toEqual({ respondents: 4, satisfied: 3 });
    expect(all.reduce((n, row) => n + row.count, 0)).toBe(6);
    const lcho = await repository.surveyRowsFor(api.dataSource, 2026, 'lcho');
    expect(lcho).toEqual([
      { complainedInLast12Months: true, complaintHandling: 'fairly-satisfied', count: 1 },
    ]);
    expect(await repository.surveyRowsFor(api.dataSource, 2030, null)).toEqual([]);
  });

  it.each([
    ['a name instead of a survey id', { respondent: 'Jordan Ellis' }, 'responses[2].respondent'],
    ['a day after today', { answeredOn: '2027-05-11' }, 'responses[2].answeredOn'],
    ['a day outside the supported dates', { answeredOn: '1899-12-31' }, 'responses[2].answeredOn'],
  ])(
    'refuse the whole call for %s in one row, naming the row and field',
    async (_, change, field) => {
      const before = await surveyRows();
      const rows = [
        response('R-10001', '2026-05-01', 'NEITHER'),
        response('R-10002', '2026-05-02', 'NEITHER'),
        { ...response('R-10003', '2026-05-03', 'NEITHER'), ...change },
      ];
      const error = await gqlError(api.url, RECORD_SURVEY, { responses: rows });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.field).toBe(field);
      expect(error.message).toContain(field);
      expect(await surveyRows()).toBe(before);
    },
  );

  it('store a response repeated as it was once, and refuse one repeated with other answers', async () => {
    const repeated = await gqlData<{
      recordSurveyResponses: { recorded: number; unchanged: number };
    }>(api.url, RECORD_SURVEY, {
      responses: [
        response('R-20001', '2026-07-01', 'NEITHER'),
        response('R-20001', '2026-07-01', 'NEITHER'),
      ],
    });
    expect(repeated.recordSurveyResponses).toEqual({ recorded: 1, unchanged: 1 });
    const before = await surveyRows();
    const error = await gqlError(api.url, RECORD_SURVEY, {
      responses: [
        response('R-20002', '2026-07-02', 'NEITHER'),
        response('R-20003', '2026-07-02', 'NEITHER'),
        response('R-20002', '2026-07-02', 'VERY_SATISFIED'),
      ],
    });
    expect([error.extensions?.code, error.extensions?.field]).toEqual([
      'BAD_USER_INPUT',
      'responses[2].respondent',
    ]);
    expect(error.message).toContain('responses[0]');
    expect(await surveyRows()).toBe(before);
  });

  it('take 5,000 responses a call in a few statements, and refuse more', async () => {
    const by = systemPrincipal('survey-import-test');
    const rows = (length: number, offset = 0): SurveyResponseInput[] =>
      Array.from({ length }, (_, i) => ({
        respondent: `BULK-${String(offset + i).padStart(5, '0')}`,
        tenure: i % 7 === 0 ? 'lcho' : 'lcra',
        answeredOn: `2025-${String(4 + (i % 9)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        complainedInLast12Months: i % 3 !== 0,
        complaintHandling: i % 5 === 0 ? null : 'neither',
      }));
    const before = await surveyRows();
    await expect(api.services.surveys.record(by, rows(5_001))).rejects.toMatchObject({
      kind: 'bad-user-input',
      field: 'responses',
    });
    expect(await surveyRows()).toBe(before);
    let result: unknown;
    const statements = await statementsDuring(api.dataSource, async () => {
      result = await api.services.surveys.record(by, rows(5_000));
    });
    expect(result).toEqual({ recorded: 5_000, unchanged: 0 });
    const inserts = statements.filter((sql) => /INSERT INTO survey_response/.test(sql));
    // One multi-row statement per chunk of 2,000, not one per row.
    expect(inserts).toHaveLength(3);
    expect(await surveyRows()).toBe(before + 5_000);
    const again = await api.services.surveys.record(by, rows(5_000));
    expect(again).toEqual({ recorded: 0, unchanged: 5_000 });
    // On PGlite the database runs in this process, so these imports held the event loop for
    // longer than the server keeps an idle connection open: a moment lets those connections
    // close before the next request would pick one up and meet its reset.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }, 60_000);

  it('take the most a call may send in one request, within the 1 MiB a request may be', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) =>
      response(
        `R-${String(40_000 + i).padStart(5, '0')}`,
        `2024-${String(4 + (i % 9)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        'FAIRLY_SATISFIED',
      ),
    );
    const body = JSON.stringify({ query: RECORD_SURVEY, variables: { responses: rows } });
    expect(body.length).toBeLessThan(1024 * 1024);
    const imported = await gqlData<{
      recordSurveyResponses: { recorded: number; unchanged: number };
    }>(api.url, RECORD_SURVEY, { responses: rows });
    expect(imported.recordSurveyResponses).toEqual({ recorded: 5_000, unchanged: 0 });
    const rowsOf2024 = await api.services.surveys.repository.surveyRowsFor(
      api.dataSource,
      2024,
      null,
    );
    expect(rowsOf2024).toEqual([
      { complainedInLast12Months: true, complaintHandling: 'fairly-satisfied', count: 5_000 },
    ]);
  }, 60_000);

  it('are imported by analysts, admins and keys with the surveys:write scope only', async () => {
    const surveyKey = await newPartnerKey(api.services, ['surveys:write']);
    const readKey = await newPartnerKey(api.services, ['measures:read']);
    const one = { responses: [response('R-30001', '2026-08-01', 'NEITHER')] };
    const byKey = await gqlData<{ recordSurveyResponses: { recorded: number } }>(
      api.url,
      RECORD_SURVEY,
      one,
      surveyKey.headers,
    );
    expect(byKey.recordSurveyResponses.recorded).toBe(1);
    for (const headers of [manager.headers, handler.headers, readKey.headers] as Headers[]) {
      const refused = await gql(api.url, RECORD_SURVEY, one, headers);
      expect([refused.status, refused.errors?.[0]?.extensions?.code]).toEqual([403, 'FORBIDDEN']);
    }
    // A key that imports does not read the figures or the responses.
    const list = await gql(api.url, SURVEY_LIST, { year: 2026 }, surveyKey.headers);
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('are listed a page at a time by cursor, and by tenure', async () => {
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        surveyResponses: {
          nodes: SurveyNode[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await gqlData(api.url, SURVEY_LIST, { year: 2026, first: 3, after });
      walked.push(...page.surveyResponses.nodes.map((node) => node.id));
      if (!page.surveyResponses.pageInfo.hasNextPage) break;
      after = page.surveyResponses.pageInfo.endCursor;
    }
    const all = await gqlData<{ surveyResponses: { nodes: SurveyNode[]; totalCount: number } }>(
      api.url,
      SURVEY_LIST,
      { year: 2026, first: 200 },
    );
    expect(walked).toEqual(all.surveyResponses.nodes.map((node) => node.id));
    expect(walked.length).toBe(all.surveyResponses.totalCount);
    const lcho = await gqlData<{ surveyResponses: { nodes: SurveyNode[] } }>(api.url, SURVEY_LIST, {
      year: 2026,
      filter: { tenure: 'LCHO' },
    });
    expect(lcho.surveyResponses.nodes.map((node) => node.respondent)).toEqual(['R-00002']);
    const badYear = await gqlError(api.url, SURVEY_LIST, { year: 1999 });
    expect([badYear.extensions?.code, badYear.extensions?.field]).toEqual([
      'BAD_USER_INPUT',
      'year',
    ]);
  });
});

describe('"You said, we did"', () => {
  it('is recorded by managers and read by analysts, by reporting year', async () => {
    const recorded = await gqlData<{
      recordImprovement: { year: number; complaintReferences: string[]; recordedAt: string };
    }>(
      api.url,
      RECORD_IMPROVEMENT,
      {
        input: {
          year: 2026,
          youSaid: '  Repairs people turned up without telling us first.  ',
          weDid: 'Every repair appointment now gets a text the day before and an hour before.',
          category: 'repairs',
          complaintReferences: ['cmp-2026-000012', 'CMP-2026-000031', 'CMP-2026-000012'],
        },
      },
      manager.headers,
    );
    expect(recorded.recordImprovement.complaintReferences).toEqual([
      'CMP-2026-000012',
      'CMP-2026-000031',
    ]);
    expect(recorded.recordImprovement.recordedAt).toBe('2027-05-10T09:00:00.000Z');
    api.clock.advance(60_000);
    await gqlData(api.url, RECORD_IMPROVEMENT, {
      input: { year: 2026, youSaid: 'Nobody called back.', weDid: 'Call-backs are tracked.' },
    });
    await gqlData(api.url, RECORD_IMPROVEMENT, {
      input: { year: 2025, youSaid: 'Letters were hard to read.', weDid: 'Plain English.' },
    });
    const listed = await gqlData<{ improvements: { youSaid: string; category: string | null }[] }>(
      api.url,
      IMPROVEMENTS,
      { year: 2026 },
      analyst.headers,
    );
    expect(listed.improvements).toEqual([
      expect.objectContaining({
        youSaid: 'Repairs people turned up without telling us first.',
        category: 'repairs',
      }),
      expect.objectContaining({ youSaid: 'Nobody called back.', category: null }),
    ]);
  });

  it.each([
    ['a year before 2000', { year: 1999 }, 'input.year'],
    ['nothing said', { youSaid: '   ' }, 'input.youSaid'],
    [
      'a reference that is not one',
      { complaintReferences: ['DROP TABLE'] },
      'input.complaintReferences[0]',
    ],
  ])('refuses %s, naming the field', async (_, change, field) => {
    const before = await count('SELECT count(*)::int AS n FROM improvement');
    const error = await gqlError(api.url, RECORD_IMPROVEMENT, {
      input: { year: 2026, youSaid: 'Something.', weDid: 'Something else.', ...change },
    });
    expect([error.extensions?.code, error.extensions?.field]).toEqual(['BAD_USER_INPUT', field]);
    expect(await count('SELECT count(*)::int AS n FROM improvement')).toBe(before);
  });

  it('is not recorded by handlers or analysts', async () => {
    for (const headers of [handler.headers, analyst.headers]) {
      const refused = await gqlError(
        api.url,
        RECORD_IMPROVEMENT,
        { input: { year: 2026, youSaid: 'A.', weDid: 'B.' } },
        headers,
      );
      expect([refused.status, refused.extensions?.code]).toEqual([403, 'FORBIDDEN']);
    }
  });
});
