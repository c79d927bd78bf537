import {
  asArray,
  asDecimalString,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  PayloadError,
  type VendorRecord,
} from '#packages/validate/index.js';
import type { RateAnswer, RateQuote, RateRequest } from '../ports.js';
import { readAmount } from '../readAmount.js';

export const CARRIER_ID = 'express-asia';

/** The vendor's flattened form: `n`, then `from_<i>`, `to_<i>`, `kg_<i>`, `dims_<i>`, `battery_<i>`. */
export function toQuoteForm(requests: readonly RateRequest[], credentials: { user: string; token: string }): string {
  const form = new URLSearchParams({ user: credentials.user, token: credentials.token, n: String(requests.length) });
  requests.forEach((request, i) => {
    form.set(`from_${i}`, request.from);
    form.set(`to_${i}`, request.to);
    form.set(`kg_${i}`, (request.weightGrams / 1_000).toFixed(3));
    if (request.dimensionsCm) form.set(`dims_${i}`, request.dimensionsCm.join('x'));
    form.set(`battery_${i}`, request.containsLithiumBattery ? '1' : '0');
  });
  return form.toString();
}

/** Thrown for `code` ≠ 0: the vendor refused the whole call (under HTTP 200). */
export class AsiaLinkError extends Error {
  override name = 'AsiaLinkError';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads `{ code, msg, rate_card, data: [...] }` into one answer per request, matched by `idx`. */
export function readQuoteBatch(body: unknown, count: number): RateAnswer[] {
  const root = asRecord(body, '$');
  const code = asNonNegativeInteger(root.code, '$.code');
  if (code !== 0) throw new AsiaLinkError(code, asString(root.msg, '$.msg'));
  const rateCard = asNonEmptyString(root.rate_card, '$.rate_card');
  const byIndex = new Map<number, VendorRecord>();
  asArray(root.data, '$.data').forEach((value, at) => {
    const entry = asRecord(value, `$.data[${at}]`);
    byIndex.set(asNonNegativeInteger(entry.idx, `$.data[${at}].idx`), entry);
  });
  return Array.from({ length: count }, (_, index): RateAnswer => {
    const path = `$.data[idx=${index}]`;
    const entry = byIndex.get(index) ?? missing(path);
    if (entry.ok === 0) return { quotes: [], refusals: [{ mode: 'EXPRESS', reason: asNonEmptyString(entry.err_msg, `${path}.err_msg`) }] };
    if (entry.ok !== 1) throw new PayloadError(`${path}.ok`, '0 or 1', entry.ok);
    return { quotes: [readQuote(entry, path, rateCard)], refusals: [] };
  });
}

function readQuote(entry: VendorRecord, path: string, rateCard: string): RateQuote {
  const currency = asNonEmptyString(entry.cur, `${path}.cur`);
  const fee = asDecimalString(entry.fee, `${path}.fee`);
  const eta = asString(entry.eta_days, `${path}.eta_days`);
  const days = /^(\d{1,3})-(\d{1,3})$/.exec(eta);
  if (!days) throw new PayloadError(`${path}.eta_days`, 'a range like "2-4"', eta);
  const service = asNonEmptyString(entry.svc, `${path}.svc`);
  return {
    service,
    serviceName: asNonEmptyString(entry.svc_name, `${path}.svc_name`),
    mode: 'EXPRESS',
    cost: readAmount(fee, currency, `${path}.fee`),
    transitDays: { min: Number(days[1]), max: Number(days[2]) },
    trackingLevel: 'FULL',
    incoterms: ['DAP'], // AsiaLink has no duties-paid service
    breakdown:
      `AsiaLink rate card ${rateCard}, ${service}: zone ${asNonEmptyString(entry.zone, `${path}.zone`)}, ` +
      `chargeable weight ${asDecimalString(entry.chg_kg, `${path}.chg_kg`)} kg (greater of actual and L×W×H/6000), ` +
      `freight ${currency} ${asDecimalString(entry.freight, `${path}.freight`)} + fuel (${asDecimalString(entry.fuel_pct, `${path}.fuel_pct`)} %) ` +
      `${currency} ${asDecimalString(entry.fuel, `${path}.fuel`)} = ${currency} ${fee}`,
  };
}

function missing(path: string): never {
  throw new PayloadError(path, 'an entry', undefined);
}
