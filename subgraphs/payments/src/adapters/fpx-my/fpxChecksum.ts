import { createHmac } from 'node:crypto';

/**
 * The message checksum: values of every `fpx_` field but `fpx_checkSum`, ordered by field name,
 * joined with `|`, hex HMAC-SHA256 with the exchange key.
 */
export function fpxChecksum(fields: URLSearchParams, key: string): string {
  const names = [...new Set(fields.keys())].filter((name) => name.startsWith('fpx_') && name !== 'fpx_checkSum').sort();
  return createHmac('sha256', key)
    .update(names.map((name) => fields.get(name) ?? '').join('|'), 'utf8')
    .digest('hex');
}
