import { PayloadError } from '#packages/validate/index.js';
import type { ValuationBasis } from './ports.js';

/** A vendor's echo of the valuation basis we declared: `CIF` or `FOB`, anything else is a `PayloadError` at `path`. */
export function readValuationBasis(value: unknown, path: string): ValuationBasis {
  if (value !== 'CIF' && value !== 'FOB') throw new PayloadError(path, 'CIF or FOB', value);
  return value;
}
