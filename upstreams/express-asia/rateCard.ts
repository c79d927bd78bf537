/**
 * AsiaLink Express's rate card: a regional integrator inside Asia-Pacific only. Two zones (within
 * a sub-region, across sub-regions), prices per started half kilogram of chargeable weight
 * (dimensional divisor 6000), a fuel surcharge, billed in USD. No duties-paid service.
 */
export const BILLING_CURRENCY = 'USD';
export const RATE_CARD = 'ALX-APAC-2025';
export const DIMENSIONAL_DIVISOR = 6_000;
/** Fuel surcharge in basis points of the weight charge (12 %). */
export const FUEL_SURCHARGE_BP = 1_200;
export const MAX_GRAMS = 30_000;
export const MAX_LONGEST_SIDE_CM = 100;

const SUB_REGIONS: Record<'EAST' | 'SOUTHEAST' | 'OCEANIA_SOUTH', readonly string[]> = {
  EAST: ['CN', 'HK', 'TW', 'JP', 'KR', 'MO'],
  SOUTHEAST: ['MY', 'SG', 'TH', 'VN', 'ID', 'PH'],
  OCEANIA_SOUTH: ['AU', 'NZ', 'IN'],
};
const SERVED = new Set(Object.values(SUB_REGIONS).flat());

export type Zone = 'Z1' | 'Z2';
/** Cents for the first half kilogram, then for each further started half kilogram. */
const PRICES: Record<Zone, readonly [number, number]> = { Z1: [1_500, 300], Z2: [2_200, 420] };
const TRANSIT_DAYS: Record<Zone, readonly [number, number]> = { Z1: [2, 3], Z2: [3, 5] };

export interface QuoteRequest {
  from: string;
  to: string;
  kg: number;
  sidesCm: readonly [number, number, number] | undefined;
  battery: boolean;
}

export type Quote =
  | {
      ok: true;
      zone: Zone;
      chargeableKg: number;
      weightCents: number;
      fuelCents: number;
      totalCents: number;
      days: readonly [number, number];
    }
  | { ok: false; code: string; message: string };

const subRegionOf = (country: string) => Object.entries(SUB_REGIONS).find(([, countries]) => countries.includes(country))?.[0];

/** Quotes one parcel on the regional network, or says why not. */
export function quoteParcel(request: QuoteRequest): Quote {
  if (!SERVED.has(request.from) || !SERVED.has(request.to)) {
    return { ok: false, code: 'LANE', message: `lane ${request.from}-${request.to} is outside the Asia-Pacific network` };
  }
  if (request.from === request.to) return { ok: false, code: 'LANE', message: 'cross-border lanes only' };
  if (request.kg * 1_000 > MAX_GRAMS) return { ok: false, code: 'WEIGHT', message: `max ${MAX_GRAMS / 1_000} kg per parcel` };
  if (request.sidesCm && Math.max(...request.sidesCm) > MAX_LONGEST_SIDE_CM) {
    return { ok: false, code: 'SIZE', message: `max ${MAX_LONGEST_SIDE_CM} cm per side` };
  }
  const zone: Zone = subRegionOf(request.from) === subRegionOf(request.to) ? 'Z1' : 'Z2';
  const sides = request.sidesCm;
  const dimensionalKg = sides ? (sides[0] * sides[1] * sides[2]) / DIMENSIONAL_DIVISOR : 0;
  const halfKilos = Math.max(1, Math.ceil(Math.max(request.kg, dimensionalKg) * 2 - 1e-9));
  const [first, further] = PRICES[zone];
  const weightCents = first + further * (halfKilos - 1);
  const fuelCents = Math.round((weightCents * FUEL_SURCHARGE_BP) / 10_000);
  return {
    ok: true,
    zone,
    chargeableKg: halfKilos / 2,
    weightCents,
    fuelCents,
    totalCents: weightCents + fuelCents,
    days: TRANSIT_DAYS[zone],
  };
}
