/**
 * Express Global's rate card: an integrator's zone chart (origin region × destination region),
 * prices per started half kilogram of chargeable weight, a fuel surcharge on top, billed in USD.
 */
export const BILLING_CURRENCY = 'USD';
export const RATE_CARD = 'EXG-2025-STD';
/** Dimensional weight in kg = length × width × height in cm / divisor. */
export const DIMENSIONAL_DIVISOR = 5_000;
/** Fuel surcharge in basis points of the weight charge (18.5 %). */
export const FUEL_SURCHARGE_BP = 1_850;
/** Lithium batteries packed in equipment (UN3481, section II) travel with a dangerous-goods fee. */
export const LITHIUM_FEE_CENTS = 600;
export const MAX_GRAMS = 70_000;
export const MAX_LONGEST_SIDE_CM = 120;
const EMBARGOED = new Set(['KP', 'IR', 'SY', 'CU']);

type Region = 'ASIA' | 'EUROPE' | 'NORTH_AMERICA' | 'SOUTH_AMERICA' | 'REST';
const REGIONS: Record<Exclude<Region, 'REST'>, readonly string[]> = {
  ASIA: ['CN', 'HK', 'TW', 'JP', 'KR', 'MY', 'SG', 'TH', 'VN', 'ID', 'PH', 'IN'],
  EUROPE: ['DE', 'FR', 'NL', 'ES', 'IT', 'GB', 'AT', 'BE', 'PL', 'SE', 'DK', 'IE', 'PT', 'CH', 'CZ', 'FI', 'NO'],
  NORTH_AMERICA: ['US', 'CA', 'MX'],
  SOUTH_AMERICA: ['BR', 'AR', 'CL', 'CO', 'PE'],
};

export type Zone = 'A' | 'B' | 'C' | 'D' | 'E';
export type ProductCode = 'EXPRESS_WORLDWIDE' | 'ECONOMY_SELECT';
/** Cents for the first half kilogram, then for each further started half kilogram. */
const PRICES: Record<ProductCode, Record<Zone, readonly [number, number]>> = {
  EXPRESS_WORLDWIDE: { A: [2_400, 450], B: [3_600, 700], C: [3_900, 780], D: [4_800, 950], E: [5_200, 1_050] },
  ECONOMY_SELECT: { A: [1_700, 320], B: [2_500, 490], C: [2_700, 550], D: [3_400, 670], E: [3_600, 740] },
};
const TRANSIT_DAYS: Record<ProductCode, Record<Zone, readonly [number, number]>> = {
  EXPRESS_WORLDWIDE: { A: [1, 2], B: [2, 4], C: [2, 4], D: [3, 5], E: [3, 6] },
  ECONOMY_SELECT: { A: [2, 4], B: [4, 7], C: [5, 8], D: [6, 10], E: [7, 12] },
};

export interface ShipmentRequest {
  reference: string;
  from: string;
  to: string;
  weightKg: number;
  sidesCm: readonly [number, number, number] | undefined;
  lithium: boolean;
}

/** Each product as Express Global markets it to shippers (its rate answers name it beside the code). */
export const PRODUCT_NAMES: Readonly<Record<ProductCode, string>> = {
  EXPRESS_WORLDWIDE: 'Express Global Worldwide',
  ECONOMY_SELECT: 'Express Global Economy Select',
};

export interface ProductRate {
  productCode: ProductCode;
  zone: Zone;
  chargeableKg: number;
  weightCents: number;
  fuelCents: number;
  lithiumCents: number;
  totalCents: number;
  days: readonly [number, number];
}

export type ShipmentRate = { products: ProductRate[] } | { rejected: { code: string; message: string } };

function regionOf(country: string): Region {
  for (const [region, countries] of Object.entries(REGIONS)) if (countries.includes(country)) return region as Region;
  return 'REST';
}

export function zoneOf(from: string, to: string): Zone {
  const [a, b] = [regionOf(from), regionOf(to)].sort();
  if (a === 'REST' || b === 'REST') return 'E';
  if (a === b) return 'A';
  if (a === 'SOUTH_AMERICA' || b === 'SOUTH_AMERICA') return 'D';
  if (a === 'ASIA' && b === 'EUROPE') return 'C';
  return 'B';
}

/** Rates one shipment in every product, or says why it is rejected. */
export function rateShipment(shipment: ShipmentRequest): ShipmentRate {
  const reject = (code: string, message: string): ShipmentRate => ({ rejected: { code, message } });
  if (shipment.from === shipment.to) return reject('DOMESTIC_NOT_OFFERED', 'international products only; book domestic parcels locally');
  if (EMBARGOED.has(shipment.from) || EMBARGOED.has(shipment.to)) return reject('EMBARGO', `no service to or from ${shipment.to}`);
  if (shipment.weightKg * 1_000 > MAX_GRAMS) return reject('WEIGHT_LIMIT', `pieces weigh at most ${MAX_GRAMS / 1_000} kg`);
  const sides = shipment.sidesCm;
  if (sides && Math.max(...sides) > MAX_LONGEST_SIDE_CM) return reject('SIZE_LIMIT', `pieces measure at most ${MAX_LONGEST_SIDE_CM} cm`);
  const dimensionalKg = sides ? (sides[0] * sides[1] * sides[2]) / DIMENSIONAL_DIVISOR : 0;
  // Billed per started half kilogram of the greater of actual and dimensional weight.
  const halfKilos = Math.max(1, Math.ceil(Math.max(shipment.weightKg, dimensionalKg) * 2 - 1e-9));
  const zone = zoneOf(shipment.from, shipment.to);
  const products = (Object.keys(PRICES) as ProductCode[]).map((productCode) => {
    const [first, further] = PRICES[productCode][zone];
    const weightCents = first + further * (halfKilos - 1);
    const fuelCents = Math.round((weightCents * FUEL_SURCHARGE_BP) / 10_000);
    const lithiumCents = shipment.lithium ? LITHIUM_FEE_CENTS : 0;
    return {
      productCode,
      zone,
      chargeableKg: halfKilos / 2,
      weightCents,
      fuelCents,
      lithiumCents,
      totalCents: weightCents + fuelCents + lithiumCents,
      days: TRANSIT_DAYS[productCode][zone],
    };
  });
  return { products };
}
