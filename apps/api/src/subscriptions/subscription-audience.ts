import type { AppContext } from '../app-context.js';
import { complaintScopeOf, type Principal } from '../auth/principal.js';

/**
 * What decides a subscription's answers besides its document: which cases the caller may hear
 * of (their complaint scope) and which fields they may read (their permissions, e.g.
 * `complaints:personal`). Two callers with the same audience get the same answer to the same
 * document for every event, so it is executed once for both. Managers' and admins' scope is
 * "all", so they share; a handler's queue is their own (it names them), as is a key's.
 */
export function subscriptionAudienceOf(principal: Principal): string {
  const scope = complaintScopeOf(principal);
  const scopeKey =
    scope.kind === 'queue'
      ? `queue:${scope.userId}:${[...scope.teamIds].sort().join(',')}`
      : scope.kind === 'logged-by'
        ? `logged-by:${scope.apiKeyId}`
        : scope.kind;
  return `${scopeKey}|${[...principal.permissions].sort().join(',')}`;
}

/** The audience of a graphql-ws operation's context (server.ts builds it with `createAppContext`). */
export function audienceOfContext(contextValue: unknown): string {
  return subscriptionAudienceOf((contextValue as AppContext).principal);
}
