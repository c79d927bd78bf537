import {
  asArray,
  asBoolean,
  asDecimalString,
  asFiniteNumber,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  PayloadError,
} from '#packages/validate/index.js';
import type { RateAnswer, RateQuote, RateRequest } from '../ports.js';
import { readAmount } from '../readAmount.js';

export const CARRIER_ID = 'express-global';

/** One shipment of the vendor's batch: kilograms with a unit, centimetres, UN numbers for dangerous goods. */
export function toShipment(request: RateRequest, index: number): Record<string, unknown> {
  const [length, width, height] = request.dimensionsCm ?? [];
  return {
    reference: String(index),
    shipper: { countryCode: request.from },
    receiver: { countryCode: request.to },
    package: {
      weight: { value: request.weightGrams / 1_000, unit: 'KG' },
      ...(length !== undefined && { dimensions: { length, width, height, unit: 'CM' } }),
    },
    // UN3481: lithium batteries packed in equipment, the case for consumer goods.
    dangerousGoods: request.containsLithiumBattery ? ['UN3481'] : [],
  };
}

/** Reads `{ rateCard, results: [...] }` into one answer per request, matched by `reference`. */
export function readResults(body: unknown, count: number): RateAnswer[] {
  const root = asRecord(body, '$');
  const rateCard = asNonEmptyString(root.rateCard, '$.rateCard');
  const results = asArray(root.results, '$.results').map((value, index) => asRecord(value, `$.results[${index}]`));
  const byReference = new Map(results.map((result, index) => [asString(result.reference, `$.results[${index}].reference`), result]));
  return Array.from({ length: count }, (_, index): RateAnswer => {
    const path = `$.results[reference=${index}]`;
    const result = byReference.get(String(index));
    if (result === undefined) throw new PayloadError(path, 'a result', undefined);
    const status = asString(result.status, `${path}.status`);
    if (status === 'REJECTED') {
      const error = asRecord(result.error, `${path}.error`);
      return { quotes: [], refusals: [{ mode: 'EXPRESS', reason: asNonEmptyString(error.message, `${path}.error.message`) }] };
    }
    if (status !== 'OK') throw new PayloadError(`${path}.status`, 'OK or REJECTED', status);
    const products = asArray(result.products, `${path}.products`);
    return { quotes: products.map((product, at) => readProduct(product, `${path}.products[${at}]`, rateCard)), refusals: [] };
  });
}

function readProduct(value: unknown, path: string, rateCard: string): RateQuote {
  const product = asRecord(value, path);
  const code = asNonEmptyString(product.productCode, `${path}.productCode`);
  const total = asRecord(product.totalPrice, `${path}.totalPrice`);
  const currency = asNonEmptyString(total.currency, `${path}.totalPrice.currency`);
  const cost = readAmount(asDecimalString(total.amount, `${path}.totalPrice.amount`), currency, `${path}.totalPrice.amount`);
  const chargeable = asRecord(product.chargeableWeight, `${path}.chargeableWeight`);
  if (chargeable.unit !== 'KG') throw new PayloadError(`${path}.chargeableWeight.unit`, '"KG"', chargeable.unit);
  const charges = asArray(product.charges, `${path}.charges`).map((charge, at) => {
    const record = asRecord(charge, `${path}.charges[${at}]`);
    const percent = optional(record.percent, `${path}.charges[${at}].percent`, asFiniteNumber);
    const type = asNonEmptyString(record.type, `${path}.charges[${at}].type`);
    return `${type}${percent === undefined ? '' : ` (${percent} %)`} ${currency} ${asDecimalString(record.amount, `${path}.charges[${at}].amount`)}`;
  });
  const days = asRecord(product.deliveryDays, `${path}.deliveryDays`);
  const ddp = asBoolean(product.ddpAvailable, `${path}.ddpAvailable`);
  return {
    service: code,
    serviceName: asNonEmptyString(product.productName, `${path}.productName`),
    mode: 'EXPRESS',
    cost,
    transitDays: {
      min: asNonNegativeInteger(days.min, `${path}.deliveryDays.min`),
      max: asNonNegativeInteger(days.max, `${path}.deliveryDays.max`),
    },
    trackingLevel: 'FULL', // integrators scan every hand-over; the API has no field for it
    incoterms: ddp ? ['DDP', 'DAP'] : ['DAP'],
    breakdown:
      `Express Global rate card ${rateCard}, ${code}: zone ${asNonEmptyString(product.zone, `${path}.zone`)}, ` +
      `chargeable weight ${asFiniteNumber(chargeable.value, `${path}.chargeableWeight.value`)} kg ` +
      `(greater of actual and L×W×H/5000), ${charges.join(' + ')} = ${currency} ${total.amount as string}`,
  };
}
