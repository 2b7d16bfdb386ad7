import type { IncomingMessage } from 'node:http';
import { parseTrustProxy, trustProxyFn } from '../config/trust-proxy';
import { clientAddressKey } from './client-address';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    connection: { remoteAddress },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  }) as unknown as IncomingMessage;

describe('client address keys', () => {
  const direct = trustProxyFn(parseTrustProxy('false'));

  it('keys IPv4 as is and unwraps IPv4-mapped IPv6', () => {
    expect(clientAddressKey(request('203.0.113.7'), direct)).toBe('203.0.113.7');
    expect(clientAddressKey(request('::ffff:203.0.113.7'), direct)).toBe('203.0.113.7');
  });

  it('keys IPv6 by its /64, so one subscriber cannot rotate through its prefix', () => {
    expect(clientAddressKey(request('2001:db8:1:2:aaaa::1'), direct)).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey(request('2001:db8:1:2:bbbb::9'), direct)).toBe('2001:db8:1:2::/64');
  });

  it('believes X-Forwarded-For only from proxies TRUST_PROXY names', () => {
    const forwarded = request('10.0.0.5', '198.51.100.9');
    expect(clientAddressKey(forwarded, direct)).toBe('10.0.0.5');
    expect(clientAddressKey(forwarded, trustProxyFn(parseTrustProxy('10.0.0.0/8')))).toBe('198.51.100.9');
    expect(clientAddressKey(forwarded, trustProxyFn(parseTrustProxy('1')))).toBe('198.51.100.9');
    expect(clientAddressKey(forwarded, trustProxyFn(parseTrustProxy('loopback')))).toBe('10.0.0.5');
  });

  it('reads TRUST_PROXY the way Express reads trust proxy', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
    expect(() => trustProxyFn(parseTrustProxy('not-an-address'))).toThrow();
  });
});
