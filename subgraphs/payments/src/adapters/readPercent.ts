import { PayloadError } from '#packages/validate/index.js';

/** "2.90" (percent, at most two decimals) → 290 basis points, exactly. */
export function readPercent(value: unknown, path: string): number {
  if (typeof value !== 'string' || !/^\d{1,3}(\.\d{1,2})?$/.test(value)) throw new PayloadError(path, 'a percentage such as "2.90"', value);
  const [whole = '0', fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
