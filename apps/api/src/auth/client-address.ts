import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from, as sign-in limits and the security log need it. Behind a
 * load balancer or reverse proxy every connection comes from the proxy: when the connecting
 * address is one of the configured trusted proxies (REDRESS_TRUSTED_PROXIES), the client is the
 * nearest address in `X-Forwarded-For` that is not itself a trusted proxy. Nothing else reads
 * that header, which any client can write.
 */
export function clientAddress(
  trustedProxies: readonly string[],
): (req: IncomingMessage) => string | null {
  const trusted = new Set(trustedProxies.map(normalise));
  return (req) => {
    const connected = req.socket.remoteAddress ? normalise(req.socket.remoteAddress) : null;
    if (connected === null || !trusted.has(connected)) return connected;
    const forwarded = req.headers['x-forwarded-for'];
    const hops = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
      .split(',')
      .map((hop) => normalise(hop.trim()))
      .filter((hop) => hop !== '');
    // The right-most hop was added by the nearest proxy; walk left past the trusted ones.
    for (let i = hops.length - 1; i >= 0; i -= 1) {
      const hop = hops[i];
      if (hop !== undefined && !trusted.has(hop)) return hop;
    }
    return connected;
  };
}

/** IPv4 addresses as IPv4, whether or not Node reports them mapped into IPv6. */
function normalise(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
