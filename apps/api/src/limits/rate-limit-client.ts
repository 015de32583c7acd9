// For the rate-limit tests: one GraphQL request over HTTP from a chosen loopback address (the
// per-address limits key by it; Linux answers on all of 127.0.0.0/8), with the answer's headers.
import { request } from 'node:http';

export interface RawAnswer {
  readonly status: number;
  readonly retryAfter: string | undefined;
  readonly body: {
    readonly data?: Record<string, unknown> | null;
    readonly errors?: ReadonlyArray<{
      readonly message: string;
      readonly extensions?: Readonly<Record<string, unknown>>;
    }>;
  };
}

export interface RawRequest {
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  /** The address the request comes from (default 127.0.0.1). */
  readonly from?: string;
  readonly authorization?: string | undefined;
}

export function postFrom(url: string, req: RawRequest): Promise<RawAnswer> {
  const payload = JSON.stringify({ query: req.query, variables: req.variables ?? {} });
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        localAddress: req.from ?? '127.0.0.1',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(req.authorization ? { authorization: req.authorization } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            const retryAfter = res.headers['retry-after'];
            resolve({
              status: res.statusCode ?? 0,
              retryAfter: Array.isArray(retryAfter) ? retryAfter.join(', ') : retryAfter,
              body: JSON.parse(text) as RawAnswer['body'],
            });
          } catch {
            reject(
              new Error(`HTTP ${res.statusCode ?? '?'} with a body that is not JSON: ${text}`),
            );
          }
        });
        res.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** The code of the answer's only error, or undefined when it has none. */
export function codeOf(answer: RawAnswer): unknown {
  return answer.body.errors?.[0]?.extensions?.code;
}
