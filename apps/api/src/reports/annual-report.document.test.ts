// The annual report's words, HTML and PDF from a report's data, without a database: every
// section is there in both, an empty section says so, and nothing a person wrote runs as markup.
import { CODE_2024, PRESETS, checkAgainstCode } from '@redress/domain';
import { describe, expect, it } from 'vitest';
import type { MeasuresReport, TsmReport } from '../metrics/measures.types.js';
import { annualReportDocument } from './annual-report.document.js';
import type { AnnualReport } from './annual-report.types.js';
import { readPdf } from './pdf-reading.js';
import { reportHtml } from './report-html.js';
import { reportPdf } from './report-pdf.js';

const TSM: TsmReport = {
  year: 2026,
  tenure: null,
  from: '2026-04-01',
  to: '2027-03-31',
  homes: 2000,
  stage1Received: 4,
  stage2Received: 1,
  stage1Responded: 4,
  stage1RespondedOnTime: 3,
  stage1RespondedOnTimeWithoutExtensions: 2,
  stage2Responded: 1,
  stage2RespondedOnTime: 1,
  stage2RespondedOnTimeWithoutExtensions: 1,
  surveyRespondents: 3,
  surveySatisfied: 1,
  ch01Stage1: 2,
  ch01Stage2: 0.5,
  ch02Stage1: 75,
  ch02Stage2: 100,
  ch02Stage1WithoutExtensions: 50,
  ch02Stage2WithoutExtensions: 100,
  tp09: 100 / 3,
};

const MEASURES: MeasuresReport = {
  year: 2026,
  from: '2026-04-01',
  to: '2027-03-31',
  actionsOnTimeTarget: 100,
  acknowledgedOnTime: [
    { stage: 1, numerator: 3, denominator: 4, percentage: 75 },
    { stage: 2, numerator: 1, denominator: 1, percentage: 100 },
  ],
  actionsOnTime: { numerator: 1, denominator: 2, percentage: 50 },
  outcomesByCategory: [
    { category: 'damp-and-mould', stage: 1, outcome: 'upheld', count: 2 },
    { category: 'damp-and-mould', stage: 1, outcome: 'not-upheld', count: 1 },
    { category: 'repairs', stage: 2, outcome: 'partly-upheld', count: 1 },
  ],
  escalationRate: { numerator: 1, denominator: 4, percentage: 25 },
  refusalsByReason: [{ reason: 'legal-proceedings', count: 1 }],
  ombudsmanReferrals: 1,
  ombudsmanFindings: [{ finding: 'service-failure', count: 1 }],
  compensationOfferedPence: 125_000,
  compensationPaidPence: 90_050,
  repeatComplainants: 1,
  averageWorkingDaysToRespond: [
    { stage: 1, responses: 4, average: 8.25 },
    { stage: 2, responses: 1, average: 19 },
  ],
  transactionalSatisfaction: { responses: 2, average: 7.5, target: 6.5 },
};

const seed002 = PRESETS.find((preset) => checkAgainstCode(preset).length > 0) ?? CODE_2024;

const FULL: AnnualReport = {
  year: 2026,
  from: '2026-04-01',
  to: '2027-03-31',
  preparedOn: '2027-05-04',
  tsm: TSM,
  tsmByTenure: [
    { ...TSM, tenure: 'lcra', homes: 1500, stage1Received: 3, ch01Stage1: 2 },
    { ...TSM, tenure: 'lcho', homes: null, stage1Received: 1, ch01Stage1: null },
  ],
  measures: MEASURES,
  actionsOnTimeTarget: 100,
  selfAssessment: [
    {
      policyId: seed002.id,
      version: seed002.version,
      name: seed002.name,
      cases: 5,
      departures: checkAgainstCode(seed002),
    },
    { policyId: 'code-2024', version: 1, name: 'Code 2024', cases: 1, departures: [] },
  ],
  lessons: [
    {
      lesson: 'Book the damp survey <before> the first visit & say so.',
      recordedAt: '2026-11-20T10:00:00Z',
      category: 'damp-and-mould',
      tenure: 'lcra',
    },
  ],
  lessonsNotListed: false,
  improvements: [
    {
      id: '2f0c3c1e-8d1f-4a52-9c39-0a6f3f1d2b10',
      year: 2026,
      youSaid: 'Repairs take too long to book.',
      weDid: 'Opened online booking.',
      category: 'repairs',
      complaintReferences: ['CMP-2026-000001'],
      recordedAt: new Date('2027-01-10T10:00:00Z'),
      recordedBy: 'user:test',
    },
  ],
};

const EMPTY: AnnualReport = {
  ...FULL,
  year: 2027,
  from: '2027-04-01',
  to: '2028-03-31',
  preparedOn: '2027-05-04',
  tsm: {
    ...TSM,
    year: 2027,
    homes: null,
    stage1Received: 0,
    stage2Received: 0,
    stage1Responded: 0,
    stage1RespondedOnTime: 0,
    stage1RespondedOnTimeWithoutExtensions: 0,
    stage2Responded: 0,
    stage2RespondedOnTime: 0,
    stage2RespondedOnTimeWithoutExtensions: 0,
    surveyRespondents: 0,
    surveySatisfied: 0,
    ch01Stage1: null,
    ch01Stage2: null,
    ch02Stage1: null,
    ch02Stage2: null,
    ch02Stage1WithoutExtensions: null,
    ch02Stage2WithoutExtensions: null,
    tp09: null,
  },
  tsmByTenure: [],
  measures: {
    ...MEASURES,
    acknowledgedOnTime: [],
    actionsOnTime: { numerator: 0, denominator: 0, percentage: null },
    actionsOnTimeTarget: null,
    outcomesByCategory: [],
    escalationRate: { numerator: 0, denominator: 0, percentage: null },
    refusalsByReason: [],
    ombudsmanReferrals: 0,
    ombudsmanFindings: [],
    compensationOfferedPence: 0,
    compensationPaidPence: 0,
    repeatComplainants: 0,
    averageWorkingDaysToRespond: [],
    transactionalSatisfaction: { responses: 0, average: null, target: null },
  },
  actionsOnTimeTarget: null,
  selfAssessment: [
    { policyId: 'code-2024', version: 1, name: 'Code 2024', cases: 0, departures: [] },
  ],
  lessons: [],
  improvements: [],
};

const SECTIONS = [
  'Tenant Satisfaction Measures',
  'How we handled complaints',
  'Our policy against the Code',
  'Complaints we did not accept',
  'Referrals to the Ombudsman',
  'Lessons learnt',
  'You said, we did',
];

const EMPTY_SENTENCES = [
  'No stage 1 complaint was responded to in the year',
  'the number of homes has not been entered for the year',
  'No survey respondent who complained in the last 12 months answered the question',
  'No complaint was due to be acknowledged this year.',
  'No agreed action fell due this year. No target is set.',
  'No complaint was answered with an outcome this year.',
  'No resident scored how we handled their complaint this year.',
  'No compensation was offered or paid this year.',
  'No complaints were refused this year.',
  'No complaints were referred to the Ombudsman this year.',
  'No lessons learnt were recorded this year.',
  'No “You said, we did” entries were recorded for this year.',
  'No departures from the Code.',
];

describe('the annual report as HTML', () => {
  const html = reportHtml(annualReportDocument(FULL));

  it('is one page in British English with a title, a heading per section and scoped tables', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
    expect(html).toContain(
      '<title>Annual complaints performance and service improvement report, Reporting year 2026–27: 1 April 2026 to 31 March 2027</title>',
    );
    expect(html.match(/<h1>/g)).toHaveLength(1);
    for (const heading of SECTIONS) expect(html).toContain(`>${heading}</h2>`);
    expect(html).toContain('<th scope="col" class="numeric">Result</th>');
    expect(html).toContain(
      '<th scope="row">CH01 (1): stage 1 complaints received per 1,000 homes</th><td class="numeric">2.0</td>',
    );
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script/i);
  });

  it('gives the TSM by tenure beside the total, as the Regulator asks for them apart', () => {
    expect(html).toContain(
      '<th scope="col" class="numeric">Low-cost rental (LCRA)</th><th scope="col" class="numeric">Low-cost home ownership (LCHO)</th>',
    );
    expect(html).toContain(
      '<th scope="row">CH01 (1): stage 1 complaints received per 1,000 homes</th><td class="numeric">2.0</td><td class="numeric">Not available</td>',
    );
  });

  it('writes the figures as published: one decimal place, pounds, counts of counts', () => {
    expect(html).toContain('<td class="numeric">33.3%</td><td>1 of 3 survey respondents');
    expect(html).toContain('£1,250.00 was offered and £900.50 paid in compensation.');
    expect(html).toContain(
      '1 of 2 (50.0%) agreed actions due this year were completed on time. The target is 100.0%.',
    );
    expect(html).toContain(
      '7.5 out of 10 on average (2 responses). The target is an average of at least 6.5.',
    );
    expect(html).toContain(
      '<th scope="row">Damp and mould, stage 1</th><td class="numeric">2</td><td class="numeric">0</td><td class="numeric">1</td><td class="numeric">3</td>',
    );
  });

  it('lists each departure of each policy by clause, and says when a policy has none', () => {
    for (const departure of checkAgainstCode(seed002)) {
      expect(html).toContain(`<th scope="row">${departure.clause}</th>`);
    }
    expect(html).toContain('Code 2024 (code-2024, version 1): 1 complaint received this year');
    expect(html).toContain('<p>No departures from the Code.</p>');
  });

  it('shows what people wrote as text, never as markup', () => {
    expect(html).toContain('Book the damp survey &lt;before&gt; the first visit &amp; say so.');
    expect(html).not.toContain('<before>');
  });

  it('says in words what an empty year has, section by section', () => {
    const empty = reportHtml(annualReportDocument(EMPTY));
    for (const sentence of EMPTY_SENTENCES) expect(empty).toContain(sentence);
    expect(empty).toContain('while the year is still running');
    expect(empty).not.toContain('<table>\n        <caption>Complaints refused');
  });
});

describe('the annual report as PDF', () => {
  it('is tagged, titled and in British English, with every section and numbered pages', async () => {
    const pdf = await readPdf(await reportPdf(annualReportDocument(FULL)));
    expect(pdf.tagged).toBe(true);
    expect(pdf.language).toBe('en-GB');
    expect(pdf.title).toBe(
      'Annual complaints performance and service improvement report, Reporting year 2026–27: 1 April 2026 to 31 March 2027',
    );
    for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD']) {
      expect(pdf.roles).toContain(role);
    }
    const text = pdf.pages.join(' ');
    for (const heading of SECTIONS) expect(text).toContain(heading);
    expect(text).toContain('£1,250.00 was offered and £900.50 paid in compensation.');
    expect(text).toContain('Book the damp survey <before> the first visit & say so.');
    pdf.pages.forEach((page, index) => {
      expect(page).toContain(`page ${index + 1} of ${pdf.pages.length}`);
    });
  });

  it('says in words what an empty year has', async () => {
    const pdf = await readPdf(await reportPdf(annualReportDocument(EMPTY)));
    const text = pdf.pages.join(' ');
    for (const sentence of EMPTY_SENTENCES) expect(text).toContain(sentence);
  });
});
