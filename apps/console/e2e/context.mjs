// What each browser check file shares: the stack, a browser, and API sign-ins behind the page.
import { inject } from 'vitest';
import { apiSignIn } from './api.mjs';
import { launchBrowser, newPage } from './browser.mjs';
import { DEMO_EMAILS } from './stack.mjs';
import { signIn } from './ui.mjs';

export function stackOf() {
  return inject('stack');
}

export async function openBrowser() {
  const stack = stackOf();
  const browser = await launchBrowser();
  const tokens = {
    admin: await apiSignIn(stack.apiBase, stack.admin.email, stack.admin.password),
    manager: await apiSignIn(stack.apiBase, DEMO_EMAILS.manager, stack.demoPassword),
  };
  /** A page signed in as the admin (default) or one of the demo's staff. */
  async function pageAs(who = 'admin') {
    const page = await newPage(browser, stack.base);
    if (who === 'admin') await signIn(page, stack.admin.email, stack.admin.password);
    else await signIn(page, DEMO_EMAILS[who], stack.demoPassword);
    return page;
  }
  return { stack, browser, tokens, pageAs, api: stack.apiBase };
}
