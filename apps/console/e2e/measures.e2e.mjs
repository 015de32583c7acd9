// The measures in the console as an analyst uses them, on the demo's data: the TSM figures the
// API answers, the cases behind one, a CSV of them, the annual report; and the pages pass the
// accessibility scan as the others do.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { graphql } from './api.mjs';
import { openBrowser } from './context.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let env;
let page;
let year;

const oneDecimal = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const percentage = (value) => (value === null ? '—' : `${oneDecimal.format(value)}%`);
const count = (value) => value.toLocaleString('en-GB');

/** The reporting year today is in, by the London date (1 April to 31 March). */
function reportingYearNow() {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' })
    .format(new Date())
    .split('-')
    .map(Number);
  return m >= 4 ? y : y - 1;
}

const label = (y) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`;

beforeAll(async () => {
  env = await openBrowser();
  page = await env.pageAs('admin');
  year = reportingYearNow();
});

afterAll(async () => {
  await env?.browser.close();
});

async function violations() {
  await page.waitForLoadState('networkidle');
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`),
    }));
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
}

const tile = (name) => page.getByRole('region', { name });

describe('measures', () => {
  test('the Measures page shows the TSM figures the API answers, and passes the scan', async () => {
    const { tsmReport } = await graphql(
      env.api,
      `
        query ($year: Int!) {
          tsmReport(year: $year) {
            tp09
            surveyRespondents
            surveySatisfied
            ch02Stage1
            stage1Responded
            stage1RespondedOnTime
          }
        }
      `,
      { year },
      env.tokens.admin,
    );
    expect(tsmReport.surveyRespondents).toBeGreaterThan(0);
    expect(tsmReport.stage1Responded).toBeGreaterThan(0);

    await page.goto('about:blank');
    await page.goto('/#/');
    await page.getByRole('menuitem', { name: 'Measures' }).click();
    await page.getByRole('heading', { level: 1, name: `Measures, ${label(year)}` }).waitFor();

    const tp09 = tile(/^TP09/);
    await tp09.waitFor();
    await tp09.getByText(percentage(tsmReport.tp09), { exact: true }).waitFor();
    await tp09
      .getByText(
        `${count(tsmReport.surveySatisfied)} of ${count(tsmReport.surveyRespondents)} respondents`,
        { exact: false },
      )
      .waitFor();
    const ch02 = tile(/^CH02 stage 1/);
    await ch02.getByText(percentage(tsmReport.ch02Stage1), { exact: true }).waitFor();
    await ch02
      .getByText(
        `${count(tsmReport.stage1RespondedOnTime)} of ${count(tsmReport.stage1Responded)} on time`,
      )
      .waitFor();
    await page.getByRole('table', { name: 'CH02 by month' }).waitFor();
    expect(await violations()).toEqual([]);
  });

  test('a figure opens the cases behind it, each linked to its page, and they download as CSV', async () => {
    await page.goto(`/#/measures?year=${year}`);
    const ch02 = tile(/^CH02 stage 1/);
    await ch02.getByRole('link', { name: 'On time', exact: true }).click();
    await page
      .getByRole('heading', { level: 1, name: /^CH02 stage 1 responded to within/ })
      .waitFor();
    const table = page.getByRole('table', { name: 'Stage 1 complaints responded to on time' });
    await table.getByRole('row').nth(1).waitFor();
    const first = table.getByRole('row').nth(1).getByRole('link');
    const reference = await first.textContent();
    expect(reference).toMatch(/^[A-Z]+-\d{4}-\d+$/);
    expect(await violations()).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download these cases (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`ch02_stage1-numerator-${year}.csv`);
    const csv = await readFile(await download.path(), 'utf8');
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header.split(',')).toEqual(expect.arrayContaining(['reference', 'stage', 'tenure']));
    expect(rows.some((row) => row.includes(reference))).toBe(true);

    await first.click();
    await page
      .getByRole('heading', { name: new RegExp(reference) })
      .first()
      .waitFor();
  });

  test('the annual report opens, with its sections, and passes the scan', async () => {
    await page.goto(`/#/measures?year=${year}`);
    await page.getByRole('link', { name: 'Annual report' }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: /complaints performance and service improvement report/i,
      })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tenant Satisfaction Measures' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'You said, we did' }).waitFor();
    await page.getByRole('button', { name: 'Print' }).waitFor();
    expect(await violations()).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('survey responses import from a CSV, once: sent again they are unchanged', async () => {
    const stamp = Date.now();
    const csv = [
      'respondent,tenure,answered_on,complained_in_last_12_months,complaint_handling',
      `E2E-${stamp}-1,LCRA,${year}-06-01,yes,Fairly satisfied`,
      `E2E-${stamp}-2,LCHO,${year}-06-02,no,`,
    ].join('\n');
    const file = { name: 'survey.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
    await page.goto(`/#/measures?year=${year}`);
    await page.getByRole('link', { name: 'Import survey responses' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import survey responses' }).waitFor();
    expect(await violations()).toEqual([]);
    for (const expected of ['2 recorded, 0 unchanged.', '0 recorded, 2 unchanged.']) {
      await page.getByLabel('Survey CSV file').setInputFiles(file);
      await page.getByText('2 rows, none with errors.').waitFor();
      await page.getByRole('button', { name: 'Record 2 responses' }).click();
      await page.getByText(expected).waitFor();
    }
  });

  test('homes and You said, we did pass the scan', async () => {
    await page.goto(`/#/measures/homes?year=${year}`);
    await page.getByRole('heading', { level: 1, name: `Homes, ${label(year)}` }).waitFor();
    await page.getByRole('table').getByRole('row').nth(2).waitFor();
    expect(await violations()).toEqual([]);
    await page.goto(`/#/measures/improvements?year=${year}`);
    await page
      .getByRole('heading', { level: 1, name: `You said, we did, ${label(year)}` })
      .waitFor();
    await page.getByRole('button', { name: 'Record the entry' }).waitFor();
    expect(await violations()).toEqual([]);
  });
});
