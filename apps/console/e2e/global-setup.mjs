// One stack for the whole run (starting the API with its demo data takes about half a minute):
// the tests read where it is with vitest's inject('stack').
import { startStack } from './stack.mjs';

let stack;

export async function setup({ provide }) {
  stack = await startStack();
  provide('stack', {
    base: stack.base,
    apiBase: stack.apiBase,
    admin: stack.admin,
    demoPassword: stack.demoPassword,
    servedBy: stack.servedBy,
  });
}

export async function teardown() {
  await stack?.stop();
}
