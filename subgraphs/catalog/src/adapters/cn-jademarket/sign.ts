import { createHash } from 'node:crypto';

/**
 * Signs a Jade Market request: MD5 over secret + sorted name/value pairs + secret, upper-case hex.
 * The vendor checks the timestamp against its clock (±10 min), in China Standard Time.
 */
export function signParams(params: Record<string, string>, secret: string): string {
  const payload = Object.keys(params)
    .filter((name) => name !== 'sign')
    .sort()
    .map((name) => name + params[name])
    .join('');
  return createHash('md5')
    .update(secret + payload + secret, 'utf8')
    .digest('hex')
    .toUpperCase();
}

export function chinaTimestamp(now: Date = new Date()): string {
  const cst = new Date(now.getTime() + 8 * 3_600_000);
  return cst.toISOString().slice(0, 19).replace('T', ' ');
}
