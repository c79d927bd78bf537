import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import type { Logger } from '#packages/log/index.js';
import type { CarrierAdapter, LabelGoods, PostalAddress, RateAnswer, RateQuote } from '../adapters/ports.js';
import type { ShipmentLegRef } from './shipmentId.js';
import { toCarrierError } from './toCarrierError.js';

export interface ReturnBooking {
  /** The shipment the goods came on (its first leg is the label a return refers to). */
  readonly original: readonly ShipmentLegRef[];
  /** The buyer. */
  readonly shipFrom: PostalAddress;
  /** The seller's dispatch address. */
  readonly shipTo: PostalAddress;
  readonly goods: LabelGoods;
  readonly weightGrams: number;
  readonly reason: string;
  readonly idempotencyKey: string;
}

/**
 * Books a return: one door-to-door label on the reverse lane (the buyer's country to the seller's),
 * with a carrier that has a returns product and quotes that lane for the parcel now. The carrier
 * that brought the goods is asked first (buyers know it, and it knows the parcel); otherwise the
 * cheapest that answers. A carrier whose rate call fails is passed over, not fatal.
 */
export async function bookReturnLabel(
  booking: ReturnBooking,
  carriers: readonly CarrierAdapter[],
  logger: Logger,
): Promise<ShipmentLegRef> {
  const original = booking.original[0]!;
  const candidates = carriers
    .filter((adapter) => adapter.role === 'door-to-door' && adapter.createReturnLabel !== undefined)
    .sort((a, b) => Number(b.carrier.id === original.carrierId) - Number(a.carrier.id === original.carrierId));
  const request = {
    from: booking.shipFrom.country,
    to: booking.shipTo.country,
    weightGrams: booking.weightGrams,
    dimensionsCm: undefined,
    containsLithiumBattery: false,
  };
  const offers: Array<{ adapter: CarrierAdapter; quote: RateQuote }> = [];
  for (const adapter of candidates) {
    const [answer] = await adapter.quote([request]).catch((error: unknown) => [error as Error]);
    if (answer instanceof Error || answer === undefined) {
      logger.warn('carrier not asked for a return: its rates failed', { carrier: adapter.carrier.id, error: answer });
      continue;
    }
    const cheapest = cheapestOf(answer);
    if (cheapest) offers.push({ adapter, quote: cheapest });
  }
  const chosen = offers.find((offer) => offer.adapter.carrier.id === original.carrierId) ?? offers.sort(byCost)[0];
  if (chosen === undefined) {
    throw new GraphQLError(`no carrier with a returns product carries ${request.weightGrams} g from ${request.from} to ${request.to} now`, {
      extensions: { code: ErrorCode.CARRIER_UNAVAILABLE, reason: 'NO_RETURN_CARRIER', retryable: false },
    });
  }
  try {
    const label = await chosen.adapter.createReturnLabel!({
      service: chosen.quote.service,
      from: booking.shipFrom,
      to: booking.shipTo,
      weightGrams: booking.weightGrams,
      goods: booking.goods,
      returnOf: { carrierId: original.carrierId, trackingNumber: original.trackingNumber },
      reason: booking.reason,
      idempotencyKey: `${booking.idempotencyKey}:1`,
    });
    return {
      carrierId: chosen.adapter.carrier.id,
      trackingNumber: label.trackingNumber,
      mode: chosen.quote.mode,
      from: booking.shipFrom.country,
      to: booking.shipTo.country,
    };
  } catch (error) {
    throw toCarrierError(error, { leg: 1 });
  }
}

function cheapestOf(answer: RateAnswer): RateQuote | undefined {
  return [...answer.quotes].sort((a, b) => (a.cost.minor < b.cost.minor ? -1 : a.cost.minor > b.cost.minor ? 1 : 0))[0];
}

// Costs of different carriers may be in different currencies: compare only within one, else keep the registry order.
const byCost = (a: { quote: RateQuote }, b: { quote: RateQuote }) =>
  a.quote.cost.currency !== b.quote.cost.currency
    ? 0
    : a.quote.cost.minor < b.quote.cost.minor
      ? -1
      : a.quote.cost.minor > b.quote.cost.minor
        ? 1
        : 0;
