// One flow by keyboard alone: sign in, open a case, acknowledge it, with Tab, Enter and typing;
// no clicks. Each control is reached by Tab and known by its accessible name.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiSignIn, logCase, readCase } from './api.mjs';
import { launchBrowser, newPage } from './browser.mjs';
import { stackOf } from './context.mjs';
import { eventually } from './ui.mjs';

let browser;
let stack;

beforeAll(async () => {
  stack = stackOf();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** What has the focus: its tag, name attribute, and accessible text. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const labelled = el?.getAttribute('aria-labelledby');
    const byLabel =
      (el?.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent) ||
      (labelled && document.getElementById(labelled)?.textContent) ||
      el?.getAttribute('aria-label') ||
      '';
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      name: el?.getAttribute('name') ?? '',
      text: `${byLabel} ${el?.textContent ?? ''}`.trim(),
    };
  });
}

/** Presses Tab until the focus is on what `matches` accepts (maybe already); fails after `limit`. */
async function tabTo(page, matches, limit = 60) {
  if (matches(await focused(page))) return;
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`Tab did not reach the control within ${limit} presses`);
}

describe('keyboard only', () => {
  test('signs in and acknowledges a case without the mouse', async () => {
    const token = await apiSignIn(stack.apiBase, stack.admin.email, stack.admin.password);
    const c = await logCase(stack.apiBase, token, 'Lift out of order for a week.');
    const page = await newPage(browser, stack.base);
    await page.goto('/');
    await page.locator('input[name=password]').waitFor();
    await tabTo(page, (f) => f.tag === 'input' && /email/i.test(`${f.name} ${f.text}`));
    await page.keyboard.type(stack.admin.email);
    await tabTo(page, (f) => f.name === 'password');
    await page.keyboard.type(stack.admin.password);
    await page.keyboard.press('Enter');
    await page.locator('input[name=password]').waitFor({ state: 'detached' });

    await page.goto(`/#/complaints/${c.id}/show`);
    await page
      .getByRole('heading', { name: new RegExp(c.reference) })
      .first()
      .waitFor();
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Acknowledge', 120);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /^Acknowledge:/ });
    await dialog.waitFor();
    await tabTo(page, (f) => /The complaint as you understand it/.test(f.text));
    await page.keyboard.type(
      'The lift has been out for a week; the resident cannot leave the flat.',
    );
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Acknowledge');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await eventually(
      () => readCase(stack.apiBase, token, c.id),
      (now) => expect(now.status).toBe('ACKNOWLEDGED'),
    );
    await page.context().close();
  });
});
