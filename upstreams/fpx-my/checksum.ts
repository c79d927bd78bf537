import { createHmac } from 'node:crypto';

/**
 * The FPX-style checksum: the values of every `fpx_` field except `fpx_checkSum`, ordered by
 * field name, joined with `|`, then hex HMAC-SHA256 with the exchange's key. (The real scheme
 * signs with RSA; the sandbox keeps the field ordering and the `|` join, with an HMAC.)
 */
export function fpxChecksum(fields: URLSearchParams, key: string): string {
  const names = [...new Set(fields.keys())].filter((name) => name.startsWith('fpx_') && name !== 'fpx_checkSum').sort();
  return createHmac('sha256', key)
    .update(names.map((name) => fields.get(name) ?? '').join('|'), 'utf8')
    .digest('hex');
}
