/**
 * How the sandbox payment providers price a payment, from their fee schedule (data, per
 * provider): `round_half_up(amount × (percent + cross-border + FX spread)) + fixed`, in the
 * payment currency's minor units. Shared by every payment sandbox, each of which writes the
 * answer in its own API style.
 */
export interface FeeSchedule {
  /** The provider's name for this schedule, quoted back with every price. */
  readonly name: string;
  /** Percentage of the amount, in basis points (290 = 2.90 %). */
  readonly percentBp: number;
  /** Added when the buyer's country differs from the merchant's. */
  readonly crossBorderBp: number;
  /** Added when the buyer pays in another currency than the merchant settles in. */
  readonly fxSpreadBp: number;
  /** Per currency taken: fixed fee and per-payment limits, all in minor units of that currency. */
  readonly currencies: Readonly<Record<string, CurrencyTerms>>;
  /** Buyer countries served: a list, or every country but those refused. */
  readonly buyerCountries: { readonly only: readonly string[] } | { readonly except: readonly string[] };
}

export interface CurrencyTerms {
  readonly fixedMinor: number;
  readonly minMinor: number;
  readonly maxMinor: number;
}

export interface FeeRequest {
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly buyerCountry: string;
  readonly merchantCountry: string;
  readonly settlementCurrency: string;
}

export type FeeRefusal = 'CURRENCY' | 'COUNTRY' | 'BELOW_MINIMUM' | 'ABOVE_MAXIMUM';

export type FeePrice =
  | {
      readonly ok: true;
      readonly feeMinor: bigint;
      readonly percentBp: number;
      readonly crossBorderBp: number;
      readonly fxSpreadBp: number;
      readonly fixedMinor: number;
    }
  | { readonly ok: false; readonly refusal: FeeRefusal; readonly message: string };

/** Prices one payment, or says why the provider would refuse it. Integer arithmetic only. */
export function priceFee(schedule: FeeSchedule, request: FeeRequest): FeePrice {
  const terms = schedule.currencies[request.currency];
  if (terms === undefined) return refuse('CURRENCY', `${request.currency} is not accepted`);
  if (!servesCountry(schedule, request.buyerCountry)) return refuse('COUNTRY', `buyers in ${request.buyerCountry} are not served`);
  if (request.amountMinor < BigInt(terms.minMinor)) return refuse('BELOW_MINIMUM', `below the ${terms.minMinor} minimum`);
  if (request.amountMinor > BigInt(terms.maxMinor)) return refuse('ABOVE_MAXIMUM', `above the ${terms.maxMinor} maximum`);
  const crossBorderBp = request.buyerCountry === request.merchantCountry ? 0 : schedule.crossBorderBp;
  const fxSpreadBp = request.currency === request.settlementCurrency ? 0 : schedule.fxSpreadBp;
  const variable = roundHalfUp(request.amountMinor * BigInt(schedule.percentBp + crossBorderBp + fxSpreadBp), 10_000n);
  return {
    ok: true,
    feeMinor: variable + BigInt(terms.fixedMinor),
    percentBp: schedule.percentBp,
    crossBorderBp,
    fxSpreadBp,
    fixedMinor: terms.fixedMinor,
  };
}

/** Commercial rounding of a non-negative ratio: a half goes up, as acquirers' fee statements do. */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

function servesCountry(schedule: FeeSchedule, country: string): boolean {
  const countries = schedule.buyerCountries;
  return 'only' in countries ? countries.only.includes(country) : !countries.except.includes(country);
}

function refuse(refusal: FeeRefusal, message: string): FeePrice {
  return { ok: false, refusal, message };
}
