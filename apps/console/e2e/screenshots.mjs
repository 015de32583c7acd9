// The README's screenshots, at 1280×800, from the real server on a fresh demo database:
// `pnpm --filter @redress/console screenshots` writes docs/screenshots/*.png.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiSignIn, graphql } from './api.mjs';
import { launchBrowser, newPage } from './browser.mjs';
import { startStack } from './stack.mjs';
import { openCase, openStep, signIn } from './ui.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

/** Demo cases in a state worth showing: one with a stage behind it, one waiting for an answer. */
async function demoCases(base, token) {
  const { complaints } = await graphql(
    base,
    '{ complaints(first: 200) { nodes { id reference status allowedSteps } } }',
    {},
    token,
  );
  const nodes = complaints.nodes;
  const shown =
    nodes.find((c) => c.status === 'ESCALATED') ??
    nodes.find((c) => c.status === 'RESPONDED') ??
    nodes[0];
  const answering = nodes.find((c) => c.allowedSteps.includes('RESPOND') && c !== shown);
  if (!shown || !answering) throw new Error('the demo data has no case to show');
  return { shown, answering };
}

const stack = await startStack();
const browser = await launchBrowser();
try {
  const token = await apiSignIn(stack.apiBase, stack.admin.email, stack.admin.password);
  const { shown, answering } = await demoCases(stack.apiBase, token);
  const page = await newPage(browser, stack.base);
  await signIn(page, stack.admin.email, stack.admin.password);
  const shot = async (name) => {
    await page.waitForLoadState('networkidle');
    // Nothing caught mid-transition (a dialog fading in, a chip's ripple).
    await page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running'),
    );
    await page.screenshot({ path: join(out, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  };

  await page.goto('/#/');
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await shot('dashboard');

  await page.goto('/#/complaints');
  await page.getByRole('row').nth(1).waitFor();
  await shot('complaints-list');

  await openCase(page, shown);
  await shot('complaint');

  await openCase(page, answering);
  await openStep(page, 'Respond');
  await shot('step-form');

  await page.goto('/#/measures');
  await page.getByRole('table', { name: 'CH02 by month' }).waitFor();
  await page.getByRole('region', { name: /^TP09/ }).waitFor();
  await shot('measures');

  // Residents' records, with the cases of the resident of the case shown above.
  const { complaint } = await graphql(
    stack.apiBase,
    'query ($id: ID!) { complaint(id: $id) { complainant { name email phone } } }',
    { id: shown.id },
    token,
  );
  await page.goto('/#/records');
  const { name, email, phone } = complaint.complainant;
  if (email) await page.getByRole('textbox', { name: 'Email' }).fill(email);
  else if (phone) await page.getByRole('textbox', { name: 'Phone' }).fill(phone);
  else await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Find their cases' }).click();
  await page.getByRole('heading', { name: 'Cases held' }).waitFor();
  await shot('residents-records');
} finally {
  await browser.close();
  await stack.stop();
}
