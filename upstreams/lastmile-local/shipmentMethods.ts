import { type ParcelLedger, type SandboxRoute, textOf } from '#packages/sandbox/index.js';
import { createParcelLedger } from '#packages/sandbox/index.js';
import { rateDomestic } from './rateCard.js';
import { TEST_REFUSAL_MESSAGE, carrierRefusesInTestMode } from '#packages/sandbox/index.js';

/** LocalHop's parcel statuses, from registration to the doorstep. */
const STAGES = [
  { code: 'REGISTERED', description: 'Parcel registered', status: 'LABEL_CREATED', at: 'origin' },
  { code: 'RECEIVED_AT_DEPOT', description: 'Received at depot', status: 'PICKED_UP', at: 'destination' },
  { code: 'SORTED', description: 'Sorted for delivery route', status: 'AT_HUB', at: 'destination' },
  { code: 'ON_VEHICLE', description: 'On the delivery vehicle', status: 'OUT_FOR_DELIVERY', at: 'destination' },
  { code: 'DELIVERED', description: 'Delivered to recipient', status: 'DELIVERED', at: 'destination' },
] as const;

/**
 * A parcel handed over by a line haul is registered at booking but waits for the line: about as
 * many steps as SilkRoute's milestones before its own first scan, so in the dev stack the last
 * mile moves after the line haul has handed over, not before.
 */
const HANDOVER_WAIT_STAGES = 6;

type Params = Record<string, unknown>;
type RpcAnswer = { result: unknown } | { error: { code: number; message: string } };

export interface LocalHopParcel {
  readonly service: string;
  /** Who hands the parcel over: the seller, or the hub of the line haul before. */
  readonly sender: Params;
  readonly handover: Params | null;
}

export interface ShipmentMethods {
  /** Answers one `shipment.*` call, or undefined when `method` is not one of them. */
  answer(method: unknown, params: Params): RpcAnswer | undefined;
  readonly routes: SandboxRoute[];
}

/**
 * LocalHop's shipment methods, JSON-RPC 2.0 like its rates (and batched the same way):
 * `shipment.create` (idempotent on `params.client_token`; -32010 when the token comes back with
 * other params), `shipment.cancel` (before the depot receives the parcel: else -32020),
 * `shipment.track` (one call per parcel; -32004 for a parcel it does not know).
 */
export function createShipmentMethods(): ShipmentMethods {
  const ledger: ParcelLedger<LocalHopParcel> = createParcelLedger<LocalHopParcel>({
    stages: STAGES,
    exception: { code: 'DELIVERY_FAILED', description: 'Delivery attempt failed: recipient absent', status: 'EXCEPTION' },
    cancelled: { code: 'VOIDED', description: 'Parcel voided', status: 'CANCELLED' },
    trackingNumberOf: (sequence, from) => `LH-${from}-${String(sequence).padStart(7, '0')}`,
  });
  const error = (code: number, message: string): RpcAnswer => ({ error: { code, message } });

  const methods: Record<string, (params: Params) => RpcAnswer> = {
    'shipment.create'(params) {
      const token = params.client_token;
      if (typeof token !== 'string' || token === '') return error(-32602, 'params.client_token is required');
      const { client_token: _token, ...rest } = params;
      const result = ledger.once('shipment.create', token, JSON.stringify(rest), () => create(rest, ledger));
      return result.kind === 'conflict' ? error(-32010, 'client_token was used with other params') : result.value;
    },
    'shipment.cancel'(params) {
      const token = params.client_token;
      if (typeof token !== 'string' || token === '') return error(-32602, 'params.client_token is required');
      const parcelId = textOf(params.parcel_id);
      const result = ledger.once('shipment.cancel', token, parcelId, () => {
        const outcome = ledger.cancel(parcelId);
        if (outcome === 'NOT_FOUND') return error(-32004, `no parcel ${parcelId}`);
        if (outcome === 'PICKED_UP') return error(-32020, 'the depot has the parcel: it can no longer be voided');
        return { result: { parcel_id: parcelId, status: 'VOIDED' } };
      });
      return result.kind === 'conflict' ? error(-32010, 'client_token was used with other params') : result.value;
    },
    'shipment.track'(params) {
      const parcelId = textOf(params.parcel_id);
      const parcel = ledger.get(parcelId);
      if (!parcel) return error(-32004, `no parcel ${parcelId}`);
      const history = ledger.events(parcelId).map((event) => ({
        ts: Math.floor(event.at / 1000), // unix seconds
        status: event.code,
        note: event.description,
        where: event.country,
      }));
      return { result: { parcel_id: parcelId, status: history.at(-1)?.status, history, handover: parcel.data.handover } };
    },
  };

  return {
    answer: (method, params) => (typeof method === 'string' && Object.hasOwn(methods, method) ? methods[method]!(params) : undefined),
    routes: ledger.routes,
  };
}

function create(params: Params, ledger: ParcelLedger<LocalHopParcel>): RpcAnswer {
  const sender = record(params.sender);
  const recipient = record(params.recipient);
  const grams = params.weight_g;
  if (params.service !== 'HOME_DELIVERY') return { error: { code: -32602, message: `unknown service ${String(params.service)}` } };
  if (typeof grams !== 'number' || !Number.isInteger(grams) || grams <= 0)
    return { error: { code: -32602, message: 'weight_g must be whole grams' } };
  const country = textOf(recipient.country);
  if (sender.country !== country) return { error: { code: -32001, message: 'LocalHop delivers inside one country only' } };
  const rate = rateDomestic({ country, grams, sidesCm: undefined });
  if (!rate.ok) return { error: { code: rate.code, message: rate.message } };
  if (carrierRefusesInTestMode()) return { error: { code: -32001, message: TEST_REFUSAL_MESSAGE } };
  const handover = params.handover === undefined ? null : record(params.handover);
  const parcel = ledger.create({
    from: country,
    to: country,
    data: { service: 'HOME_DELIVERY', sender, handover },
    startDelayStages: handover ? HANDOVER_WAIT_STAGES : 0,
  });
  return { result: { parcel_id: parcel.trackingNumber, status: 'REGISTERED', service: 'HOME_DELIVERY' } };
}

const record = (value: unknown): Params => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Params) : {});
