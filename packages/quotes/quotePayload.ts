import { fromMinor, isCurrencyCode, MoneyError, type CurrencyCode, type Money } from '../money/index.js';
import type { CollectedAt, Payer, Quote, QuoteCharge, QuoteDeclaration, QuotePromise } from './Quote.js';
import { QuoteError } from './QuoteError.js';
import { quoteAmounts, type QuoteSums } from './quoteAmounts.js';

/** Money in the quote's currency: integer minor units. In another currency: `[minor units, currency]`. */
type Amount = number | [minor: number, currency: string];
/**
 * A charge: its code (kind, collection point, payer, remitter: one letter each, `-` for no
 * remitter, e.g. `TCBM` = a TAX collected at CHECKOUT, paid by the BUYER, remitted by the
 * MARKETPLACE), the amount as received, converted, and the payment-law rule that levies it, if any.
 */
type ChargeTuple = [code: string, original: Amount, converted: number, rule?: string];
type FeeTuple = [
  provider: string,
  schedule: string,
  percentBp: number,
  crossBorderBp: number,
  fxSpreadBp: number,
  fixed: number,
  fee: number,
  paidBy: string,
  methods: string[],
];

const KINDS = { D: 'DUTY', T: 'TAX', F: 'FEE' } as const satisfies Record<string, QuoteCharge['kind']>;
const COLLECTION_POINTS = { C: 'CHECKOUT', B: 'BORDER', D: 'DELIVERY' } as const satisfies Record<string, CollectedAt>;
const PAYERS = { B: 'BUYER', S: 'SELLER' } as const satisfies Record<string, Payer>;
const REMITTERS = { S: 'SELLER', M: 'MARKETPLACE', P: 'PLATFORM', C: 'CARRIER', B: 'BUYER' } as const;

/**
 * What a token signs (version 3): the parts of a quote only, with short keys, amounts as integer
 * minor units, and no wording (labels, the rates' address) that the reader can derive or does not
 * need. Every sum is rebuilt from the parts (`quoteAmounts`). Keys are written in one fixed order and
 * every number is a safe integer, so one quote has exactly one text.
 */
export interface QuotePayload {
  /** Version. */
  v: 3;
  /** Shipping option id: logistics' JSON list when the id is its base64url (it is then not encoded twice), else the id. */
  o: string | unknown[];
  /** Origin and destination countries; the destination's region, when one was quoted. */
  f: string;
  t: string;
  r?: string;
  /** The quote's currency. */
  c: string;
  /** The method the quote was made for, when one was asked. */
  m?: string;
  /** Goods and shipping as received, and converted. */
  g: Amount;
  gc: number;
  s: Amount;
  sc: number;
  /** Charges. */
  x: ChargeTuple[];
  /** Payment fee terms. */
  p: FeeTuple;
  /** Reference rates used: day, publisher, units per EUR of each currency converted (EUR is 1). */
  fx: [date: string, source: string, perEuro: Record<string, string>];
  /** Transit days and whether de minimis applied. */
  d?: [min: number, max: number, deMinimisApplied: boolean];
  /** The declaration's customs value, valuation basis and whether it must carry the EU product identifiers. */
  dc?: [customsValue: Amount, basis: QuoteDeclaration['valuationBasis'], productIdentifiersRequired: boolean];
  /** Issued, ms since the epoch; expires, ms after it. */
  i: number;
  e: number;
}

/** The payload a token signs. @throws RangeError for an amount beyond 2^53 minor units (not a quote anyone pays). */
export function toPayload(quote: Quote): QuotePayload {
  const { currency } = quote;
  const own = (money: Money): number => {
    if (money.currency !== currency) throw new RangeError(`${money.currency} amount where ${currency} was expected`);
    return safe(money.minor);
  };
  const amount = (money: Money): Amount => (money.currency === currency ? safe(money.minor) : [safe(money.minor), money.currency]);
  const fee = quote.paymentFee;
  const issued = instant(quote.issuedAt);
  return {
    v: 3,
    o: compactOptionId(quote.shippingOptionId),
    f: quote.originCountry,
    t: quote.destinationCountry,
    ...(quote.destinationRegion !== null && { r: quote.destinationRegion }),
    c: currency,
    ...(quote.paymentMethod !== null && { m: quote.paymentMethod }),
    g: amount(quote.original.item),
    gc: own(quote.converted.item),
    s: amount(quote.original.shipping),
    sc: own(quote.converted.shipping),
    x: quote.charges.map((charge): ChargeTuple => {
      const tuple: ChargeTuple = [chargeCode(charge), amount(charge.original), own(charge.converted)];
      if (charge.rule !== undefined) tuple.push(charge.rule);
      return tuple;
    }),
    p: [
      fee.provider,
      fee.schedule,
      fee.percentBp,
      fee.crossBorderBp,
      fee.fxSpreadBp,
      own(fee.fixed),
      own(fee.fee),
      codeOf(PAYERS, fee.paidBy),
      [...fee.methods],
    ],
    fx: [quote.rates.date, quote.rates.source, sortedRates(quote.rates.perEuro)],
    ...(quote.promise && { d: [quote.promise.transitDays.min, quote.promise.transitDays.max, quote.promise.deMinimisApplied] }),
    ...(quote.declaration && {
      dc: [amount(quote.declaration.customsValue), quote.declaration.valuationBasis, quote.declaration.productIdentifiersRequired],
    }),
    i: issued,
    e: instant(quote.expiresAt) - issued,
  };
}

function chargeCode(charge: QuoteCharge): string {
  const remitter = charge.remitter === null ? '-' : codeOf(REMITTERS, charge.remitter);
  return codeOf(KINDS, charge.kind) + codeOf(COLLECTION_POINTS, charge.collectedAt) + codeOf(PAYERS, charge.paidBy) + remitter;
}

function codeOf(codes: Readonly<Record<string, string>>, word: string): string {
  for (const code in codes) if (codes[code] === word) return code;
  throw new RangeError(`${word} has no code in a quote token`);
}

/**
 * Logistics' ids are base64url of a JSON list; written as the list itself, the token does not
 * base64-encode them twice. Only when encoding the list again gives back the very same id, so the
 * reader restores it byte for byte; any other id is kept as it is.
 */
function compactOptionId(id: string): string | unknown[] {
  try {
    const list: unknown = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
    if (Array.isArray(list) && optionIdOf(list) === id) return list as unknown[];
  } catch {
    // not JSON: an opaque id
  }
  return id;
}

const optionIdOf = (list: readonly unknown[]): string => Buffer.from(JSON.stringify(list), 'utf8').toString('base64url');

function sortedRates(perEuro: Quote['rates']['perEuro']): Record<string, string> {
  const sorted: Record<string, string> = {};
  for (const code of Object.keys(perEuro).sort()) sorted[code] = perEuro[code as CurrencyCode]!;
  return sorted;
}

function instant(iso: string): number {
  const ms = Date.parse(iso);
  if (!Number.isSafeInteger(ms)) throw new RangeError(`${iso} is not an instant`);
  return ms;
}

/**
 * Reads a signed payload back into the quote. The signature already vouches for it; the checks are
 * for a payload signed by another version of this code, and fail as `QUOTE_INVALID`, never a crash.
 */
export function fromPayload(value: unknown): Quote {
  const root = object(value, '$');
  if (root.v !== 3) throw invalid('$.v', 'version 3');
  const currency = currencyOf(root.c, '$.c');
  const own = (minor: unknown, path: string): Money => fromMinor(integer(minor, path), currency);
  const fee = tuple(root.p, '$.p', 9);
  const feePaidBy = decode(PAYERS, fee[7], '$.p[7]');
  const amount = (value: unknown, path: string): Money => (typeof value === 'number' ? own(value, path) : foreignOf(value, path));
  const charges = list(root.x, '$.x').map((entry, i) => chargeOf(entry, `$.x[${i}]`, own, amount));
  const item = own(root.gc, '$.gc');
  const shipping = own(root.sc, '$.sc');
  const feeAmount = own(fee[6], '$.p[6]');
  let sums: QuoteSums;
  try {
    sums = quoteAmounts({ currency, item, shipping, charges, fee: feeAmount, feePaidBy });
  } catch (error) {
    if (error instanceof MoneyError) throw invalid('$.x', 'charges that add up');
    throw error;
  }
  const rates = tuple(root.fx, '$.fx', 3);
  const issued = integer(root.i, '$.i');
  const expires = issued + integer(root.e, '$.e');
  return {
    version: 3,
    shippingOptionId: Array.isArray(root.o) ? optionIdOf(root.o) : text(root.o, '$.o'),
    originCountry: text(root.f, '$.f'),
    destinationCountry: text(root.t, '$.t'),
    destinationRegion: root.r === undefined ? null : text(root.r, '$.r'),
    currency,
    original: { item: amount(root.g, '$.g'), shipping: amount(root.s, '$.s'), ...sums.original },
    converted: { item, shipping, ...sums.converted },
    charges,
    paymentFee: {
      provider: text(fee[0], '$.p[0]'),
      schedule: text(fee[1], '$.p[1]'),
      percentBp: basisPoints(fee[2], '$.p[2]'),
      crossBorderBp: basisPoints(fee[3], '$.p[3]'),
      fxSpreadBp: basisPoints(fee[4], '$.p[4]'),
      fixed: own(fee[5], '$.p[5]'),
      base: sums.base,
      fee: feeAmount,
      paidBy: feePaidBy,
      methods: list(fee[8], '$.p[8]').map((method, i) => text(method, `$.p[8][${i}]`)),
    },
    paymentMethod: root.m === undefined ? null : text(root.m, '$.m'),
    fees: sums.fees,
    total: sums.total,
    payableAtCheckout: sums.payableAtCheckout,
    payableOnDelivery: sums.payableOnDelivery,
    rates: { date: text(rates[0], '$.fx[0]'), source: text(rates[1], '$.fx[1]'), perEuro: perEuroOf(rates[2]) },
    ...(root.d !== undefined && { promise: promiseOf(root.d) }),
    ...(root.dc !== undefined && { declaration: declarationOf(root.dc, amount) }),
    issuedAt: new Date(issued).toISOString(),
    expiresAt: new Date(expires).toISOString(),
  };
}

function chargeOf(
  value: unknown,
  path: string,
  own: (minor: unknown, path: string) => Money,
  amount: (value: unknown, path: string) => Money,
): QuoteCharge {
  const [code, original, converted, rule] = tuple(value, path, 3, 4);
  const letters = typeof code === 'string' && code.length === 4 ? code : '';
  const remitter = letters[3] === '-' ? null : decode(REMITTERS, letters[3], `${path}[0]`);
  return {
    kind: decode(KINDS, letters[0], `${path}[0]`),
    collectedAt: decode(COLLECTION_POINTS, letters[1], `${path}[0]`),
    remitter,
    paidBy: decode(PAYERS, letters[2], `${path}[0]`),
    original: amount(original, `${path}[1]`),
    converted: own(converted, `${path}[2]`),
    ...(rule !== undefined && { rule: text(rule, `${path}[3]`) }),
  };
}

function decode<C extends Readonly<Record<string, string>>>(codes: C, code: unknown, path: string): C[keyof C] {
  if (typeof code !== 'string' || !Object.hasOwn(codes, code)) throw invalid(path, `one of ${Object.keys(codes).join(', ')}`);
  return codes[code as keyof C];
}

function promiseOf(value: unknown): QuotePromise {
  const [min, max, deMinimisApplied] = tuple(value, '$.d', 3);
  const days = (n: unknown, path: string): number => {
    const whole = integer(n, path);
    if (whole < 0) throw invalid(path, 'a whole number of days');
    return whole;
  };
  if (typeof deMinimisApplied !== 'boolean') throw invalid('$.d[2]', 'true or false');
  return { transitDays: { min: days(min, '$.d[0]'), max: days(max, '$.d[1]') }, deMinimisApplied };
}

function declarationOf(value: unknown, amount: (value: unknown, path: string) => Money): QuoteDeclaration {
  const [customsValue, basis, productIdentifiersRequired] = tuple(value, '$.dc', 3);
  if (basis !== 'CIF' && basis !== 'FOB') throw invalid('$.dc[1]', 'CIF or FOB');
  if (typeof productIdentifiersRequired !== 'boolean') throw invalid('$.dc[2]', 'a boolean');
  return { customsValue: amount(customsValue, '$.dc[0]'), valuationBasis: basis, productIdentifiersRequired };
}

function perEuroOf(value: unknown): Partial<Record<CurrencyCode, string>> {
  const perEuro: Partial<Record<CurrencyCode, string>> = {};
  for (const [code, rate] of Object.entries(object(value, '$.fx[2]'))) {
    if (!isCurrencyCode(code) || typeof rate !== 'string' || !/^\d+(\.\d+)?$/.test(rate)) throw invalid(`$.fx[2].${code}`, 'a rate');
    perEuro[code] = rate;
  }
  return perEuro;
}

function foreignOf(value: unknown, path: string): Money {
  const [minor, code] = tuple(value, path, 2);
  return fromMinor(integer(minor, `${path}[0]`), currencyOf(code, `${path}[1]`));
}

function safe(minor: bigint): number {
  const value = Number(minor);
  if (!Number.isSafeInteger(value)) throw new RangeError(`${minor} minor units is beyond what a quote token holds`);
  return value;
}

function tuple(value: unknown, path: string, length: number, maxLength = length): unknown[] {
  if (!Array.isArray(value) || value.length < length || value.length > maxLength) throw invalid(path, `a list of ${length}`);
  return value as unknown[];
}

function list(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw invalid(path, 'a list');
  return value;
}

function currencyOf(value: unknown, path: string): CurrencyCode {
  if (typeof value !== 'string' || !isCurrencyCode(value)) throw invalid(path, 'an ISO 4217 code');
  return value;
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(path, 'an object');
  return value as Record<string, unknown>;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw invalid(path, 'text');
  return value;
}

function integer(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid(path, 'a whole number');
  return value;
}

function basisPoints(value: unknown, path: string): number {
  const bp = integer(value, path);
  if (bp < 0) throw invalid(path, 'basis points');
  return bp;
}

function invalid(path: string, expected: string): QuoteError {
  return new QuoteError('QUOTE_INVALID', `not a quote from this API (${path}: expected ${expected})`);
}
