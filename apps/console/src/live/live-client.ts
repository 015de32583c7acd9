import { createClient, type Client } from 'graphql-ws';
import { getAccessToken, onAccessTokenChange } from '../shared/access-token';

/** The API's socket: the same origin's /graphql (Vite proxies it in development). */
export function socketUrl(location: Location = window.location): string {
  const configured = import.meta.env.VITE_GRAPHQL_WS_URL;
  if (configured) return configured;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/graphql`;
}

let client: Client | undefined;

/**
 * One graphql-ws client for the page, authenticated as the API expects: the access token in
 * `connectionParams.authorization`. When the token changes (renewed, or signed out) the socket
 * is closed so the next connection carries the new one; the subscriptions resume on it.
 */
export function liveClient(): Client {
  if (client) return client;
  const created = createClient({
    url: socketUrl(),
    lazy: true,
    connectionParams: () => {
      const token = getAccessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => getAccessToken() !== undefined,
    retryWait: async (retries) => {
      const wait = Math.min(30_000, 1_000 * 2 ** Math.min(retries, 5));
      await new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random() / 2)));
    },
  });
  client = created;
  onAccessTokenChange(() => {
    // The socket authenticated with the old token: drop it; the client reconnects with the new
    // one while subscriptions are open (and stays closed once signed out).
    created.terminate();
  });
  return created;
}
