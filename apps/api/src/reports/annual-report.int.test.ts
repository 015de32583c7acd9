// The annual complaints performance and service improvement report through the API: the
// annualReport query, GET /reports/annual/<year>.pdf and .html. A year's cases, a refusal, a
// referral, homes, lessons and "You said, we did" are recorded through GraphQL as a landlord
// would; the report's figures are the measures' own, its lessons those of its year by the London
// date, and no resident is named in any form of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlData } from '../test/graphql-client.js';
import {
  ACKNOWLEDGE,
  ASSIGN,
  LOG_COMPLAINT,
  REFER_TO_OMBUDSMAN,
  REFUSE,
  RESPOND,
  complaintFrom,
  logInput,
  notice,
} from '../test/complaint-operations.js';
import { startTestServer, type TestServer } from '../test/test-server.js';
import { signInNewUser, type SignedInUser } from '../test/test-principals.js';
import { readPdf } from './pdf-reading.js';

// The 2026-27 year has ended; 2027-28 has just begun.
const NOW = '2027-05-04T09:00:00Z';

const RECORD_LESSON = /* GraphQL */ `
  mutation Lesson($complaintId: ID!, $lesson: String!, $at: DateTime) {
    recordLesson(complaintId: $complaintId, lesson: $lesson, at: $at) {
      id
    }
  }
`;
const SET_HOMES = /* GraphQL */ `
  mutation Homes($year: Int!, $tenure: Tenure!, $homes: Int!) {
    setHomes(year: $year, tenure: $tenure, homes: $homes) {
      year
    }
  }
`;
const RECORD_IMPROVEMENT = /* GraphQL */ `
  mutation Improvement($input: ImprovementInput!) {
    recordImprovement(input: $input) {
      id
    }
  }
`;
const TSM_FIELDS = `homes stage1Received stage2Received stage1Responded stage1RespondedOnTime
  stage2Responded stage2RespondedOnTime surveyRespondents surveySatisfied
  ch01Stage1 ch01Stage2 ch02Stage1 ch02Stage2 ch02Stage1WithoutExtensions tp09`;
const ANNUAL_REPORT = /* GraphQL */ `
  query Annual($year: Int!) {
    annualReport(year: $year) {
      year from to preparedOn title pdfPath htmlPath actionsOnTimeTarget lessonsNotListed
      tsm { ${TSM_FIELDS} }
      tsmByTenure { tenure ${TSM_FIELDS} }
      measures { refusalsByReason { reason count } ombudsmanReferrals }
      selfAssessment { policyId version name cases departures { code clause message } }
      lessons { lesson recordedAt category tenure }
      improvements { youSaid weDid category }
    }
    tsmReport(year: $year) { ${TSM_FIELDS} }
    lcra: tsmReport(year: $year, tenure: LCRA) { tenure ${TSM_FIELDS} }
    lcho: tsmReport(year: $year, tenure: LCHO) { tenure ${TSM_FIELDS} }
  }
`;

interface AnnualReportAnswer {
  annualReport: {
    year: number;
    from: string;
    to: string;
    preparedOn: string;
    title: string;
    pdfPath: string;
    htmlPath: string;
    actionsOnTimeTarget: number | null;
    lessonsNotListed: boolean;
    tsm: Record<string, number | null>;
    tsmByTenure: Record<string, number | string | null>[];
    measures: {
      refusalsByReason: { reason: string; count: number }[];
      ombudsmanReferrals: number;
    };
    selfAssessment: {
      policyId: string;
      version: number;
      name: string;
      cases: number;
      departures: { code: string; clause: string; message: string }[];
    }[];
    lessons: { lesson: string; recordedAt: string; category: string; tenure: string }[];
    improvements: { youSaid: string; weDid: string; category: string | null }[];
  };
  tsmReport: Record<string, number | null>;
  lcra: Record<string, number | string | null>;
  lcho: Record<string, number | string | null>;
}

const IN_YEAR_LESSON = 'Book the damp survey before the first repair visit.';
/** 23:30 UTC on 31 March 2027 is 00:30 on 1 April in London: the next year's lesson. */
const NEXT_YEAR_LESSON = 'Say on the first call when the surveyor will come.';
const YOU_SAID = 'Repairs took too long to <b>book</b>.';

let api: TestServer;
let analyst: SignedInUser;
let handler: SignedInUser;

async function get(path: string, headers: Record<string, string> = analyst.headers) {
  return fetch(`${api.baseUrl}${path}`, { headers });
}

beforeAll(async () => {
  api = await startTestServer({ now: NOW });
  analyst = await signInNewUser(api.services, 'ANALYST');
  handler = await signInNewUser(api.services, 'HANDLER');
  const log = (receivedAt: string, overrides: Record<string, unknown> = {}) =>
    complaintFrom(api.url, LOG_COMPLAINT, 'logComplaint', {
      input: logInput(receivedAt, overrides),
      at: receivedAt,
    });

  // Answered on time at stage 1, with a lesson on the last evening of the year in London.
  const answered = await log('2026-06-01T09:00:00Z', { category: 'damp-and-mould' });
  await complaintFrom(api.url, ASSIGN, 'assignComplaint', {
    id: answered.id,
    handler: 'Sam Patel',
    at: '2026-06-01T10:00:00Z',
  });
  await complaintFrom(api.url, ACKNOWLEDGE, 'acknowledgeComplaint', {
    id: answered.id,
    at: '2026-06-02T10:00:00Z',
  });
  await complaintFrom(api.url, RESPOND, 'respondToComplaint', {
    id: answered.id,
    input: { outcome: 'UPHELD', findings: 'The repair was late.' },
    at: '2026-06-10T10:00:00Z',
  });
  await gqlData(api.url, RECORD_LESSON, {
    complaintId: answered.id,
    lesson: IN_YEAR_LESSON,
    at: '2027-03-31T22:30:00Z',
  });
  await gqlData(api.url, RECORD_LESSON, {
    complaintId: answered.id,
    lesson: NEXT_YEAR_LESSON,
    at: '2027-03-31T23:30:00Z',
  });

  // Referred to the Ombudsman.
  const referred = await log('2026-09-14T09:00:00Z', { category: 'repairs' });
  await complaintFrom(api.url, REFER_TO_OMBUDSMAN, 'referToOmbudsman', {
    id: referred.id,
    reference: 'HOS-202611-0042',
    at: '2026-11-02T10:00:00Z',
  });

  // Refused: legal proceedings had begun.
  const refused = await log('2026-10-05T09:00:00Z', { category: 'anti-social-behaviour' });
  await complaintFrom(api.url, REFUSE, 'refuseComplaint', {
    id: refused.id,
    reason: 'LEGAL_PROCEEDINGS',
    explanation: 'The resident has started a claim in the county court about the same repair.',
    notice: notice('2026-10-06'),
    at: '2026-10-06T10:00:00Z',
  });

  await gqlData(api.url, SET_HOMES, { year: 2026, tenure: 'LCRA', homes: 2000 });
  await gqlData(api.url, RECORD_IMPROVEMENT, {
    input: {
      year: 2026,
      youSaid: YOU_SAID,
      weDid: 'Repairs can now be booked online.',
      category: 'repairs',
    },
  });
});

afterAll(async () => {
  await api?.stop();
});

describe('annualReport', () => {
  it("answers the year's figures as the measures do, its policy, lessons and improvements", async () => {
    const {
      annualReport: report,
      tsmReport,
      lcra,
      lcho,
    } = await gqlData<AnnualReportAnswer>(api.url, ANNUAL_REPORT, { year: 2026 }, analyst.headers);
    expect(report).toMatchObject({
      year: 2026,
      from: '2026-04-01',
      to: '2027-03-31',
      preparedOn: '2027-05-04',
      title: 'Annual complaints performance and service improvement report',
      pdfPath: '/reports/annual/2026.pdf',
      htmlPath: '/reports/annual/2026.html',
      lessonsNotListed: false,
      // The Code's preset sets no target for agreed actions.
      actionsOnTimeTarget: null,
    });
    // The same figures the TSM query answers, from the one measures service.
    expect(report.tsm).toEqual(tsmReport);
    // And by tenure, LCRA then LCHO, as the Regulator asks for them apart.
    expect(report.tsmByTenure).toEqual([lcra, lcho]);
    expect(lcra).toMatchObject({ tenure: 'LCRA', homes: 2000, stage1Received: 2 });
    // Two received and accepted (the refused one is not counted), 2,000 homes: 2 / 2000 * 1000.
    expect(report.tsm.stage1Received).toBe(2);
    expect(report.tsm.ch01Stage1).toBe(1);
    expect(report.measures.refusalsByReason).toContainEqual({
      reason: 'LEGAL_PROCEEDINGS',
      count: 1,
    });
    expect(report.measures.ombudsmanReferrals).toBe(1);
    // Every case ran under the Code's own preset, which departs from nothing.
    expect(report.selfAssessment).toEqual([
      {
        policyId: 'code-2024',
        version: 2,
        name: 'Complaint Handling Code 2024',
        cases: 2,
        departures: [],
      },
    ]);
    // 22:30 UTC on 31 March is 23:30 in London: still 2026-27; an hour later is not.
    expect(report.lessons).toEqual([
      {
        lesson: IN_YEAR_LESSON,
        recordedAt: '2027-03-31T22:30:00.000Z',
        category: 'damp-and-mould',
        tenure: 'LCRA',
      },
    ]);
    expect(report.improvements).toEqual([
      { youSaid: YOU_SAID, weDid: 'Repairs can now be booked online.', category: 'repairs' },
    ]);
  });

  it('takes the next year as the year now running, and refuses a year not yet begun', async () => {
    const next = await gqlData<AnnualReportAnswer>(api.url, ANNUAL_REPORT, { year: 2027 });
    expect(next.annualReport.lessons.map((lesson) => lesson.lesson)).toEqual([NEXT_YEAR_LESSON]);
    const refused = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...analyst.headers },
      body: JSON.stringify({ query: ANNUAL_REPORT, variables: { year: 2028 } }),
    });
    const body = (await refused.json()) as { errors: { message: string; extensions: object }[] };
    expect(body.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(body.errors[0]?.message).toContain('has not begun');
  });
});

describe('GET /reports/annual/<year>.pdf', () => {
  it('is a tagged PDF with every section, the figures and page numbers, naming no resident', async () => {
    const response = await get('/reports/annual/2026.pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBe(
      'inline; filename="annual-complaints-report-2026-27.pdf"',
    );
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.tagged).toBe(true);
    expect(pdf.language).toBe('en-GB');
    expect(pdf.title).toBe(
      'Annual complaints performance and service improvement report, Reporting year 2026–27: 1 April 2026 to 31 March 2027',
    );
    const text = pdf.pages.join(' ');
    for (const expected of [
      'Tenant Satisfaction Measures',
      'CH01 (1): stage 1 complaints received per 1,000 homes 1.0 2 stage 1 complaints received; 2,000 homes',
      'How we handled complaints',
      'Our policy against the Code',
      'No departures from the Code.',
      'Complaints we did not accept',
      'Legal proceedings have started 1',
      'Referrals to the Ombudsman',
      '1 complaint was referred to the Ombudsman this year.',
      'Lessons learnt',
      IN_YEAR_LESSON,
      'You said, we did',
      YOU_SAID,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(NEXT_YEAR_LESSON);
    expect(text).not.toMatch(/Jordan|Ellis|example\.org|CMP-20/);
    pdf.pages.forEach((page, index) => {
      expect(page).toContain(`page ${index + 1} of ${pdf.pages.length}`);
    });
  });

  it('answers HEAD with the headers alone', async () => {
    const response = await fetch(`${api.baseUrl}/reports/annual/2026.pdf`, {
      method: 'HEAD',
      headers: analyst.headers,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(1000);
  });
});

describe('GET /reports/annual/<year>.html', () => {
  it('is an accessible page in British English that shows what people wrote as text', async () => {
    const response = await get('/reports/annual/2026.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('<th scope="row">Legal proceedings have started</th>');
    expect(html).toContain('Repairs took too long to &lt;b&gt;book&lt;/b&gt;.');
    expect(html).toContain(IN_YEAR_LESSON);
    expect(html).not.toContain(NEXT_YEAR_LESSON);
    expect(html).not.toMatch(/Jordan|Ellis|example\.org|CMP-20/);
  });

  it('says in words what a year without anything has', async () => {
    const html = await (await get('/reports/annual/2025.html')).text();
    for (const sentence of [
      'No complaints were refused this year.',
      'No complaints were referred to the Ombudsman this year.',
      'No lessons learnt were recorded this year.',
      'No “You said, we did” entries were recorded for this year.',
      'the number of homes has not been entered for the year',
      // A year without cases assesses the policy new cases are logged under.
      'the policy new complaints are logged under',
    ]) {
      expect(html).toContain(sentence);
    }
  });
});

describe('who may read the report, and what else is refused', () => {
  it.each([
    ['no credentials', {}, 401, 'UNAUTHENTICATED'],
    ['a handler, without measures:read', () => handler.headers, 403, 'FORBIDDEN'],
  ] as const)('refuses %s with a coded JSON error', async (_who, headers, status, code) => {
    const sent = typeof headers === 'function' ? headers() : headers;
    for (const format of ['pdf', 'html']) {
      const response = await get(`/reports/annual/2026.${format}`, { ...sent });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body = (await response.json()) as { errors: { message: string; extensions: object }[] };
      expect(body.errors[0]?.extensions).toMatchObject({ code });
      expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/);
    }
  });

  it.each([
    ['/reports/annual/twenty.pdf', 400, 'BAD_USER_INPUT'],
    ['/reports/annual/2028.pdf', 400, 'BAD_USER_INPUT'],
    ['/reports/annual/1999.html', 400, 'BAD_USER_INPUT'],
    ['/reports/annual/2026.docx', 404, 'NOT_FOUND'],
  ] as const)('answers %s with %i %s', async (path, status, code) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { errors: { extensions: object }[] };
    expect(body.errors[0]?.extensions).toMatchObject({ code });
  });

  it('takes GET and HEAD only', async () => {
    const response = await fetch(`${api.baseUrl}/reports/annual/2026.pdf`, {
      method: 'POST',
      headers: analyst.headers,
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
