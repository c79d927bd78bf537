import { UpstreamError } from '#packages/errors/index.js';
import {
  asArray,
  asDecimalString,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  PayloadError,
  type VendorRecord,
} from '#packages/validate/index.js';
import type { RateAnswer, RateRequest } from '../ports.js';
import { readAmount } from '../readAmount.js';
import { readTrackingLevel } from '../readTrackingLevel.js';

export const CARRIER_ID = 'lastmile-local';

/** Error codes LocalHop answers for a parcel it will not carry (not served, too heavy, too large). */
const REFUSAL_CODES = new Set([-32001, -32002, -32003]);

/** One JSON-RPC 2.0 call per request; the request's position is its `id`. */
export function toRpcCall(request: RateRequest, index: number): Record<string, unknown> {
  return {
    jsonrpc: '2.0',
    id: index,
    method: 'rate.quote',
    params: { country: request.to, weight_g: request.weightGrams, ...(request.dimensionsCm && { dims_cm: [...request.dimensionsCm] }) },
  };
}

/** Thrown when the vendor answers the batch with a single error object instead of an array. */
export class LocalHopError extends Error {
  override name = 'LocalHopError';
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a JSON-RPC batch answer into one answer per request. Answers come in any order and are
 * matched by `id`. A refusal code is a refusal; any other per-call error means we sent something
 * the vendor could not read, and fails only that request.
 */
export function readRpcAnswers(body: unknown, count: number, onUnknownTracking: (word: string) => void): Array<RateAnswer | Error> {
  if (!Array.isArray(body)) {
    const error = asRecord(asRecord(body, '$').error, '$.error');
    throw new LocalHopError(Number(error.code), asString(error.message, '$.error.message'));
  }
  const byId = new Map<number, VendorRecord>();
  asArray(body, '$').forEach((value, at) => {
    const answer = asRecord(value, `$[${at}]`);
    byId.set(asNonNegativeInteger(answer.id, `$[${at}].id`), answer);
  });
  return Array.from({ length: count }, (_, index): RateAnswer | Error => {
    const path = `$[id=${index}]`;
    const answer = byId.get(index);
    if (answer === undefined) throw new PayloadError(path, 'an answer', undefined);
    const error = optional(answer.error, `${path}.error`, asRecord);
    if (error !== undefined) {
      const code = Number(error.code);
      const message = asNonEmptyString(error.message, `${path}.error.message`);
      if (REFUSAL_CODES.has(code)) return { quotes: [], refusals: [{ mode: 'DOMESTIC', reason: message }] };
      return new UpstreamError({
        upstream: CARRIER_ID,
        failure: 'rejected',
        message: `${CARRIER_ID} refused a rate call`,
        detail: `${code} ${message}`,
      });
    }
    const result = asRecord(answer.result, `${path}.result`);
    const currency = asNonEmptyString(result.currency, `${path}.result.currency`);
    const price = asDecimalString(result.price, `${path}.result.price`);
    const days = asRecord(result.days, `${path}.result.days`);
    const service = asNonEmptyString(result.service, `${path}.result.service`);
    return {
      quotes: [
        {
          service,
          serviceName: asNonEmptyString(result.service_name, `${path}.result.service_name`),
          mode: 'DOMESTIC',
          cost: readAmount(price, currency, `${path}.result.price`),
          transitDays: {
            min: asNonNegativeInteger(days.from, `${path}.result.days.from`),
            max: asNonNegativeInteger(days.to, `${path}.result.days.to`),
          },
          trackingLevel: readTrackingLevel(asString(result.tracking, `${path}.result.tracking`), onUnknownTracking),
          incoterms: [], // no border on this leg
          breakdown:
            `LocalHop rate card ${asNonEmptyString(result.rate_card, `${path}.result.rate_card`)}, ${service} in ` +
            `${asNonEmptyString(result.country, `${path}.result.country`)}: billable ${asNonNegativeInteger(result.billable_kg, `${path}.result.billable_kg`)} kg ` +
            `(actual weight, per started kg), first kg ${currency} ${asDecimalString(result.first_kg, `${path}.result.first_kg`)} + ` +
            `further kg ${currency} ${asDecimalString(result.further_kg, `${path}.result.further_kg`)} = ${currency} ${price}`,
        },
      ],
      refusals: [],
    };
  });
}
