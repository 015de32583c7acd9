// The measures as CSV files over HTTP: the same figures as the GraphQL queries, RFC 4180
// quoting, cells a spreadsheet would run as formulas made inert, the cases streamed by keyset
// pages, and refusals as coded JSON errors without a stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemPrincipal } from '../auth/principal.js';
import { gqlData } from '../test/graphql-client.js';
import {
  MEASURE_BREAKDOWN,
  MEASURE_CASES,
  measureSteps,
  TSM_REPORT,
} from '../test/measures-operations.js';
import { newPartnerKey, signInNewUser } from '../test/test-principals.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

const YEAR = 2026;
const FORMULA = '=HYPERLINK("http://example.invalid","click")';
let api: TestServer;
const steps = measureSteps(() => api.url);
const references: string[] = [];

/** RFC 4180 records: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else {
      field += ch;
    }
  }
  if (field !== '' || record.length > 0)
    throw new Error(`The file does not end with CRLF: ${text}`);
  return records;
}

const get = (path: string, headers: Record<string, string> = api.admin.headers) =>
  fetch(`${api.baseUrl}${path}`, { headers });

async function csvOf(path: string): Promise<{ response: Response; rows: string[][] }> {
  const response = await get(path);
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return { response, rows: parseCsv(text) };
}

beforeAll(async () => {
  api = await startTestServer({ now: '2026-11-02T09:00:00Z' });
  // Three answered cases (received Mon 2 Nov, acknowledged that day, due Mon 16 Nov): two on
  // time, one a day late; their categories a formula, one with a comma and quotes, and plain.
  const categories = [FORMULA, 'damp, "mould"', 'repairs'];
  const at = (instant: string): string => {
    api.clock.set(instant);
    return instant;
  };
  for (const [index, category] of categories.entries()) {
    const c = await steps.log(at('2026-11-02T10:00:00Z'), { category });
    await steps.acknowledge(c, at('2026-11-02T11:00:00Z'));
    await steps.respond(c, at(index === 2 ? '2026-11-17T10:00:00Z' : '2026-11-13T10:00:00Z'));
    references.push(c.reference);
  }
  api.clock.set('2026-12-01T09:00:00Z');
}, 180_000);

afterAll(async () => {
  await api?.stop();
});

describe('GET /exports/measures.csv', () => {
  it('lists every figure, one row each, as tsmReport answers them', async () => {
    const { response, rows } = await csvOf(`/exports/measures.csv?year=${YEAR}`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="measures-${YEAR}.csv"`,
    );
    expect(rows[0]).toEqual([
      'year',
      'tenure',
      'figure',
      'description',
      'numerator',
      'denominator',
      'value',
    ]);
    const tsm = (
      await gqlData<{ tsmReport: Record<string, number | null> }>(api.url, TSM_REPORT, {
        year: YEAR,
      })
    ).tsmReport;
    const row = (figure: string) => rows.find((r) => r[2] === figure);
    // (2 / 3) * 100
    expect(row('CH02_STAGE1')).toEqual([
      String(YEAR),
      'ALL',
      'CH02_STAGE1',
      expect.stringContaining('CH02 stage 1'),
      String(tsm.stage1RespondedOnTime),
      String(tsm.stage1Responded),
      String(tsm.ch02Stage1),
    ]);
    expect(tsm.stage1RespondedOnTime).toBe(2);
    // No homes entered: CH01 has no denominator and no value.
    expect(row('CH01_STAGE1')?.slice(4)).toEqual(['3', '', '']);
    expect(row('TP09')?.slice(4)).toEqual(['0', '0', '']);
    const figures = rows.slice(1).map((r) => r[2]);
    expect(new Set(figures).size).toBe(figures.length);
  });

  it('takes a tenure', async () => {
    const { rows } = await csvOf(`/exports/measures.csv?year=${YEAR}&tenure=LCHO`);
    expect(rows.find((r) => r[2] === 'CH01_STAGE1')?.slice(0, 5)).toEqual([
      String(YEAR),
      'LCHO',
      'CH01_STAGE1',
      expect.any(String),
      '0',
    ]);
  });
});

describe('GET /exports/measures/<MEASURE>.csv', () => {
  it('is the breakdown measureBreakdown answers, with text cells quoted and made inert', async () => {
    const { response, rows } = await csvOf(
      `/exports/measures/CH02_STAGE1.csv?year=${YEAR}&by=category`,
    );
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="ch02-stage1-${YEAR}-by-category.csv"`,
    );
    const buckets = (
      await gqlData<{ measureBreakdown: Array<Record<string, unknown>> }>(
        api.url,
        MEASURE_BREAKDOWN,
        { year: YEAR, measure: 'CH02_STAGE1', by: 'CATEGORY' },
      )
    ).measureBreakdown;
    const inert = (text: string) => (/^[=+\-@]/.test(text) ? `'${text}` : text);
    expect(rows).toEqual([
      ['key', 'label', 'numerator', 'denominator', 'value'],
      ...buckets.map((b) => [
        inert(String(b.key)),
        inert(String(b.label)),
        String(b.numerator),
        String(b.denominator),
        String(b.value),
      ]),
    ]);
    expect(rows.map((r) => r[0])).toContain(`'${FORMULA}`);
    expect(rows.map((r) => r[0])).toContain('damp, "mould"');
  });
});

describe('GET /exports/measures/<MEASURE>/cases.csv', () => {
  it('lists the cases measureCases lists, without personal data', async () => {
    const response = await get(
      `/exports/measures/CH02_STAGE1/cases.csv?year=${YEAR}&part=denominator`,
    );
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="ch02-stage1-${YEAR}-denominator-cases.csv"`,
    );
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([
      'id',
      'reference',
      'stage',
      'tenure',
      'category',
      'received_on',
      'responded_on',
      'on_time',
      'outcome',
      'team_id',
      'action_id',
      'due_on',
    ]);
    const listed = (
      await gqlData<{ measureCases: { nodes: Array<{ reference: string; onTime: boolean }> } }>(
        api.url,
        MEASURE_CASES,
        { year: YEAR, measure: 'CH02_STAGE1', part: 'DENOMINATOR', first: 200 },
      )
    ).measureCases.nodes;
    expect(rows.slice(1).map((r) => [r[1], r[7]])).toEqual(
      listed.map((n) => [n.reference, String(n.onTime)]),
    );
    expect(rows.slice(1).map((r) => r[1])).toEqual([...references].sort());
    expect(text).not.toContain('Jordan');
    expect(text).not.toContain('example.org');
  });

  it('reads the cases page by page, so a year of any size is never held at once', async () => {
    const all: string[] = [];
    for await (const row of api.services.measures.eachCase(
      systemPrincipal(),
      { year: YEAR, measure: 'ch02-stage1', part: 'denominator', filter: {} },
      2,
    )) {
      all.push(row.reference);
    }
    expect(all).toEqual([...references].sort());
  });

  it('answers an empty figure with the header alone', async () => {
    const { rows } = await csvOf(
      `/exports/measures/ESCALATION_RATE/cases.csv?year=${YEAR}&part=numerator`,
    );
    expect(rows).toHaveLength(1);
  });
});

describe('refusals', () => {
  const expectCoded = async (response: Response, status: number, code: string) => {
    const text = await response.text();
    expect(response.status, text).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = JSON.parse(text) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe(code);
    expect(text).not.toMatch(/stack|\.ts:|at [A-Za-z]+ \(/);
  };

  it('answers 401 without credentials and with credentials that do not hold', async () => {
    await expectCoded(await get(`/exports/measures.csv?year=${YEAR}`, {}), 401, 'UNAUTHENTICATED');
    await expectCoded(
      await get(`/exports/measures.csv?year=${YEAR}`, { authorization: 'Bearer nonsense' }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('answers 403 to a caller without measures:read, 200 to a key with it', async () => {
    const handler = await signInNewUser(api.services, 'HANDLER');
    await expectCoded(
      await get(
        `/exports/measures/CH02_STAGE1/cases.csv?year=${YEAR}&part=numerator`,
        handler.headers,
      ),
      403,
      'FORBIDDEN',
    );
    const key = await newPartnerKey(api.services, ['measures:read']);
    const response = await get(`/exports/measures.csv?year=${YEAR}`, key.headers);
    expect(response.status).toBe(200);
    await response.text();
  });

  it('answers 400 to a missing year, an unknown dimension or part, and CH01 denominator cases', async () => {
    await expectCoded(await get('/exports/measures.csv'), 400, 'BAD_USER_INPUT');
    await expectCoded(await get('/exports/measures.csv?year=1999'), 400, 'BAD_USER_INPUT');
    await expectCoded(
      await get(`/exports/measures/CH02_STAGE1.csv?year=${YEAR}&by=week`),
      400,
      'BAD_USER_INPUT',
    );
    await expectCoded(
      await get(`/exports/measures/CH02_STAGE1/cases.csv?year=${YEAR}&part=all`),
      400,
      'BAD_USER_INPUT',
    );
    await expectCoded(
      await get(`/exports/measures/CH01_STAGE1/cases.csv?year=${YEAR}&part=denominator`),
      400,
      'BAD_USER_INPUT',
    );
    await expectCoded(
      await get(`/exports/measures.csv?year=${YEAR}&tenure=castle`),
      400,
      'BAD_USER_INPUT',
    );
  });

  it('answers 404 to a figure that does not exist', async () => {
    await expectCoded(await get(`/exports/measures/CH03.csv?year=${YEAR}`), 404, 'NOT_FOUND');
  });
});
