/**
 * LocalHop's domestic rate card: home delivery inside one country, priced per country (first
 * kilogram, then each further started kilogram of actual weight), billed in USD. Used for the
 * last leg of dedicated lines, for overseas-warehouse stock and for domestic sales.
 */
export const BILLING_CURRENCY = 'USD';
export const RATE_CARD = 'LOCALHOP-2025';
export const MAX_GRAMS = 31_500;
export const MAX_LONGEST_SIDE_CM = 120;

interface CountryRate {
  /** Cents for the first kilogram, then for each further started kilogram. */
  readonly cents: readonly [number, number];
  readonly days: readonly [number, number];
}

const COUNTRY_RATES: Readonly<Record<string, CountryRate>> = {
  DE: { cents: [390, 60], days: [1, 2] },
  NL: { cents: [420, 60], days: [1, 2] },
  FR: { cents: [450, 70], days: [1, 3] },
  ES: { cents: [430, 60], days: [1, 3] },
  IT: { cents: [470, 70], days: [2, 4] },
  PL: { cents: [300, 40], days: [1, 3] },
  GB: { cents: [410, 60], days: [1, 2] },
  US: { cents: [520, 90], days: [2, 5] },
  CA: { cents: [610, 100], days: [2, 6] },
  MX: { cents: [380, 50], days: [2, 5] },
  BR: { cents: [350, 60], days: [3, 7] },
  JP: { cents: [480, 60], days: [1, 2] },
  KR: { cents: [350, 40], days: [1, 2] },
  CN: { cents: [180, 30], days: [1, 3] },
  MY: { cents: [220, 30], days: [1, 3] },
  SG: { cents: [300, 40], days: [1, 1] },
  AU: { cents: [560, 90], days: [2, 6] },
};

export interface DomesticRequest {
  country: string;
  grams: number;
  sidesCm: readonly [number, number, number] | undefined;
}

export type DomesticRate =
  | { ok: true; billableKg: number; firstKgCents: number; furtherKgCents: number; totalCents: number; days: readonly [number, number] }
  | { ok: false; code: number; message: string };

/** JSON-RPC error codes the vendor uses for a parcel it will not carry. */
export const REFUSAL = { NOT_SERVED: -32001, TOO_HEAVY: -32002, TOO_LARGE: -32003 } as const;

/** Prices home delivery of one parcel inside `country`, or says why not. */
export function rateDomestic(request: DomesticRequest): DomesticRate {
  const rate = COUNTRY_RATES[request.country];
  if (!rate) return { ok: false, code: REFUSAL.NOT_SERVED, message: `no delivery network in ${request.country}` };
  if (request.grams > MAX_GRAMS) return { ok: false, code: REFUSAL.TOO_HEAVY, message: `parcels weigh at most ${MAX_GRAMS / 1_000} kg` };
  if (request.sidesCm && Math.max(...request.sidesCm) > MAX_LONGEST_SIDE_CM) {
    return { ok: false, code: REFUSAL.TOO_LARGE, message: `parcels measure at most ${MAX_LONGEST_SIDE_CM} cm a side` };
  }
  const billableKg = Math.max(1, Math.ceil(request.grams / 1_000));
  const furtherKgCents = rate.cents[1] * (billableKg - 1);
  return {
    ok: true,
    billableKg,
    firstKgCents: rate.cents[0],
    furtherKgCents,
    totalCents: rate.cents[0] + furtherKgCents,
    days: rate.days,
  };
}
