import { fromMinor, isCurrencyCode } from '#packages/money/index.js';
import {
  asArray,
  asBoolean,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  PayloadError,
  type VendorRecord,
} from '#packages/validate/index.js';
import { readTrackingLevel } from '../readTrackingLevel.js';
import type { RateAnswer, RateQuote, RateRequest } from '../ports.js';

export const CARRIER_ID = 'line-asiaeu';

/** One parcel of the vendor's batch: snake_case, grams, `[l, w, h]` in centimetres. */
export function toParcel(request: RateRequest, index: number): Record<string, unknown> {
  return {
    ref: String(index),
    origin: request.from,
    destination: request.to,
    weight_g: request.weightGrams,
    ...(request.dimensionsCm && { size_cm: [...request.dimensionsCm] }),
    battery: request.containsLithiumBattery,
  };
}

/**
 * Reads `{ rate_card, data: [...] }` into one answer per request, matched by `ref`. A line haul
 * ends at a hub in the destination country; a hub elsewhere could not be joined to a domestic
 * last mile, so it is read as a refusal.
 */
export function readQuotes(body: unknown, requests: readonly RateRequest[], onUnknownTracking: (word: string) => void): RateAnswer[] {
  const root = asRecord(body, '$');
  const rateCard = asNonEmptyString(root.rate_card, '$.rate_card');
  const byRef = new Map<string, VendorRecord>();
  asArray(root.data, '$.data').forEach((value, at) => {
    const entry = asRecord(value, `$.data[${at}]`);
    byRef.set(asString(entry.ref, `$.data[${at}].ref`), entry);
  });
  return requests.map((request, index): RateAnswer => {
    const path = `$.data[ref=${index}]`;
    const entry = byRef.get(String(index));
    if (entry === undefined) throw new PayloadError(path, 'an entry', undefined);
    if (!asBoolean(entry.accepted, `${path}.accepted`)) {
      const reason = asRecord(entry.reason, `${path}.reason`);
      return { quotes: [], refusals: [{ mode: 'DEDICATED_LINE', reason: asNonEmptyString(reason.text, `${path}.reason.text`) }] };
    }
    const hub = asRecord(entry.hub, `${path}.hub`);
    const hubCountry = asNonEmptyString(hub.country, `${path}.hub.country`);
    if (hubCountry !== request.to) {
      return {
        quotes: [],
        refusals: [{ mode: 'DEDICATED_LINE', reason: `its hub for this parcel is in ${hubCountry}, not in ${request.to}` }],
      };
    }
    return {
      quotes: [readQuote(entry, path, rateCard, `${hubCountry}-${asNonEmptyString(hub.code, `${path}.hub.code`)}`, onUnknownTracking)],
      refusals: [],
    };
  });
}

function readQuote(entry: VendorRecord, path: string, rateCard: string, hub: string, onUnknownTracking: (word: string) => void): RateQuote {
  const price = asRecord(entry.price, `${path}.price`);
  const currency = asNonEmptyString(price.currency, `${path}.price.currency`);
  if (!isCurrencyCode(currency)) throw new PayloadError(`${path}.price.currency`, 'an ISO 4217 code', currency);
  const cost = fromMinor(asNonNegativeInteger(price.amount_minor, `${path}.price.amount_minor`), currency);
  const items = asRecord(price.items, `${path}.price.items`);
  const parts = Object.keys(items).map((name) => `${name} ${asNonNegativeInteger(items[name], `${path}.price.items.${name}`)}`);
  const days = asArray(entry.transit_days, `${path}.transit_days`);
  if (days.length !== 2) throw new PayloadError(`${path}.transit_days`, '[min, max]', days);
  const service = asNonEmptyString(entry.service, `${path}.service`);
  return {
    service,
    serviceName: asNonEmptyString(entry.service_name, `${path}.service_name`),
    mode: 'DEDICATED_LINE',
    cost,
    transitDays: {
      min: asNonNegativeInteger(days[0], `${path}.transit_days[0]`),
      max: asNonNegativeInteger(days[1], `${path}.transit_days[1]`),
    },
    trackingLevel: readTrackingLevel(asString(entry.tracking, `${path}.tracking`), onUnknownTracking),
    // The line clears customs in bulk at its hub, so it can take the import charges on itself.
    incoterms: asBoolean(entry.ddp, `${path}.ddp`) ? ['DDP', 'DAP'] : ['DAP'],
    breakdown:
      `SilkRoute Line rate card ${rateCard}, ${service} to hub ${hub}: billable ${asNonNegativeInteger(entry.billable_g, `${path}.billable_g`)} g ` +
      `(greater of actual and L×W×H/6000, per started 100 g), ${parts.join(' + ')} (${currency} minor units)`,
  };
}
