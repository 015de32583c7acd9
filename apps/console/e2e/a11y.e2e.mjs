// axe-core in the page: no serious or critical violations on My work, the list, a case's page,
// a step's form, the log form and residents' records.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { acknowledge, logCase } from './api.mjs';
import { openBrowser } from './context.mjs';
import { openCase, openStep } from './ui.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let env;
let page;

beforeAll(async () => {
  env = await openBrowser();
  page = await env.pageAs('admin');
});

afterAll(async () => {
  await env?.browser.close();
});

/** The serious and critical violations on the page as it is now, one line each. */
async function violations() {
  await page.waitForLoadState('networkidle');
  // A dialog fades in: scanned mid-transition, its text is half-transparent and fails contrast.
  // A transition cancelled on the way (MUI replaces one) rejects `finished`: that one is over too.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
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

describe('accessibility (axe-core)', () => {
  test('My work', async () => {
    await page.goto('/#/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await violations()).toEqual([]);
  });

  test('the complaints list', async () => {
    await page.goto('/#/complaints');
    await page.getByRole('row').nth(1).waitFor();
    expect(await violations()).toEqual([]);
  });

  test('a case’s page and a step’s form', async () => {
    const c = await acknowledge(
      env.api,
      env.tokens.admin,
      (await logCase(env.api, env.tokens.admin, 'Overgrown trees blocking light.')).id,
    );
    await openCase(page, c);
    expect(await violations()).toEqual([]);
    await openStep(page, 'Respond');
    expect(await violations()).toEqual([]);
  });

  test("residents' records, with a search's cases", async () => {
    await page.goto('/#/records');
    await page.getByRole('heading', { level: 1, name: "Residents' records" }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill('Morgan Ellis');
    await page.getByRole('button', { name: 'Find their cases' }).click();
    await page.getByRole('heading', { name: 'Cases held' }).waitFor();
    expect(await violations()).toEqual([]);
  });

  test('the log form', async () => {
    await page.goto('/#/complaints/create');
    await page.getByRole('heading', { level: 1, name: 'Log a complaint' }).waitFor();
    expect(await violations()).toEqual([]);
  });
});
