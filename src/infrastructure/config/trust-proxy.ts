import proxyaddr from 'proxy-addr';

export type TrustProxy = boolean | number | string;

/** TRUST_PROXY as Express understands `trust proxy`: false, true, a hop count, or comma-separated names/CIDRs. */
export function parseTrustProxy(value: string): TrustProxy {
  const text = value.trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

/** The same decision as Express's compiled `trust proxy fn`, for requests Express never sees (WebSocket upgrades). */
export function trustProxyFn(value: TrustProxy): (address: string, hop: number) => boolean {
  if (value === true) return () => true;
  if (value === false) return () => false;
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return proxyaddr.compile(value.split(',').map((part) => part.trim()));
}
