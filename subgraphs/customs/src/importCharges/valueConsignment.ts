import type { AppliedRate, ReferenceRates } from '#packages/fx/index.js';
import { toDecimalString, type CurrencyCode, type Money } from '#packages/money/index.js';
import type { RulesInForce } from '../../rules/loadRules.js';
import type { DeMinimisRule, PersonalUseValuationRegime } from '../../rules/types.js';
import { createConversion, fxNote, type Conversion } from './createConversion.js';
import { allocate, roundHalfUp, timesBp } from './exactAmount.js';
import type { Consignment } from './types.js';

/** What a value threshold is compared against (the rules' `valueBasis`). */
export type ValueBasis = DeMinimisRule['valueBasis'];

/** One declaration line valued in the destination currency. */
export interface ValuedItem {
  readonly hsCode: string;
  /** The tariff subheading (first six digits), the unit the EU €3 duty and FR fee count. */
  readonly subheading: string;
  /** The goods as sold, converted. */
  readonly goods: bigint;
  /** The goods as valued for customs: equal to `goods` except under JP personal-use valuation. */
  readonly valued: bigint;
  /** This item's share of freight and insurance to the place of entry, allocated by goods value. */
  readonly freight: bigint;
  /** This item's share of transport after the place of entry (never in the customs value). */
  readonly postBorder: bigint;
  readonly quantity: number;
  /** Customs value: `valued`, plus `freight` where the destination values CIF. */
  readonly customsValue: bigint;
}

/** A value measured in a limit's currency, with the rates that took it there. */
export interface Measured {
  readonly money: Money;
  readonly fxNote: string;
  readonly applied: readonly AppliedRate[];
}

/** The consignment valued in the destination currency, and a way to measure it in any other. */
export interface Valuation {
  readonly currency: CurrencyCode;
  /** Whether freight and insurance are part of the customs value. */
  readonly cif: boolean;
  readonly items: readonly ValuedItem[];
  readonly goods: bigint;
  readonly freight: bigint;
  readonly postBorder: bigint;
  readonly customsValue: bigint;
  readonly personalUse: PersonalUseValuationRegime | undefined;
  /** The FX rates behind the destination-currency amounts, and the note citing them in every line's formula. */
  readonly applied: readonly AppliedRate[];
  readonly fxNote: string;
  /** The consignment's value on `basis` in `currency`, converted from the original amounts (no double rounding). */
  measure(basis: ValueBasis, currency: CurrencyCode): Measured;
  /** The dearest unit's goods price in `currency` (limits that apply per item: NO VOEC, NZ). */
  measureUnit(currency: CurrencyCode): Measured;
  /** A destination-currency amount as a decimal string. */
  format: (minor: bigint) => string;
}

/**
 * Values a consignment by the destination's rule: CIF (goods + freight and insurance) or FOB
 * (goods only); JP personal-use imports at 60 % of the retail price. Freight is shared out over the
 * items by goods value so each declaration line has its own customs value.
 */
export function valueConsignment(consignment: Consignment, rules: RulesInForce, currency: CurrencyCode, rates: ReferenceRates): Valuation {
  const cif = rules.valuation.basis === 'CIF';
  // The platform's consignees are consumers importing for personal use, so the JP regime applies.
  const personalUse = rules.specialRegimes.find((r): r is PersonalUseValuationRegime => r.kind === 'personalUseValuation');
  const valued = (minor: bigint): bigint => (personalUse ? roundHalfUp(timesBp(minor, personalUse.factorBp)) : minor);

  const conversion = createConversion(rates);
  const goods = consignment.items.map((item) => conversion.to(item.value, currency).minor);
  const freight = consignment.shipping ? conversion.to(consignment.shipping, currency).minor : 0n;
  // UCC art. 72(a) and its equivalents: transport after the place of entry is not customs value.
  const postBorder = consignment.postBorderTransport ? conversion.to(consignment.postBorderTransport, currency).minor : 0n;
  const shares = allocate(freight, goods);
  const postBorderShares = allocate(postBorder, goods);
  const items = consignment.items.map((item, i): ValuedItem => {
    const itemGoods = goods[i] ?? 0n;
    const itemFreight = shares[i] ?? 0n;
    return {
      hsCode: item.hsCode,
      subheading: item.hsCode === '' ? `unclassified-${i}` : item.hsCode.slice(0, 6),
      goods: itemGoods,
      valued: valued(itemGoods),
      freight: itemFreight,
      postBorder: postBorderShares[i] ?? 0n,
      quantity: item.quantity,
      customsValue: valued(itemGoods) + (cif ? itemFreight : 0n),
    };
  });
  const sum = (f: (item: ValuedItem) => bigint): bigint => items.reduce((total, item) => total + f(item), 0n);

  const measure = (basis: ValueBasis, target: CurrencyCode) => {
    const c: Conversion = createConversion(rates);
    const inTarget = consignment.items.map((item) => c.to(item.value, target).minor);
    let minor = inTarget.reduce((a, b) => a + b, 0n);
    if (basis === 'customs-value' || basis === 'value-for-duty') {
      minor = inTarget.reduce((total, m) => total + valued(m), 0n);
      if (cif && consignment.shipping) minor += c.to(consignment.shipping, target).minor;
    }
    return { money: { minor, currency: target }, fxNote: fxNote(c.applied), applied: c.applied };
  };
  const measureUnit = (target: CurrencyCode) => {
    const c: Conversion = createConversion(rates);
    const minor = consignment.items.reduce((max, item) => {
      const unit = c.to(item.value, target).minor / BigInt(Math.max(1, item.quantity));
      return unit > max ? unit : max;
    }, 0n);
    return { money: { minor, currency: target }, fxNote: fxNote(c.applied), applied: c.applied };
  };

  return {
    currency,
    cif,
    items,
    goods: sum((item) => item.goods),
    freight,
    postBorder,
    customsValue: sum((item) => item.customsValue),
    personalUse,
    applied: conversion.applied,
    fxNote: fxNote(conversion.applied),
    measure,
    measureUnit,
    format: (minor) => toDecimalString({ minor, currency }),
  };
}

/** "intrinsic value", "customs value", …: how a basis reads in a formula. */
export function basisName(basis: ValueBasis): string {
  switch (basis) {
    case 'intrinsic':
      return 'intrinsic value';
    case 'goods-price':
      return 'goods price';
    case 'customs-value':
      return 'customs value';
    case 'value-for-duty':
      return 'value for duty';
  }
}
