import type { IncomingHttpHeaders } from 'node:http';
import { isAppError } from '../errors/app-errors.js';
import type { AuthService } from './auth.service.js';
import { refusedPrincipal, type Principal } from './principal.js';

/**
 * The one way either transport learns who is asking: the `Authorization` header of an HTTP
 * request, or `connectionParams.authorization` of a WebSocket connection. Credentials that do
 * not hold give a principal that may do nothing and says why; anything else is a fault.
 */
export async function authenticate(
  auth: AuthService,
  source: { readonly headers: IncomingHttpHeaders } | { readonly connectionParams: unknown },
): Promise<Principal> {
  const authorization =
    'headers' in source
      ? source.headers.authorization
      : authorizationParam(source.connectionParams);
  try {
    return await auth.authenticate(authorization);
  } catch (error) {
    if (isAppError(error) && error.kind === 'unauthenticated') {
      return refusedPrincipal(error.message);
    }
    throw error;
  }
}

function authorizationParam(params: unknown): string | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const value = (params as Record<string, unknown>).authorization;
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? undefined : String(value);
}
