import type { ShippingMode } from '../adapters/ports.js';

/** One label of a shipment, as its id records it. */
export interface ShipmentLegRef {
  readonly carrierId: string;
  readonly trackingNumber: string;
  readonly mode: ShippingMode;
  readonly from: string;
  readonly to: string;
}

const MODES = new Set<string>(['POSTAL', 'EXPRESS', 'DEDICATED_LINE', 'OVERSEAS_WAREHOUSE', 'DOMESTIC']);

/**
 * A shipment's id is its legs: each leg's carrier, tracking number, mode and countries, as
 * base64url of `["Shipment", [[carrier, tracking, mode, from, to], …]]`. Opaque to clients, yet any
 * replica (or `orders`, much later) reads every label back from the id alone: logistics stores
 * nothing, and asks the carriers for the rest.
 */
export function toShipmentId(legs: readonly ShipmentLegRef[]): string {
  const parts = ['Shipment', legs.map((leg) => [leg.carrierId, leg.trackingNumber, leg.mode, leg.from, leg.to])];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** The legs inside an id, or undefined when the text is not one of our shipment ids. */
export function fromShipmentId(id: string): ShipmentLegRef[] | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== 2 || parts[0] !== 'Shipment' || !Array.isArray(parts[1])) return undefined;
    const legs = (parts[1] as unknown[]).map((leg): ShipmentLegRef | undefined => {
      if (!Array.isArray(leg) || leg.length !== 5 || !leg.every((part) => typeof part === 'string' && part !== '')) return undefined;
      const [carrierId, trackingNumber, mode, from, to] = leg as string[];
      return MODES.has(mode!)
        ? { carrierId: carrierId!, trackingNumber: trackingNumber!, mode: mode as ShippingMode, from: from!, to: to! }
        : undefined;
    });
    if (legs.length === 0 || legs.some((leg) => leg === undefined)) return undefined;
    return legs as ShipmentLegRef[];
  } catch {
    return undefined;
  }
}
