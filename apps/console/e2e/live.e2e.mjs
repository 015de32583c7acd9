// A change made elsewhere (another handler, a partner through the API) shows on the open pages
// without a reload, through the API's subscriptions.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addPoint, graphql, logCase } from './api.mjs';
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

describe('live updates', () => {
  test('a complaint logged through the API appears in the open list', async () => {
    await page.goto('/#/complaints');
    await page.getByRole('row').nth(1).waitFor();
    const navigations = [];
    page.on(
      'framenavigated',
      (frame) => frame === page.mainFrame() && navigations.push(frame.url()),
    );
    const logged = await logCase(
      env.api,
      env.tokens.manager,
      `Broken entry phone, logged by another handler (${Date.now()})`,
    );
    await page.getByRole('row').filter({ hasText: logged.reference }).waitFor({ timeout: 20_000 });
    expect(navigations).toEqual([]);
  });

  test('a step recorded through the API shows on the open case', async () => {
    const c = await logCase(env.api, env.tokens.admin, 'Shared garden gate does not lock.');
    await openCase(page, c);
    await page.getByText(`version ${c.version}`).waitFor();
    const point = `The resident adds that the gate was reported in May (${Date.now()}).`;
    const changed = await addPoint(env.api, env.tokens.manager, c.id, point);
    await page.getByText(`version ${changed.version}`).waitFor({ timeout: 20_000 });
    // The timeline names who did it: the manager, who had not touched this case before.
    await page
      .getByText(/, by Grace Adeyemi$/)
      .first()
      .waitFor();
    const { complaint } = await graphql(
      env.api,
      'query ($id: ID!) { complaint(id: $id) { version } }',
      { id: c.id },
      env.tokens.admin,
    );
    expect(complaint.version).toBe(changed.version);
  });
});
