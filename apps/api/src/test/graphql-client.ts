// Small clients for the integration tests: GraphQL over HTTP with fetch, and over WebSocket with
// graphql-ws's own client, so the tests speak to the API exactly as a partner's code would.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLErrorBody {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly locations?: readonly { line: number; column: number }[];
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface GraphQLResponse<TData> {
  /** The HTTP status the server answered with. */
  readonly status: number;
  readonly data?: TData | null;
  readonly errors?: readonly GraphQLErrorBody[];
}

export type Variables = Readonly<Record<string, unknown>>;

// The credentials a test server signs every request in with unless the test sends its own:
// tests that are not about who may do what stay as they were written, signed in as an admin.
const DEFAULT_HEADERS = new Map<string, Readonly<Record<string, string>>>();

export function setDefaultHeaders(url: string, headers: Readonly<Record<string, string>>): void {
  DEFAULT_HEADERS.set(url, headers);
}

export function clearDefaultHeaders(url: string): void {
  DEFAULT_HEADERS.delete(url);
}

/** The request's headers: the test's own, else the server's default credentials. */
export function withDefaults<V>(
  url: string,
  headers: Readonly<Record<string, V>>,
): Record<string, V | string> {
  const own = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
  return own ? { ...headers } : { ...(DEFAULT_HEADERS.get(url) ?? {}), ...headers };
}

/** A header value meaning "send no credentials", for tests of anonymous callers. */
export const ANONYMOUS_HEADERS: Readonly<Record<string, string>> = { authorization: '' };

/** POSTs one operation and returns the status and the parsed body, errors included. */
export async function gql<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Variables = {},
  headers: Readonly<Record<string, string>> = {},
): Promise<GraphQLResponse<TData>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...withDefaults(url, headers),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: TData | null; errors?: GraphQLErrorBody[] };
  try {
    body = JSON.parse(text) as { data?: TData | null; errors?: GraphQLErrorBody[] };
  } catch {
    throw new Error(
      `The API answered HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 500)}`,
    );
  }
  return { status: response.status, ...body };
}

/** Like `gql`, but fails loudly unless the operation succeeded, and returns the data. */
export async function gqlData<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Variables = {},
  headers: Readonly<Record<string, string>> = {},
): Promise<TData> {
  const result = await gql<TData>(url, query, variables, headers);
  if (result.errors?.length || result.data == null) {
    throw new Error(
      `Expected data, got HTTP ${result.status}: ${JSON.stringify(result.errors ?? result, null, 2)}`,
    );
  }
  return result.data;
}

/** Like `gql`, but expects exactly one error and returns it. */
export async function gqlError(
  url: string,
  query: string,
  variables: Variables = {},
  headers: Readonly<Record<string, string>> = {},
): Promise<GraphQLErrorBody & { readonly status: number }> {
  const result = await gql(url, query, variables, headers);
  const [first, ...rest] = result.errors ?? [];
  if (!first || rest.length > 0) {
    throw new Error(`Expected exactly one error, got: ${JSON.stringify(result, null, 2)}`);
  }
  return { ...first, status: result.status };
}

export interface Subscription<TData> {
  /** Every `data` payload received so far, in arrival order. */
  readonly messages: TData[];
  /** Errors the server sent for this operation (an operation error ends it). */
  readonly errors: unknown[];
  /** Resolves once `predicate` holds on the messages; rejects after `timeoutMs`. */
  waitFor(
    predicate: (messages: readonly TData[]) => boolean,
    timeoutMs?: number,
  ): Promise<readonly TData[]>;
  /** Resolves once at least `count` messages have arrived. */
  waitForCount(count: number, timeoutMs?: number): Promise<readonly TData[]>;
  /** Forgets the messages received so far. */
  clear(): void;
  /** Stops the operation (the connection stays open for others). */
  unsubscribe(): void;
}

export interface SubscriptionClient {
  readonly client: Client;
  subscribe<TData>(query: string, variables?: Variables): Subscription<TData>;
  /** Closes the WebSocket and every operation on it. */
  close(): Promise<void>;
}

/**
 * Opens a graphql-ws connection and waits for the server's acknowledgement, so a failure to
 * connect shows here rather than as a missing message later.
 */
export async function connectSubscriptions(
  wsUrl: string,
  connectionParams: Readonly<Record<string, unknown>> = {},
): Promise<SubscriptionClient> {
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: withDefaults(wsUrl, connectionParams),
    lazy: false,
    // A test sees a dropped connection as a failure rather than silently reconnecting.
    retryAttempts: 0,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`No connection_ack from ${wsUrl} within 10 s`)),
      10_000,
    );
    const offConnected = client.on('connected', () => {
      clearTimeout(timer);
      offConnected();
      offClosed();
      resolve();
    });
    const offClosed = client.on('closed', (event) => {
      clearTimeout(timer);
      offConnected();
      offClosed();
      reject(
        new Error(
          `The WebSocket to ${wsUrl} closed before it was acknowledged: ${describeClose(event)}`,
        ),
      );
    });
  });

  const listeners = new Set<() => void>();

  return {
    client,
    subscribe<TData>(query: string, variables: Variables = {}): Subscription<TData> {
      const messages: TData[] = [];
      const errors: unknown[] = [];
      const notify = (): void => {
        for (const listener of [...listeners]) listener();
      };
      const dispose = client.subscribe<TData>(
        { query, variables: { ...variables } },
        {
          next: (result) => {
            if (result.errors?.length) errors.push(...result.errors);
            if (result.data != null) messages.push(result.data);
            notify();
          },
          error: (error) => {
            errors.push(error);
            notify();
          },
          complete: () => notify(),
        },
      );

      const waitFor = (
        predicate: (received: readonly TData[]) => boolean,
        timeoutMs = 5_000,
      ): Promise<readonly TData[]> =>
        new Promise((resolve, reject) => {
          const check = (): boolean => {
            if (errors.length > 0) {
              cleanup();
              reject(new Error(`The subscription failed: ${JSON.stringify(errors)}`));
              return true;
            }
            if (predicate(messages)) {
              cleanup();
              resolve([...messages]);
              return true;
            }
            return false;
          };
          const timer = setTimeout(() => {
            cleanup();
            reject(
              new Error(
                `Timed out after ${timeoutMs} ms; received ${messages.length} message(s): ${JSON.stringify(messages)}`,
              ),
            );
          }, timeoutMs);
          const listener = (): void => {
            check();
          };
          const cleanup = (): void => {
            clearTimeout(timer);
            listeners.delete(listener);
          };
          listeners.add(listener);
          check();
        });

      return {
        messages,
        errors,
        waitFor,
        waitForCount: (count, timeoutMs) =>
          waitFor((received) => received.length >= count, timeoutMs),
        clear: () => {
          messages.length = 0;
        },
        unsubscribe: dispose,
      };
    },
    async close() {
      await client.dispose();
    },
  };
}

/**
 * A subscription is live only once the server has registered it, and graphql-ws does not say
 * when that is. So: make a harmless committed write that the subscription would receive, and
 * repeat until one arrives. The messages it caused are then forgotten.
 */
export async function primeSubscription<TData>(
  subscription: Subscription<TData>,
  probe: () => Promise<void>,
  attempts = 40,
): Promise<void> {
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    await probe();
    try {
      await subscription.waitForCount(1, 250);
      // Let any further messages of the same probe arrive before forgetting them.
      await new Promise((resolve) => setTimeout(resolve, 100));
      subscription.clear();
      return;
    } catch {
      // Not registered yet: probe again.
    }
  }
  throw new Error(`The subscription received nothing after ${attempts} probes`);
}

function describeClose(event: unknown): string {
  if (event && typeof event === 'object' && 'code' in event) {
    const { code, reason } = event as { code: unknown; reason?: unknown };
    return `code ${String(code)} ${String(reason ?? '')}`;
  }
  return String(event);
}
