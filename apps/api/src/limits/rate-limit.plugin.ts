import type { ApolloServerPlugin } from '@apollo/server';
import type { AppContext } from '../app-context.js';
import type { RequestRateLimits } from './rate-limits.js';

/**
 * Counts every HTTP request against its caller's limits once Apollo knows the operation (a hook
 * can refuse with a status only from there): a refusal answers HTTP 429 with Retry-After.
 */
export function rateLimitPlugin(limits: RequestRateLimits): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          await limits.check(
            contextValue.principal,
            contextValue.http?.meta.address ?? null,
            operation?.operation === 'mutation',
          );
        },
      };
    },
  };
}
