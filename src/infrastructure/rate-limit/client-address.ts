import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/**
 * The client address of a request, through the proxies TRUST_PROXY trusts (the same rule for HTTP and WebSocket
 * upgrades), as a per-address limit key: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by its /64, since one
 * subscriber gets a whole /64 and could otherwise rotate through it.
 */
export function clientAddressKey(req: IncomingMessage, trust: (address: string, hop: number) => boolean): string {
  const address = proxyaddr(req, trust);
  if (!address) return 'unknown';
  try {
    const parsed = ipaddr.process(address);
    if (parsed.kind() === 'ipv4') return parsed.toString();
    const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
    return `${parts.join(':')}::/64`;
  } catch {
    return address;
  }
}
