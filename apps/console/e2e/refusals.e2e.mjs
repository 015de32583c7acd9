// What the console says when a step cannot be recorded: the domain's own message for a refused
// step, and a stale version (someone changed the case behind the page) reloaded, not lost.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { acknowledge, addPoint, graphql, logCase, readCase } from './api.mjs';
import { openBrowser } from './context.mjs';
import { londonToday } from './dates.mjs';
import { eventually, fillNotice, openCase, openStep, submitStep } from './ui.mjs';

let env;
let page;

beforeAll(async () => {
  env = await openBrowser();
  page = await env.pageAs('admin');
});

afterAll(async () => {
  await env?.browser.close();
});

describe('refusals and conflicts', () => {
  test('a refused step shows the domain’s message and records nothing', async () => {
    const c = await acknowledge(
      env.api,
      env.tokens.admin,
      (await logCase(env.api, env.tokens.admin, 'Damp in the kitchen ceiling.')).id,
    );
    await openCase(page, c);
    const dialog = await openStep(page, 'Extend the deadline');
    await dialog.getByLabel(/^Working days/).fill('40');
    await dialog.getByLabel(/^Reason, as the resident is told it/).fill('Waiting for parts.');
    await fillNotice(page, dialog);
    await dialog.getByRole('button', { name: 'Extend the deadline', exact: true }).click();
    // The same request through the API is refused, and its message is what the form shows.
    const refusal = await graphql(
      env.api,
      `
        mutation ($id: ID!, $notice: ResidentNoticeInput) {
          extendResponseDeadline(
            id: $id
            workingDays: 40
            reason: "Waiting for parts."
            notice: $notice
          ) {
            id
          }
        }
      `,
      { id: c.id, notice: { toldOn: londonToday(), method: 'EMAIL', ombudsmanDetailsGiven: true } },
      env.tokens.admin,
    ).then(
      () => null,
      (error) => error.errors[0],
    );
    expect(refusal?.extensions?.code).toBeTruthy();
    await dialog.getByText(refusal.message, { exact: false }).waitFor();
    expect((await readCase(env.api, env.tokens.admin, c.id)).version).toBe(c.version);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('a case changed behind the page answers CONFLICT, is reloaded, and the step then goes through', async () => {
    const c = await logCase(env.api, env.tokens.admin, 'Gutter overflowing onto the path.');
    await openCase(page, c);
    await page.getByText(`version ${c.version}`).waitFor();
    const dialog = await openStep(page, 'Acknowledge');
    const changed = await addPoint(
      env.api,
      env.tokens.admin,
      c.id,
      'The resident adds that the path has iced over.',
    );
    expect(changed.version).toBeGreaterThan(c.version);
    await dialog.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await dialog.getByText('Someone else changed this case; it has been reloaded.').waitFor();
    await page.getByText(`version ${changed.version}`).waitFor();
    expect((await readCase(env.api, env.tokens.admin, c.id)).status).toBe('RECEIVED');
    await submitStep(page, dialog, 'Acknowledge');
    await eventually(
      () => readCase(env.api, env.tokens.admin, c.id),
      (now) => expect(now.status).toBe('ACKNOWLEDGED'),
    );
  });
});
