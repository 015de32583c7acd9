// What a person does in the console, by what the pages say: roles, labels and names.
import { expect } from 'vitest';

export const STEPS_TOOLBAR = 'Steps this case allows now';

export async function signIn(page, email, password) {
  await page.goto('/');
  await page.getByLabel('Email address').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('input[name=password]').waitFor({ state: 'detached' });
  await page.getByRole('banner').first().waitFor();
}

/**
 * Opens a case's page as a fresh load (nothing left open from before; the session renews from
 * its cookie) and waits for its reference in the heading.
 */
export async function openCase(page, complaint) {
  await page.goto('about:blank');
  await page.goto(`/#/complaints/${complaint.id}/show`);
  await page
    .getByRole('heading', { name: new RegExp(complaint.reference) })
    .first()
    .waitFor();
}

export function stepButton(page, label) {
  return page
    .getByRole('toolbar', { name: STEPS_TOOLBAR })
    .getByRole('button', { name: label, exact: true });
}

/** Opens a step's short form from the case page: the dialog named for the step. */
export async function openStep(page, label) {
  await stepButton(page, label).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${escape(label)}:`) });
  await dialog.waitFor();
  return dialog;
}

/** Picks a choice in a labelled select (MUI's listbox). */
export async function choose(page, scope, label, option) {
  await scope.getByRole('combobox', { name: new RegExp(`^${escape(label)}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Sends the form and waits for the page's word that the step was recorded. */
export async function submitStep(page, dialog, label) {
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(`${label}: recorded.`).waitFor();
}

/** The resident-notice part of a form: told today, by email, with the Ombudsman's details. */
export async function fillNotice(page, dialog) {
  await choose(page, dialog, 'Told by', 'Email');
  await dialog.getByRole('checkbox', { name: /Housing Ombudsman's contact details/ }).check();
}

export function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits for the API to show a change the page made, rather than trusting the page's word. */
export async function eventually(read, check, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return value;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export { expect };
