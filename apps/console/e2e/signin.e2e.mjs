// Signing in and out: a wrong password is told, the right one opens My work, and the session
// survives a reload (the refresh cookie renews the access token kept in memory).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, newPage } from './browser.mjs';
import { stackOf } from './context.mjs';
import { signIn } from './ui.mjs';

let browser;
let stack;

beforeAll(async () => {
  stack = stackOf();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('signing in', () => {
  test('a wrong password is refused with a message, on the sign-in page', async () => {
    const page = await newPage(browser, stack.base);
    await page.goto('/');
    await page.getByLabel('Email address').fill(stack.admin.email);
    await page.locator('input[name=password]').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('#sign-in-error').waitFor();
    expect(await page.locator('input[name=password]').count()).toBe(1);
    await page.context().close();
  });

  test('signs in, keeps the session over a reload, and signs out', async () => {
    const page = await newPage(browser, stack.base);
    await signIn(page, stack.admin.email, stack.admin.password);
    await page.reload();
    await page.getByRole('banner').first().waitFor();
    expect(await page.locator('input[name=password]').count()).toBe(0);
    await page
      .getByRole('button', { name: /profile|account|user menu/i })
      .first()
      .click();
    await page.getByRole('menuitem', { name: /sign out|log ?out/i }).click();
    await page.locator('input[name=password]').waitFor();
    await page.reload();
    await page.locator('input[name=password]').waitFor();
    await page.context().close();
  });
});
