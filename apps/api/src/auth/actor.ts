import type { Actor } from '@redress/domain';
import { GraphQLError } from 'graphql';

/** Who acts when nobody says: Redress's own API, until sign-in exists. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ kind: 'system', id: 'api' });

// Printable text without control characters: the name is stored on every event it causes.
const ACTOR_NAME = /^[^\p{Cc}]{1,200}$/u;

/**
 * The actor a request speaks for. Until sign-in exists, a caller names itself in the `X-Actor`
 * header (HTTP) or `connectionParams.actor` (WebSocket); the name is recorded on every event.
 * Sign-in will replace this function, and nothing else needs to change.
 */
export function actorFrom(claimed: unknown): Actor {
  if (claimed === undefined || claimed === null) return SYSTEM_ACTOR;
  const name = Array.isArray(claimed) ? claimed[0] : claimed;
  if (typeof name !== 'string') {
    throw badActor('The actor must be text, e.g. "X-Actor: jane.smith".');
  }
  const trimmed = name.trim();
  if (trimmed === '') return SYSTEM_ACTOR;
  if (!ACTOR_NAME.test(trimmed)) {
    throw badActor(
      'The actor must be at most 200 printable characters, e.g. "X-Actor: jane.smith".',
    );
  }
  return Object.freeze({ kind: 'user', id: trimmed, name: trimmed });
}

function badActor(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', field: 'X-Actor', http: { status: 400 } },
  });
}
