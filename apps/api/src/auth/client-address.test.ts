import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.js';

function request(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  } as unknown as IncomingMessage;
}

describe('the address a request came from', () => {
  const behindProxies = clientAddress(['10.0.0.5', '10.0.0.6']);

  it.each([
    [
      'a direct caller is its own address, whatever it claims',
      '203.0.113.9',
      '198.51.100.1',
      '203.0.113.9',
    ],
    [
      'a caller through a trusted proxy is the address the proxy saw',
      '10.0.0.5',
      '198.51.100.7',
      '198.51.100.7',
    ],
    [
      'past a chain of trusted proxies, the nearest untrusted hop',
      '10.0.0.5',
      '198.51.100.1, 198.51.100.7, 10.0.0.6',
      '198.51.100.7',
    ],
    [
      'an IPv4 address mapped into IPv6 is the same address',
      '::ffff:10.0.0.5',
      '198.51.100.7',
      '198.51.100.7',
    ],
    ['a trusted proxy that forwards nothing is the proxy', '10.0.0.6', undefined, '10.0.0.6'],
  ])('%s', (_what, remote, forwarded, expected) => {
    expect(behindProxies(request(remote, forwarded))).toBe(expected);
  });

  it('reads no header when no proxy is trusted', () => {
    expect(clientAddress([])(request('10.0.0.5', '198.51.100.7'))).toBe('10.0.0.5');
  });
});
