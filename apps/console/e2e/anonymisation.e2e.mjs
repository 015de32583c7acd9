// An admin anonymises a resident from their case's page, as on a request for erasure: the
// button waits for the case to end, the confirmation says what is kept and what goes, and the
// case then reads anonymised in the console and in the API, its reference and outcome kept.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { graphql } from './api.mjs';
import { openBrowser } from './context.mjs';
import { eventually, openCase } from './ui.mjs';

let env;
let page;

beforeAll(async () => {
  env = await openBrowser();
  page = await env.pageAs('admin');
});

afterAll(async () => {
  await env?.browser.close();
});

const CASE = `{ id reference status complainant { name email } summary anonymisedAt }`;

async function logFor(name, email) {
  const { logComplaint } = await graphql(
    env.api,
    `mutation ($input: LogComplaintInput!) { logComplaint(input: $input) ${CASE} }`,
    {
      input: {
        receivedAt: new Date().toISOString(),
        channel: 'EMAIL',
        complainant: { name, type: 'TENANT', email, preferredContact: 'EMAIL' },
        summary: `${name} reports water coming through the ceiling.`,
        category: 'repairs',
        tenure: 'LCRA',
      },
    },
    env.tokens.admin,
  );
  return logComplaint;
}

const read = (id) => async () =>
  (
    await graphql(
      env.api,
      `query ($id: ID!) { complaint(id: $id) ${CASE} }`,
      { id },
      env.tokens.admin,
    )
  ).complaint;

describe('anonymising a resident in the console', () => {
  test('waits for the case to end, confirms, and leaves the case anonymised', async () => {
    const email = `erase-${randomUUID()}@example.org`;
    const c = await logFor('Robin Ashdown', email);
    await openCase(page, c);
    const record = page.getByRole('region', { name: 'Resident’s record' });
    const button = record.getByRole('button', { name: 'Anonymise resident…' });
    expect(await button.isDisabled()).toBe(true);
    await record.getByText(/once every case of theirs has ended/).waitFor();

    await graphql(
      env.api,
      'mutation ($id: ID!) { withdrawComplaint(id: $id, reason: "Robin moved away.") { id } }',
      { id: c.id },
      env.tokens.admin,
    );
    await openCase(page, c);
    await button.click();
    const dialog = page.getByRole('dialog', { name: `Anonymise the resident of ${c.reference}?` });
    await dialog.getByText(/keeps its reference, dates, stages, outcomes/).waitFor();
    await dialog.getByText(/This cannot be undone/).waitFor();
    await dialog.getByRole('button', { name: 'Anonymise' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Anonymised 1 case (${c.reference})`).waitFor();

    await page.getByText(/This case was anonymised on/).waitFor();
    await page.getByText('Anonymised resident', { exact: false }).first().waitFor();
    expect(await page.getByText('Robin Ashdown').count()).toBe(0);
    expect(await record.count()).toBe(0);

    const after = await eventually(read(c.id), (now) => expect(now.anonymisedAt).not.toBeNull());
    expect(after).toMatchObject({
      reference: c.reference,
      status: 'WITHDRAWN',
      complainant: { name: 'Anonymised resident', email: null },
      summary: '[anonymised]',
    });
  });
});
