import { BadUserInputError } from '../errors/app-errors.js';
import type { BoundedCount } from './connection.js';
import { decodeCursor, encodeCursor, type PageCursor } from './cursor.js';
import { MAX_OFFSET, MAX_PAGE_SIZE } from './list-args.js';
import type { PageWindow } from './keyset-page.js';

/** What a caller asks of a list: `first` items from `after` (a cursor) or `offset`. */
export interface PageRequest {
  readonly first: number;
  readonly after?: string | undefined;
  readonly offset?: number | undefined;
}

/** A page as services hand it out; the count is a function, run only if it is wanted. */
export interface Page<T> {
  readonly nodes: T[];
  /** One per node, in order: the cursor to continue after it. */
  readonly cursors: string[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
  count(): Promise<BoundedCount>;
}

/** BAD_USER_INPUT unless `first` and `offset` are within the bounds every list keeps. */
export function checkPageRequest(request: PageRequest): void {
  if (!Number.isInteger(request.first) || request.first < 0 || request.first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  const offset = request.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw new BadUserInputError(
      `offset must be between 0 and ${MAX_OFFSET}: read further on with after (a cursor from pageInfo.endCursor).`,
      'offset',
    );
  }
}

export interface PageSource<T> {
  /** Names the list and its order: a cursor of another list or order is refused. */
  readonly cursorList: readonly string[];
  /** What an id in a cursor of this list looks like (default a uuid). */
  readonly idPattern?: RegExp;
  /** The rows of the window, in order, each with its position. */
  read(window: PageWindow): Promise<Array<{ row: T; cursor: PageCursor }>>;
  count(): Promise<BoundedCount>;
}

/** Checks the request, reads one row more than asked (is there a next page?) and pages it. */
export async function pageOf<T>(request: PageRequest, source: PageSource<T>): Promise<Page<T>> {
  checkPageRequest(request);
  const offset = request.offset ?? 0;
  const after =
    request.after === undefined
      ? undefined
      : decodeCursor(request.after, source.cursorList, source.idPattern);
  const read = await source.read({ limit: request.first + 1, offset, ...(after ? { after } : {}) });
  const rows = read.slice(0, request.first);
  const cursors = rows.map(({ cursor }) => encodeCursor(source.cursorList, cursor));
  return {
    nodes: rows.map(({ row }) => row),
    cursors,
    hasNextPage: read.length > request.first,
    hasPreviousPage: after !== undefined || offset > 0,
    startCursor: cursors[0] ?? null,
    endCursor: cursors[cursors.length - 1] ?? null,
    count: () => source.count(),
  };
}
