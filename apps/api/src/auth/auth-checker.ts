import type { AuthCheckerFn } from 'type-graphql';
import type { AppContext } from '../app-context.js';

/**
 * The one place authorisation will sit: every query, mutation and subscription is marked
 * `@Authorized()` and so passes through here. Until sign-in and roles exist, every actor may do
 * everything; roles will be checked against `roles` here, and a request with no actor refused
 * with UNAUTHENTICATED (type-graphql would otherwise answer UNAUTHORIZED).
 */
export const authChecker: AuthCheckerFn<AppContext> = ({ context }, _roles) => {
  return context.actor !== undefined;
};
