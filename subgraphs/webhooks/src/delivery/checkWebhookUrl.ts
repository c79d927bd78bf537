import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses an endpoint may not be in production: a webhook is a request our servers make to a
 * URL a client chose, so it must not reach our own network (SSRF). Loopback, RFC 1918 private,
 * carrier-grade NAT, link-local (cloud metadata at 169.254.169.254), unspecified, multicast and
 * reserved ranges, and their IPv6 counterparts (ULA, link-local, IPv4-mapped).
 */
const NOT_PUBLIC_V4 = new BlockList();
// Separate lists: a BlockList matches an IPv4 address against IPv4-mapped IPv6 rules too, and
// `::ffff:0:0/96` would then catch every IPv4 address.
const NOT_PUBLIC_V6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  NOT_PUBLIC_V4.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC_V6.addSubnet(network, prefix, 'ipv6');

/** Whether `address` (an IP literal) is outside the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return NOT_PUBLIC_V4.check(mapped[1]!, 'ipv4');
  }
  return family === 4 ? NOT_PUBLIC_V4.check(address, 'ipv4') : NOT_PUBLIC_V6.check(address, 'ipv6');
}

/** Why a URL cannot be an endpoint, in words for the caller; undefined when it can. */
export async function checkWebhookUrl(raw: string, options: { allowPrivate: boolean }): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https URLs are sent events (got ${url.protocol})`;
  if (url.username !== '' || url.password !== '') return 'credentials in the URL are not kept; put a token in its path or query instead';
  if (raw.length > 2_048) return 'longer than 2048 characters';
  if (options.allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) !== 0 ? [host] : await resolve(host);
  if (addresses === undefined) return `the host ${host} does not resolve`;
  const blocked = addresses.find(isPrivateAddress);
  return blocked === undefined ? undefined : `the host ${host} is not a public address (${blocked})`;
}

async function resolve(host: string): Promise<string[] | undefined> {
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    return undefined;
  }
}
