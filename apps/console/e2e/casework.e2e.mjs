// A complaint taken through the Code's steps in the console: each test starts from a case the
// API put in the state the step needs, does the step on the case page as a person would, and
// reads the case back through the API to see that the step was recorded.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { acknowledge, escalate, graphql, logCase, readCase, respond } from './api.mjs';
import { openBrowser } from './context.mjs';
import {
  choose,
  eventually,
  fillNotice,
  openCase,
  openStep,
  stepButton,
  submitStep,
} from './ui.mjs';
import { workingDaysAhead } from './dates.mjs';

let env;
let page;

beforeAll(async () => {
  env = await openBrowser();
  page = await env.pageAs('admin');
});

afterAll(async () => {
  await env?.browser.close();
});

const statusOf = (id) => () => readCase(env.api, env.tokens.admin, id);

describe('casework in the console', () => {
  test('logs a complaint', async () => {
    const summary = `Black mould in the back bedroom, reported three times (${Date.now()})`;
    await page.goto('/#/complaints/create');
    await page.getByRole('heading', { level: 1, name: 'Log a complaint' }).waitFor();
    await choose(page, page, 'Channel', 'Phone');
    await page.getByLabel(/^Summary, in the resident’s words/).fill(summary);
    await page
      .getByLabel(/^Outcome the resident seeks/)
      .fill('The mould treated and the wall repaired.');
    await page.getByLabel(/^Category/).fill('damp-and-mould');
    await choose(page, page, 'Tenure', 'Low-cost rental (LCRA)');
    await page.getByLabel(/^Name/).first().fill('Priya Shah');
    await choose(page, page, 'Who they are', 'Tenant');
    await page.getByRole('button', { name: 'Log the complaint' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /CMP-\d{4}-\d+/ });
    await heading.waitFor();
    const reference = /CMP-\d{4}-\d+/.exec(await heading.innerText())[0];
    await page.getByText(summary).waitFor();
    const { complaintByReference } = await graphql(
      env.api,
      'query ($r: String!) { complaintByReference(reference: $r) { summary channel status } }',
      { r: reference },
      env.tokens.admin,
    );
    expect(complaintByReference).toEqual({ summary, channel: 'PHONE', status: 'RECEIVED' });
  });

  test('acknowledges', async () => {
    const c = await logCase(env.api, env.tokens.admin, 'Repair to the boiler not done.');
    await openCase(page, c);
    const dialog = await openStep(page, 'Acknowledge');
    await dialog
      .getByLabel(/^The complaint as you understand it/)
      .fill('The boiler has been broken for three weeks and two visits were missed.');
    await submitStep(page, dialog, 'Acknowledge');
    await eventually(statusOf(c.id), (now) => expect(now.status).toBe('ACKNOWLEDGED'));
  });

  test('extends the response deadline with a reason', async () => {
    const c = await logCase(env.api, env.tokens.admin, 'Leak from the flat above.');
    await acknowledge(env.api, env.tokens.admin, c.id);
    await openCase(page, c);
    const dialog = await openStep(page, 'Extend the deadline');
    await dialog.getByLabel(/^Working days/).fill('5');
    await dialog
      .getByLabel(/^Reason, as the resident is told it/)
      .fill('We are waiting for the contractor’s report on the leak.');
    await fillNotice(page, dialog);
    await submitStep(page, dialog, 'Extend the deadline');
    await eventually(statusOf(c.id), (now) => expect(now.version).toBeGreaterThan(c.version + 1));
    const { complaint } = await graphql(
      env.api,
      'query ($id: ID!) { complaint(id: $id) { stages { extensions { workingDays reason } } } }',
      { id: c.id },
      env.tokens.admin,
    );
    expect(complaint.stages.at(-1).extensions).toEqual([
      { workingDays: 5, reason: 'We are waiting for the contractor’s report on the leak.' },
    ]);
  });

  test('responds with an outcome, findings and a remedy', async () => {
    const c = await logCase(env.api, env.tokens.admin, 'Rubbish not collected from the bin store.');
    await acknowledge(env.api, env.tokens.admin, c.id);
    await openCase(page, c);
    const dialog = await openStep(page, 'Respond');
    await choose(page, dialog, 'Outcome', 'Partly upheld');
    await dialog
      .getByLabel(/^Findings and reasons/)
      .fill('Two collections were missed in March; the contractor has been told.');
    await submitStep(page, dialog, 'Respond');
    await eventually(statusOf(c.id), (now) => expect(now.status).toBe('RESPONDED'));
  });

  test('escalates to stage 2', async () => {
    const c = await logCase(env.api, env.tokens.admin, 'Window still not replaced.');
    await acknowledge(env.api, env.tokens.admin, c.id);
    await respond(env.api, env.tokens.admin, c.id);
    await openCase(page, c);
    const dialog = await openStep(page, 'Escalate to stage 2');
    await dialog
      .getByLabel(/^The resident's reasons/)
      .fill('The resident says the response ignored the draught.');
    await submitStep(page, dialog, 'Escalate to stage 2');
    await eventually(statusOf(c.id), (now) =>
      expect([now.stage, now.status]).toEqual([2, 'RECEIVED']),
    );
    await page.getByRole('heading', { level: 1, name: /Stage 2/ }).waitFor();
  });

  test('stage 2 is acknowledged and answered by someone who had no part in stage 1', async () => {
    const c = await logCase(env.api, env.tokens.admin, 'Noise from the communal door.');
    await acknowledge(env.api, env.tokens.admin, c.id);
    await respond(env.api, env.tokens.admin, c.id);
    await escalate(env.api, env.tokens.admin, c.id);
    // The admin answered stage 1, so their page does not offer stage 2's acknowledgement (6.13).
    await openCase(page, c);
    await expect(stepButton(page, 'Acknowledge').count()).resolves.toBe(0);

    const manager = await env.pageAs('manager');
    try {
      await openCase(manager, c);
      const ack = await openStep(manager, 'Acknowledge');
      await submitStep(manager, ack, 'Acknowledge');
      await eventually(statusOf(c.id), (now) => expect(now.status).toBe('ACKNOWLEDGED'));
      const answer = await openStep(manager, 'Respond');
      await choose(manager, answer, 'Outcome', 'Upheld');
      await answer
        .getByLabel(/^Findings and reasons/)
        .fill('At review the door closer was found faulty since January; it is being replaced.');
      await submitStep(manager, answer, 'Respond');
      await eventually(statusOf(c.id), (now) => expect(now.status).toBe('RESPONDED'));
    } finally {
      await manager.context().close();
    }
  });

  test('agrees an action and completes it', async () => {
    const c = await logCase(env.api, env.tokens.admin, 'Fence blown down in the storm.');
    await acknowledge(env.api, env.tokens.admin, c.id);
    await respond(env.api, env.tokens.admin, c.id, [
      { kind: 'ACTION_ON_DELAY', description: 'Replace the fence panels.' },
    ]);
    await openCase(page, c);
    const agree = await openStep(page, 'Agree an action');
    await agree.getByLabel(/^What will be done/).fill('Replace three fence panels.');
    await agree.getByLabel(/^Owner/).fill('Grounds maintenance');
    await agree.getByLabel(/^Due on/).fill(workingDaysAhead(10));
    await submitStep(page, agree, 'Agree an action');
    await page.getByText('Replace three fence panels.').first().waitFor();

    const complete = await openStep(page, 'Complete an action');
    await complete.getByLabel(/^Note/).fill('Panels replaced; the resident is happy.');
    await submitStep(page, complete, 'Complete an action');
    const { complaint } = await graphql(
      env.api,
      'query ($id: ID!) { complaint(id: $id) { actions { description completedAt } } }',
      { id: c.id },
      env.tokens.admin,
    );
    expect(complaint.actions).toHaveLength(1);
    expect(complaint.actions[0].description).toBe('Replace three fence panels.');
    expect(complaint.actions[0].completedAt).not.toBeNull();
  });

  test('closes a case once it is answered', async () => {
    const c = await logCase(env.api, env.tokens.admin, 'Hallway light out for a month.');
    await acknowledge(env.api, env.tokens.admin, c.id);
    await respond(env.api, env.tokens.admin, c.id);
    await openCase(page, c);
    const dialog = await openStep(page, 'Close');
    await submitStep(page, dialog, 'Close');
    await eventually(statusOf(c.id), (now) => expect(now.status).toBe('CLOSED'));
    await expect(stepButton(page, 'Close').count()).resolves.toBe(0);
  });
});
