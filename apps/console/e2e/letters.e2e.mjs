// A response letter written and issued on the case page as a handler would: the preview says
// what the Code still requires, the decision on the point completes it, and the letter issued is
// the one the API keeps, with its PDF served to the same session.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { acknowledge, addPoint, graphql, logCase, respond } from './api.mjs';
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

const lettersOf = (id) => async () =>
  (
    await graphql(
      env.api,
      'query ($id: ID!) { complaint(id: $id) { letters { id kind stage delivery parts { part text } pdfPath } } }',
      { id },
      env.tokens.admin,
    )
  ).complaint.letters;

describe('letters in the console', () => {
  test('issues a stage 1 response only once every part the Code requires is in it', async () => {
    const c = await logCase(env.api, env.tokens.admin, 'The kitchen extractor was never fitted.');
    await acknowledge(env.api, env.tokens.admin, c.id);
    await addPoint(env.api, env.tokens.admin, c.id, 'Nobody returned my calls in October.');
    await respond(env.api, env.tokens.admin, c.id, [
      { kind: 'APOLOGY', description: 'An apology in writing.' },
    ]);
    await openCase(page, c);
    const letters = page.getByRole('region', { name: 'Letters' });
    await letters.getByRole('button', { name: 'Write the stage 1 response letter' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stage 1 response' });
    await dialog.waitFor();
    // The first preview lacks the decision on the point, and says which clause asks for it.
    const missing = dialog.getByRole('alert');
    await expect
      .poll(() => missing.innerText())
      .toContain('Our decision on each point (Code 6.7, 6.9)');
    const issue = dialog.getByRole('button', { name: 'Issue letter' });
    expect(await issue.isDisabled()).toBe(true);

    await dialog
      .getByLabel(/^Decision on point 1: Nobody returned my calls in October/)
      .fill('Upheld: we should have called you back within two working days.');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByText('Every part the Code requires is in the letter.').waitFor();
    const frame = page.frameLocator('iframe[title="Preview of the stage 1 response letter"]');
    await frame
      .getByRole('heading', { level: 1, name: 'Stage 1: Our response to your complaint' })
      .waitFor();
    await frame.getByText(/we should have called you back/).waitFor();
    await issue.click();
    await dialog.waitFor({ state: 'detached' });

    const [letter] = await eventually(lettersOf(c.id), (now) => expect(now).toHaveLength(1));
    expect(letter).toMatchObject({ kind: 'RESPONSE', stage: 1, delivery: 'AWAITING_POST' });
    expect(letter.parts.find((p) => p.part === 'DECISION_ON_EACH_POINT').text).toContain(
      'we should have called you back',
    );
    const list = letters.getByRole('list', { name: 'Letters issued' });
    await list.getByText('Stage 1 response').waitFor();
    await list.getByText('To be posted').waitFor();
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText('Letter issued: Stage 1 response (to be posted)')
      .waitFor();

    // Posted from the page; the PDF downloads with the session's token.
    const download = page.waitForEvent('download');
    await list.getByRole('button', { name: 'PDF' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    await list.getByRole('button', { name: 'Mark as posted' }).click();
    await list.getByText('Posted', { exact: true }).waitFor();
  });
});
