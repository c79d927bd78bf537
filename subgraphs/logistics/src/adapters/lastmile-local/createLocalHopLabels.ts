import type { UpstreamClient } from '#packages/http/index.js';
import {
  asArray,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  parseJson,
  type VendorRecord,
} from '#packages/validate/index.js';
import { CarrierRefusal, carrierRefusal, type CarrierRefusalReason } from '../CarrierRefusal.js';
import type { CarrierLabels, LabelRequest, ParcelRecord, PostalAddress, TrackingStatus } from '../ports.js';
import { inBatches, readPayload } from '../vendorErrors.js';
import { CARRIER_ID } from './map.js';

/** The vendor's limit on calls per JSON-RPC batch. */
const CALLS_PER_BATCH = 200;

/** LocalHop's JSON-RPC error codes for refused writes, in our words. */
const REFUSALS: Readonly<Record<string, CarrierRefusalReason>> = {
  '-32001': 'REFUSED',
  '-32002': 'REFUSED',
  '-32003': 'REFUSED',
  '-32010': 'IDEMPOTENCY_KEY_REUSED',
  '-32020': 'NOT_CANCELLABLE',
  '-32004': 'NOT_FOUND',
  '-32602': 'INVALID_REQUEST',
};

/** LocalHop's parcel statuses as our tracking words; an unknown one is reported and read as EXCEPTION. */
export function localHopTrackingStatus(code: string, onUnknown: (code: string) => void): TrackingStatus {
  switch (code) {
    case 'REGISTERED':
      return 'LABEL_CREATED';
    case 'RECEIVED_AT_DEPOT':
      return 'PICKED_UP';
    case 'SORTED':
      return 'AT_HUB';
    case 'ON_VEHICLE':
      return 'OUT_FOR_DELIVERY';
    case 'DELIVERED':
      return 'DELIVERED';
    case 'DELIVERY_FAILED':
      return 'EXCEPTION';
    case 'VOIDED':
      return 'CANCELLED';
    default:
      onUnknown(code);
      return 'EXCEPTION';
  }
}

type RpcAnswer =
  { readonly ok: true; readonly result: VendorRecord } | { readonly ok: false; readonly code: number; readonly message: string };

/**
 * LocalHop's parcels, methods of its JSON-RPC 2.0 API like its rates: `shipment.create` (our
 * idempotency key is `params.client_token`; a parcel handed over by a line haul names it in
 * `handover`), `shipment.cancel` (keyed too), `shipment.track` (one call per parcel, 200 a batch).
 */
export function createLocalHopLabels(client: UpstreamClient, token: string, onUnknownEvent: (code: string) => void): CarrierLabels {
  /** One batch of calls; the answers come in any order and are matched by `id`. */
  async function call(
    operation: string,
    calls: ReadonlyArray<{ method: string; params: Record<string, unknown> }>,
    signal?: AbortSignal,
  ): Promise<RpcAnswer[]> {
    const response = await client.request({
      method: 'POST',
      path: '/rpc',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(calls.map((c, id) => ({ jsonrpc: '2.0', id, ...c }))),
      idempotent: true, // tracking reads, and writes keyed by client_token, which the vendor honours
      signal,
    });
    if (response.status !== 200)
      throw carrierRefusal({
        upstream: CARRIER_ID,
        operation,
        code: '',
        refusals: REFUSALS,
        status: response.status,
        detail: response.text.slice(0, 300),
      });
    return readPayload(CARRIER_ID, operation, () => {
      const byId = new Map<number, VendorRecord>();
      asArray(parseJson(response.text), '$').forEach((value, at) => {
        const answer = asRecord(value, `$[${at}]`);
        byId.set(asNonNegativeInteger(answer.id, `$[${at}].id`), answer);
      });
      return calls.map((_, id): RpcAnswer => {
        const answer = byId.get(id);
        if (answer === undefined) throw new Error(`$[id=${id}]: no answer`);
        const error = optional(answer.error, `$[id=${id}].error`, asRecord);
        if (error !== undefined)
          return { ok: false, code: Number(error.code), message: asString(error.message, `$[id=${id}].error.message`) };
        return { ok: true, result: asRecord(answer.result, `$[id=${id}].result`) };
      });
    });
  }
  const single = async (
    operation: string,
    method: string,
    params: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<VendorRecord> => {
    const [answer] = await call(operation, [{ method, params }], signal);
    if (answer!.ok) return answer!.result;
    throw carrierRefusal({ upstream: CARRIER_ID, operation, code: String(answer!.code), refusals: REFUSALS, detail: answer!.message });
  };

  return {
    async createLabel(request, signal) {
      const result = await single('shipment.create', 'shipment.create', toParams(request), signal);
      return readPayload(CARRIER_ID, 'shipment.create', () => ({
        trackingNumber: asNonEmptyString(result.parcel_id, '$.result.parcel_id'),
        service: asNonEmptyString(result.service, '$.result.service'),
        handoverAddress: undefined,
      }));
    },

    async cancelLabel(request, signal) {
      await single(
        'shipment.cancel',
        'shipment.cancel',
        { parcel_id: request.trackingNumber, client_token: request.idempotencyKey },
        signal,
      );
    },

    track: (trackingNumbers, signal) =>
      inBatches(trackingNumbers, CALLS_PER_BATCH, async (batch) => {
        const answers = await call(
          'shipment.track',
          batch.map((parcelId) => ({ method: 'shipment.track', params: { parcel_id: parcelId } })),
          signal,
        );
        return answers.map((answer, index): ParcelRecord | Error => {
          const parcelId = batch[index]!;
          if (!answer.ok) {
            const reason = REFUSALS[String(answer.code)] ?? 'INVALID_REQUEST';
            return new CarrierRefusal({
              upstream: CARRIER_ID,
              reason,
              message: `${CARRIER_ID} could not track ${parcelId}`,
              detail: answer.message,
            });
          }
          return readPayload(CARRIER_ID, 'shipment.track', () => readHistory(parcelId, answer.result, onUnknownEvent));
        });
      }),
  };
}

function toParams(request: LabelRequest): Record<string, unknown> {
  const party = (address: PostalAddress) => ({
    name: address.name,
    street: address.line1,
    city: address.city,
    zip: address.postalCode,
    country: address.country,
    ...(address.phone !== undefined && { phone: address.phone }),
  });
  return {
    client_token: request.idempotencyKey,
    service: request.service,
    sender: party(request.from),
    recipient: party(request.to),
    weight_g: request.weightGrams,
    ...(request.handover !== undefined && {
      handover: { carrier: request.handover.carrierId, tracking_number: request.handover.trackingNumber },
    }),
  };
}

/** A domestic parcel: no customs documents; times are unix seconds. */
function readHistory(parcelId: string, result: VendorRecord, onUnknownEvent: (code: string) => void): ParcelRecord {
  const events = asArray(result.history, '$.result.history').map((value, index) => {
    const entry = asRecord(value, `$.result.history[${index}]`);
    return {
      at: new Date(asNonNegativeInteger(entry.ts, `$.result.history[${index}].ts`) * 1000).toISOString(),
      status: localHopTrackingStatus(asString(entry.status, `$.result.history[${index}].status`), onUnknownEvent),
      description: asString(entry.note, `$.result.history[${index}].note`),
      location: optional(entry.where, `$.result.history[${index}].where`, asString),
    };
  });
  return { trackingNumber: parcelId, cancelled: events.some((event) => event.status === 'CANCELLED'), events, customsDocuments: [] };
}
