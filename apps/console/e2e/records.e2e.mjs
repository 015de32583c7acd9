// Residents' records as an admin uses them: the page reached from the menu, a person found by
// their email, their case listed, everything held downloaded as a PDF; and the case file for the
// Ombudsman downloaded from the case page.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { graphql } from './api.mjs';
import { openBrowser } from './context.mjs';
import { openCase } from './ui.mjs';

let env;
let page;

beforeAll(async () => {
  env = await openBrowser();
  page = await env.pageAs('admin');
});

afterAll(async () => {
  await env?.browser.close();
});

const EMAIL = `records.${Date.now()}@example.org`;

async function logCaseFor(email) {
  const { logComplaint } = await graphql(
    env.api,
    `
      mutation ($input: LogComplaintInput!) {
        logComplaint(input: $input) {
          id
          reference
        }
      }
    `,
    {
      input: {
        receivedAt: new Date().toISOString(),
        channel: 'EMAIL',
        complainant: { name: 'Robin Shaw', type: 'TENANT', email },
        summary: 'The communal door has not closed for a month.',
        category: 'repairs',
        tenure: 'LCRA',
      },
    },
    env.tokens.admin,
  );
  return logComplaint;
}

async function bytesOf(download) {
  return readFile(await download.path());
}

describe("residents' records", () => {
  test('the admin finds a resident by email and downloads everything held as a PDF', async () => {
    const c = await logCaseFor(EMAIL);
    await page.goto('/#/');
    await page.getByRole('menuitem', { name: "Residents' records" }).click();
    await page.getByRole('heading', { level: 1, name: "Residents' records" }).waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill(EMAIL.toUpperCase());
    await page.getByRole('button', { name: 'Find their cases' }).click();
    const table = page.getByRole('table', { name: 'Cases held for this person' });
    await table.getByRole('row', { name: new RegExp(c.reference) }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download everything held (PDF)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^subject-access-.*\.pdf$/);
    const bytes = await bytesOf(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(2_000);
  });

  test('the case page downloads the case file for the Ombudsman', async () => {
    const c = await logCaseFor(`casefile.${EMAIL}`);
    await openCase(page, c);
    const region = page.getByRole('region', { name: 'Case file' });
    const download = page.waitForEvent('download');
    await region.getByRole('button', { name: 'Case file for the Ombudsman (PDF)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`case-file-${c.reference.toLowerCase()}.pdf`);
    expect((await bytesOf(file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
