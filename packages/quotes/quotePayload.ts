import { isCurrencyCode, MoneyError, parseMoney, toDecimalString, type CurrencyCode, type Money } from '../money/index.js';
import type { JsonValue } from './canonicalJson.js';
import {
  QUOTE_PART_NAMES,
  type PaymentFeeTerms,
  type Quote,
  type QuoteCharge,
  type QuoteDeclaration,
  type QuoteParts,
  type QuotePromise,
} from './Quote.js';
import { QuoteError } from './QuoteError.js';

type JsonObject = { readonly [key: string]: JsonValue };

/**
 * A quote as the JSON its token signs. Money is written `"36.71 EUR"`: exact (a decimal string
 * with the currency's own decimals, never a float), short, and readable by a person decoding a
 * token while debugging.
 */
export function toPayload(quote: Quote): JsonObject {
  const fee = quote.paymentFee;
  return {
    v: quote.version,
    shippingOptionId: quote.shippingOptionId,
    originCountry: quote.originCountry,
    destinationCountry: quote.destinationCountry,
    destinationRegion: quote.destinationRegion,
    currency: quote.currency,
    original: partsPayload(quote.original),
    converted: partsPayload(quote.converted),
    charges: quote.charges.map((charge) => ({
      kind: charge.kind,
      collectedAt: charge.collectedAt,
      remitter: charge.remitter,
      paidBy: charge.paidBy,
      original: moneyText(charge.original),
      converted: moneyText(charge.converted),
      label: charge.label,
    })),
    paymentMethod: quote.paymentMethod,
    paymentFee: {
      provider: fee.provider,
      schedule: fee.schedule,
      percentBp: fee.percentBp,
      crossBorderBp: fee.crossBorderBp,
      fxSpreadBp: fee.fxSpreadBp,
      fixed: moneyText(fee.fixed),
      base: moneyText(fee.base),
      fee: moneyText(fee.fee),
      paidBy: fee.paidBy,
      methods: [...fee.methods],
    },
    fees: moneyText(quote.fees),
    total: moneyText(quote.total),
    payableAtCheckout: moneyText(quote.payableAtCheckout),
    payableOnDelivery: moneyText(quote.payableOnDelivery),
    rates: { date: quote.rates.date, source: quote.rates.source, url: quote.rates.url, perEuro: { ...quote.rates.perEuro } as JsonObject },
    ...(quote.promise && {
      promise: {
        transitDays: { min: quote.promise.transitDays.min, max: quote.promise.transitDays.max },
        deMinimisApplied: quote.promise.deMinimisApplied,
      },
    }),
    ...(quote.declaration && {
      declaration: {
        customsValue: moneyText(quote.declaration.customsValue),
        valuationBasis: quote.declaration.valuationBasis,
        productIdentifiersRequired: quote.declaration.productIdentifiersRequired,
      },
    }),
    issuedAt: quote.issuedAt,
    expiresAt: quote.expiresAt,
  };
}

/**
 * Reads a signed payload back. The signature already vouches for it; the checks are for a
 * payload signed by another version of this code, and fail as `QUOTE_INVALID`, never a crash.
 */
export function fromPayload(value: unknown): Quote {
  const root = object(value, '$');
  if (root.v !== 2) throw invalid('$.v', 'version 2');
  const currency = currencyOf(root.currency, '$.currency');
  const fee = object(root.paymentFee, '$.paymentFee');
  const converted = partsOf(root.converted, '$.converted');
  for (const name of QUOTE_PART_NAMES) {
    if (converted[name].currency !== currency) throw invalid(`$.converted.${name}`, `an amount in ${currency}`);
  }
  const quote: Quote = {
    version: 2,
    shippingOptionId: text(root.shippingOptionId, '$.shippingOptionId'),
    originCountry: text(root.originCountry, '$.originCountry'),
    destinationCountry: text(root.destinationCountry, '$.destinationCountry'),
    destinationRegion: root.destinationRegion === null ? null : text(root.destinationRegion, '$.destinationRegion'),
    currency,
    original: partsOf(root.original, '$.original'),
    converted,
    charges: list(root.charges, '$.charges').map((value, i) => chargeOf(value, `$.charges[${i}]`, currency)),
    paymentMethod: root.paymentMethod === null ? null : text(root.paymentMethod, '$.paymentMethod'),
    paymentFee: {
      provider: text(fee.provider, '$.paymentFee.provider'),
      schedule: text(fee.schedule, '$.paymentFee.schedule'),
      percentBp: basisPoints(fee.percentBp, '$.paymentFee.percentBp'),
      crossBorderBp: basisPoints(fee.crossBorderBp, '$.paymentFee.crossBorderBp'),
      fxSpreadBp: basisPoints(fee.fxSpreadBp, '$.paymentFee.fxSpreadBp'),
      fixed: money(fee.fixed, '$.paymentFee.fixed', currency),
      base: money(fee.base, '$.paymentFee.base', currency),
      fee: money(fee.fee, '$.paymentFee.fee', currency),
      paidBy: payer(fee.paidBy, '$.paymentFee.paidBy'),
      methods: list(fee.methods, '$.paymentFee.methods').map((method, i) => text(method, `$.paymentFee.methods[${i}]`)),
    } satisfies PaymentFeeTerms,
    fees: money(root.fees, '$.fees', currency),
    total: money(root.total, '$.total', currency),
    payableAtCheckout: money(root.payableAtCheckout, '$.payableAtCheckout', currency),
    payableOnDelivery: money(root.payableOnDelivery, '$.payableOnDelivery', currency),
    rates: ratesOf(root.rates),
    ...(root.promise !== undefined && { promise: promiseOf(root.promise) }),
    ...(root.declaration !== undefined && { declaration: declarationOf(root.declaration) }),
    issuedAt: instant(root.issuedAt, '$.issuedAt'),
    expiresAt: instant(root.expiresAt, '$.expiresAt'),
  };
  return quote;
}

function declarationOf(value: unknown): QuoteDeclaration {
  const declaration = object(value, '$.declaration');
  const basis = declaration.valuationBasis;
  if (basis !== 'CIF' && basis !== 'FOB') throw invalid('$.declaration.valuationBasis', 'CIF or FOB');
  if (typeof declaration.productIdentifiersRequired !== 'boolean') throw invalid('$.declaration.productIdentifiersRequired', 'a boolean');
  return {
    customsValue: money(declaration.customsValue, '$.declaration.customsValue'),
    valuationBasis: basis,
    productIdentifiersRequired: declaration.productIdentifiersRequired,
  };
}

function chargeOf(value: unknown, path: string, currency: CurrencyCode): QuoteCharge {
  const charge = object(value, path);
  const kind = charge.kind;
  if (kind !== 'DUTY' && kind !== 'TAX' && kind !== 'FEE') throw invalid(`${path}.kind`, 'DUTY, TAX or FEE');
  const collectedAt = charge.collectedAt;
  if (collectedAt !== 'CHECKOUT' && collectedAt !== 'BORDER' && collectedAt !== 'DELIVERY')
    throw invalid(`${path}.collectedAt`, 'a collection point');
  return {
    kind,
    collectedAt,
    remitter: charge.remitter === null ? null : text(charge.remitter, `${path}.remitter`),
    paidBy: payer(charge.paidBy, `${path}.paidBy`),
    original: money(charge.original, `${path}.original`),
    converted: money(charge.converted, `${path}.converted`, currency),
    label: text(charge.label, `${path}.label`),
  };
}

function payer(value: unknown, path: string): 'BUYER' | 'SELLER' {
  if (value !== 'BUYER' && value !== 'SELLER') throw invalid(path, 'BUYER or SELLER');
  return value;
}

function list(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw invalid(path, 'a list');
  return value;
}

function partsPayload(parts: QuoteParts): JsonObject {
  return Object.fromEntries(QUOTE_PART_NAMES.map((name) => [name, moneyText(parts[name])]));
}

function partsOf(value: unknown, path: string): QuoteParts {
  const parts = object(value, path);
  const read = (name: (typeof QUOTE_PART_NAMES)[number]) => money(parts[name], `${path}.${name}`);
  return { item: read('item'), shipping: read('shipping'), duties: read('duties'), taxes: read('taxes'), importFees: read('importFees') };
}

function promiseOf(value: unknown): QuotePromise {
  const promise = object(value, '$.promise');
  const days = object(promise.transitDays, '$.promise.transitDays');
  const whole = (n: unknown, path: string): number => {
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw invalid(path, 'a whole number of days');
    return n;
  };
  if (typeof promise.deMinimisApplied !== 'boolean') throw invalid('$.promise.deMinimisApplied', 'true or false');
  return {
    transitDays: { min: whole(days.min, '$.promise.transitDays.min'), max: whole(days.max, '$.promise.transitDays.max') },
    deMinimisApplied: promise.deMinimisApplied,
  };
}

function ratesOf(value: unknown): Quote['rates'] {
  const rates = object(value, '$.rates');
  const perEuro: Partial<Record<CurrencyCode, string>> = {};
  for (const [code, rate] of Object.entries(object(rates.perEuro, '$.rates.perEuro'))) {
    if (!isCurrencyCode(code) || typeof rate !== 'string' || !/^\d+(\.\d+)?$/.test(rate))
      throw invalid(`$.rates.perEuro.${code}`, 'a rate');
    perEuro[code] = rate;
  }
  return {
    date: text(rates.date, '$.rates.date'),
    source: text(rates.source, '$.rates.source'),
    url: text(rates.url, '$.rates.url'),
    perEuro,
  };
}

function moneyText(amount: Money): string {
  return `${toDecimalString(amount)} ${amount.currency}`;
}

function money(value: unknown, path: string, currency?: CurrencyCode): Money {
  const [amount = '', code = '', ...rest] = text(value, path).split(' ');
  if (rest.length > 0 || (currency !== undefined && code !== currency)) throw invalid(path, `an amount in ${currency ?? 'a currency'}`);
  try {
    return parseMoney(amount, currencyOf(code, path));
  } catch (error) {
    if (error instanceof MoneyError) throw invalid(path, 'an amount');
    throw error;
  }
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

function basisPoints(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw invalid(path, 'basis points');
  return value;
}

function instant(value: unknown, path: string): string {
  const textValue = text(value, path);
  if (Number.isNaN(Date.parse(textValue))) throw invalid(path, 'an ISO 8601 instant');
  return textValue;
}

function invalid(path: string, expected: string): QuoteError {
  return new QuoteError('QUOTE_INVALID', `not a quote from this API (${path}: expected ${expected})`);
}
