/**
 * SilkRoute Line's rate card: consolidated air freight from Asian origins to its hubs in Europe,
 * where a domestic carrier takes over. Billed per started 100 g of chargeable weight (dimensional
 * divisor 6000) plus a handling fee per parcel, in US cents.
 */
export const BILLING_CURRENCY = 'USD';
export const RATE_CARD = 'SRL-ASIAEU-2025Q3';
export const DIMENSIONAL_DIVISOR = 6_000;
export const MAX_GRAMS = 30_000;
export const MAX_LONGEST_SIDE_CM = 100;
const HANDLING_CENTS = 120;
/** Cents per started 100 g. */
const CENTS_PER_100_G = 68;
/** Lithium batteries in equipment fly on the line's battery-certified flights, at a fee. */
const BATTERY_CENTS = 80;

export const ORIGINS = ['CN', 'HK', 'JP', 'KR', 'MY', 'SG', 'TH', 'VN'] as const;
/** The hubs where parcels clear customs in bulk and are handed to the last mile, by country. */
export const HUBS: Readonly<Record<string, { code: string; days: readonly [number, number] }>> = {
  DE: { code: 'LEJ', days: [6, 9] },
  NL: { code: 'AMS', days: [6, 9] },
  FR: { code: 'CDG', days: [7, 10] },
  ES: { code: 'MAD', days: [7, 10] },
  IT: { code: 'MXP', days: [7, 10] },
  PL: { code: 'WAW', days: [7, 11] },
  GB: { code: 'LHR', days: [7, 10] },
};

export interface LineHaulRequest {
  ref: string;
  origin: string;
  destination: string;
  grams: number;
  sidesCm: readonly [number, number, number] | undefined;
  battery: boolean;
}

export type LineHaulQuote =
  | {
      accepted: true;
      hubCountry: string;
      hubCode: string;
      billableGrams: number;
      freightCents: number;
      handlingCents: number;
      batteryCents: number;
      totalCents: number;
      days: readonly [number, number];
    }
  | { accepted: false; code: 'ORIGIN_NOT_SERVED' | 'NO_HUB' | 'OVERWEIGHT' | 'OVERSIZE'; text: string };

/** Quotes the line haul from the origin to the destination country's hub, or says why not. */
export function quoteLineHaul(request: LineHaulRequest): LineHaulQuote {
  if (!(ORIGINS as readonly string[]).includes(request.origin)) {
    return { accepted: false, code: 'ORIGIN_NOT_SERVED', text: `no consolidation point in ${request.origin}` };
  }
  const hub = HUBS[request.destination];
  if (!hub) return { accepted: false, code: 'NO_HUB', text: `no hub in ${request.destination}` };
  if (request.grams > MAX_GRAMS) return { accepted: false, code: 'OVERWEIGHT', text: `parcels weigh at most ${MAX_GRAMS / 1_000} kg` };
  const sides = request.sidesCm;
  if (sides && Math.max(...sides) > MAX_LONGEST_SIDE_CM) {
    return { accepted: false, code: 'OVERSIZE', text: `parcels measure at most ${MAX_LONGEST_SIDE_CM} cm a side` };
  }
  const dimensionalGrams = sides ? ((sides[0] * sides[1] * sides[2]) / DIMENSIONAL_DIVISOR) * 1_000 : 0;
  const billableGrams = Math.ceil(Math.max(request.grams, dimensionalGrams) / 100) * 100;
  const freightCents = (billableGrams / 100) * CENTS_PER_100_G;
  const batteryCents = request.battery ? BATTERY_CENTS : 0;
  return {
    accepted: true,
    hubCountry: request.destination,
    hubCode: hub.code,
    billableGrams,
    freightCents,
    handlingCents: HANDLING_CENTS,
    batteryCents,
    totalCents: freightCents + HANDLING_CENTS + batteryCents,
    days: hub.days,
  };
}
