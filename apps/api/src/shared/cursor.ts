import { BadUserInputError } from '../errors/app-errors.js';

// Cursors are opaque to partners: base64url of a JSON array whose first items name the list
// (and its order) the cursor belongs to, and whose last two are the sort value and the id of
// the row to continue after.

/** Where a page starts: after the row with this sort value and id. */
export interface PageCursor {
  readonly sortValue: string;
  readonly id: string;
}

export function encodeCursor(list: readonly string[], cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([...list, cursor.sortValue, cursor.id])).toString('base64url');
}

const ID = /^[0-9a-f-]{36}$/i;

/**
 * The cursor's position, if it was made for `list`; BAD_USER_INPUT on `after` otherwise. Ids are
 * uuids unless the list's `idPattern` says otherwise (policies' ids are names, the log's numbers).
 */
export function decodeCursor(
  text: string,
  list: readonly string[],
  idPattern: RegExp = ID,
): PageCursor {
  const invalid = () =>
    new BadUserInputError(
      'after is not a cursor of this list and order; use endCursor from the previous page.',
      'after',
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== list.length + 2 ||
    list.some((part, index) => parsed[index] !== part)
  ) {
    throw invalid();
  }
  const [sortValue, id] = parsed.slice(list.length) as unknown[];
  if (typeof sortValue !== 'string' || typeof id !== 'string' || !idPattern.test(id))
    throw invalid();
  return { sortValue, id };
}
