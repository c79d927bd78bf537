import type { ReferenceRates } from '#packages/fx/index.js';
import { fromMinor, toDecimalString, type CurrencyCode } from '#packages/money/index.js';
import type { ExciseRule } from '../../rules/types.js';
import { assumedExcisePackage, type AssumedBottle, type AssumedExcisePackage, type AssumedPack } from './assumedExcisePackage.js';
import type { TaxContext } from './assessTaxes.js';
import { borderParties, checkoutParties } from './chargeParties.js';
import { citation } from './citation.js';
import { createConversion, fxNote, lineRates } from './createConversion.js';
import type { Rounding } from './createRounding.js';
import { compare, formatBp, minus, plus, roundHalfUp, times, type Exact } from './exactAmount.js';
import type { Waivers } from './findWaivers.js';
import type { SpecialRegimes } from './selectSpecialRegimes.js';
import type { ChargeLine } from './types.js';
import type { ValuedItem } from './valueConsignment.js';
import { matchesPrefix, ruleMoney } from './withinThreshold.js';

/** Alcohol and tobacco: the goods every destination modelled here charges excise on. */
const EXCISE_GOODS = ['2203', '2204', '2205', '2206', '2207', '2208', '2402', '2403'];

/** Litres in a US gallon (231 cubic inches), as the fraction 3785411784 / 10⁹. */
const LITRES_PER_US_GALLON: Exact = { numerator: 3_785_411_784n, denominator: 1_000_000_000n };

const MEASURE_NAMES: Record<ExciseRule['measure'], string> = {
  litre: 'l',
  'litre-of-alcohol': 'l of alcohol',
  'us-wine-gallon': 'wine gallons',
  'us-proof-gallon': 'proof gallons',
  'us-barrel': 'barrels',
  'hectolitre-degree-plato': 'hl × °Plato',
  tonne: 'tonnes',
  'thousand-sticks': 'thousand sticks',
  kilogram: 'kg',
};

/** US gallons in a barrel of beer (26 U.S.C. 5051(a)(1)(D)). */
const US_GALLONS_PER_BARREL = 31n;

export interface ExciseAssessment {
  readonly lines: ChargeLine[];
  /** Per item, the excise that is part of the import tax base (minor units). */
  readonly inTaxBase: readonly bigint[];
}

/**
 * Specific excise on alcohol (per litre, per litre of alcohol, per gallon, per barrel) and on
 * cigarettes (per 1,000 sticks, with a share of the retail price and a minimum where the law has
 * them), one line per item, collected at import like duty. Offers carry no volume, strength or count,
 * so each line states the unit it assumed (`assumedExcisePackage`). Excise goods for which the destination has neither a
 * specific rate nor an ad valorem excise on file get a zero line that says so, never a silent zero.
 * Goods a de minimis still covers (the rules exclude excise goods where the law does) owe none.
 */
export function assessExcise(
  context: TaxContext,
  rates: ReferenceRates,
  waivers: Waivers,
  regimes: Pick<SpecialRegimes, 'crossBorderRetail'>,
): ExciseAssessment {
  const { consignment, valuation, rules, rounding } = context;
  const cbec = regimes.crossBorderRetail?.regime;
  const inTaxBase = valuation.items.map(() => 0n);
  const lines: ChargeLine[] = [];
  valuation.items.forEach((item, i) => {
    if (!matchesPrefix(item.hsCode, EXCISE_GOODS) || waivers.tax?.covers(item)) return;
    const pack = assumedExcisePackage(item.hsCode);
    const rule = pack && rules.excise.find((r) => matchesPrefix(item.hsCode, r.hsPrefixes) && withinStrength(r, pack));
    const conversion = createConversion(rates);
    const minor = (m: ExciseRule['rate']) => conversion.to(ruleMoney(m), valuation.currency).minor;
    const assessed = rule && pack && charge(rule, pack, item, { minor, currency: valuation.currency, vatBp: standardVatBp(context) });
    if (rule === undefined || pack === undefined || assessed === undefined) {
      const adValorem = rules.taxes.some((t) => t.kind === 'EXCISE' && matchesPrefix(item.hsCode, t.hsPrefixes));
      if (!adValorem) lines.push(notModelled(context, item.hsCode));
      return;
    }
    const { exact } = assessed;
    // CN cross-border retail: the statutory amount enters the VAT base, 70 % of it is charged, at checkout.
    const charged = cbec ? { numerator: exact.numerator * BigInt(cbec.taxFactorBp), denominator: exact.denominator * 10_000n } : exact;
    const amount = rounding.tax(charged);
    if (rule.inImportTaxBase) inTaxBase[i] = cbec ? roundHalfUp(exact) : amount;
    const parties = cbec?.collection?.at === 'checkout' ? checkoutParties(cbec.collection.remitter) : borderParties(consignment);
    const where = parties.collectedAt === 'CHECKOUT' ? `charged at checkout by the ${parties.remitter.toLowerCase()}` : 'at import';
    lines.push({
      kind: rule.chargeKind,
      description: `${rule.label}${cbec ? ` at ${formatBp(cbec.taxFactorBp)} under the cross-border e-commerce regime` : ''}, ${where}, on ${item.quantity} × ${pack.text}: ${assumption(rule, pack)}`,
      amount: fromMinor(amount, valuation.currency),
      formula: `${assessed.formula}${cbec ? ` × ${formatBp(cbec.taxFactorBp)}` : ''}${fxNote(conversion.applied)}${taxRoundingNote(rounding, valuation.currency)}`,
      source: cbec ? `${citation(rule)}; ${citation(cbec)}` : citation(rule),
      ...parties,
      rates: lineRates(conversion.applied),
    });
  });
  return { lines, inTaxBase };
}

interface Pricing {
  /** A rule amount in the destination currency's minor units. */
  readonly minor: (m: ExciseRule['rate']) => bigint;
  readonly currency: CurrencyCode;
  /** The standard VAT or GST rate on file, for a minimum that deducts the VAT within the retail price. */
  readonly vatBp: number | undefined;
}

interface Charged {
  /** The excise in minor units, before rounding. */
  readonly exact: Exact;
  /** How it was worked out, in the line's words. */
  readonly formula: string;
}

/** The excise on one item, or undefined where the assumed unit or the rules lack what the measure needs. */
function charge(rule: ExciseRule, pack: AssumedExcisePackage, item: ValuedItem, pricing: Pricing): Charged | undefined {
  if (pack.kind === 'pack') return perTobaccoQuantity(rule, pack, item, pricing);
  if (rule.measure === 'thousand-sticks' || rule.measure === 'kilogram') return undefined;
  const quantity = measured(rule, item.quantity, pack);
  if (quantity === undefined) return undefined;
  const perMeasure = ratePerMeasure(rule, pack, pricing.minor);
  return {
    exact: times(quantity, perMeasure),
    formula: `${unitsText(rule, item.quantity, pack)} = ${decimal(quantity, 6)} ${MEASURE_NAMES[rule.measure]} × ${perMeasure.text} ${pricing.currency}`,
  };
}

/**
 * Tobacco: a rate per 1,000 sticks or per kilogram, plus a share of the retail selling price where
 * the law adds one, and never less than the minimum (less the VAT within the retail price where the
 * law says so). Offers carry no retail price, so the item's price (all its units, in the destination
 * currency) is taken for it. Undefined where the pack is not counted the way the rule measures, or a
 * minimum needs the VAT rate and none is on file.
 */
function perTobaccoQuantity(rule: ExciseRule, pack: AssumedPack, item: ValuedItem, pricing: Pricing): Charged | undefined {
  const { minor, currency } = pricing;
  const perUnit = countPerUnit(rule, pack);
  if (perUnit === undefined) return undefined;
  // 1,000 sticks or 1,000 grams: either way the count divided by a thousand.
  const thousands: Exact = { numerator: BigInt(item.quantity * perUnit.count), denominator: 1000n };
  const retail = toDecimalString(fromMinor(item.goods, currency));
  const quantityText = `${item.quantity} × ${perUnit.count} ${perUnit.unit} = ${decimal(thousands, 6)} ${MEASURE_NAMES[rule.measure]}`;
  const specific = times(thousands, exactRate(rule.rate, minor));
  const share = rule.retailPriceShareBp;
  const adValorem: Exact = { numerator: item.goods * BigInt(share ?? 0), denominator: 10_000n };
  const computed = plus(specific, adValorem);
  const computedText = `${quantityText} × ${rule.rate.amount} ${currency}${share === undefined ? '' : ` + ${formatBp(share)} × ${retail} ${currency} (the item's price as the retail price)`}`;
  const { minimum } = rule;
  if (minimum === undefined) return { exact: computed, formula: computedText };
  const vatBp = pricing.vatBp;
  if (minimum.lessRetailVat && vatBp === undefined) return undefined;
  const least = times(thousands, exactRate(minimum.rate, minor));
  const vatWithin: Exact = minimum.lessRetailVat
    ? { numerator: item.goods * BigInt(vatBp ?? 0), denominator: BigInt(10_000 + (vatBp ?? 0)) }
    : { numerator: 0n, denominator: 1n };
  const floor = minus(least, vatWithin);
  const floorText = `${decimal(thousands, 6)} × ${minimum.rate.amount} ${currency}${minimum.lessRetailVat ? ` less the ${formatBp(vatBp ?? 0)} VAT within ${retail} ${currency}` : ''}`;
  const minimumApplies = compare(floor, computed) > 0;
  return {
    exact: minimumApplies ? floor : computed,
    formula: minimumApplies
      ? `minimum ${floorText} = ${toDecimalString(fromMinor(roundHalfUp(floor), currency))} ${currency}, above ${quantityText} × ${rule.rate.amount} ${currency}${share === undefined ? '' : ` + ${formatBp(share)} × ${retail} ${currency}`} = ${toDecimalString(fromMinor(roundHalfUp(computed), currency))} ${currency}`
      : `${computedText}; at least ${floorText} = ${toDecimalString(fromMinor(roundHalfUp(floor), currency))} ${currency}`,
  };
}

/** What one pack counts in the rule's measure: sticks for a rate per 1,000 sticks, grams for one per kilogram. */
function countPerUnit(rule: ExciseRule, pack: AssumedPack): { count: number; unit: string } | undefined {
  if (rule.measure === 'thousand-sticks' && 'sticks' in pack.count) return { count: pack.count.sticks, unit: 'sticks' };
  if (rule.measure === 'kilogram' && 'grams' in pack.count) return { count: pack.count.grams, unit: 'g' };
  return undefined;
}

/** The standard VAT or GST rate in force where it does not depend on a region. */
function standardVatBp(context: TaxContext): number | undefined {
  return context.rules.taxes.find((t) => (t.kind === 'VAT' || t.kind === 'GST') && t.scope === 'standard' && t.regions === undefined)
    ?.rateBp;
}

/** What the line says it assumed. */
function assumption(rule: ExciseRule, pack: AssumedExcisePackage): string {
  if (pack.kind === 'bottle') return 'assumed, as the offer gives no volume or strength';
  const retail = rule.retailPriceShareBp !== undefined || rule.minimum?.lessRetailVat === true;
  const missing = 'sticks' in pack.count ? 'no count of cigarettes' : 'no weight';
  return `assumed, as the offer gives ${missing}${retail ? "; the item's price is taken as the retail selling price" : ''}`;
}

/** The tax rounding alone (a specific excise has no value base to round), where it is not plain. */
function taxRoundingNote(rounding: Rounding, currency: string): string {
  if (!rounding.note.includes('tax ')) return '';
  const { tax, id } = rounding.rule;
  return `; tax ${tax.mode === 'down' ? 'down' : 'half-up'} to ${tax.increment} ${currency} (${id})`;
}

/** Whether the unit's strength is within the rule's; a pack of cigarettes has none, so only an unbounded rule matches it. */
function withinStrength(rule: ExciseRule, pack: AssumedExcisePackage): boolean {
  if (pack.kind === 'pack') return rule.minAbvBp === undefined && rule.maxAbvBp === undefined;
  return (rule.minAbvBp === undefined || pack.abvBp >= rule.minAbvBp) && (rule.maxAbvBp === undefined || pack.abvBp <= rule.maxAbvBp);
}

/** How the line shows the quantity it charged: units × litres, and the strength or gravity the measure uses. */
function unitsText(rule: ExciseRule, units: number, pack: AssumedBottle): string {
  const volume = `${units} × ${pack.litres} l`;
  switch (rule.measure) {
    case 'litre':
    case 'us-wine-gallon':
    case 'us-barrel':
      return volume;
    case 'hectolitre-degree-plato':
      return `${volume} at ${pack.plato} °Plato`;
    case 'tonne':
      return `${volume} at ${rule.litresPerTonne} l per tonne`;
    case 'litre-of-alcohol':
      return `${volume} at ${formatBp(pack.abvBp)}${rule.exemptAbvBp ? ` less the first ${formatBp(rule.exemptAbvBp)}` : ''}`;
    case 'us-proof-gallon':
      return `${volume} at ${formatBp(pack.abvBp)}`;
    case 'thousand-sticks':
    case 'kilogram':
      return `${units} units`;
  }
}

/**
 * The quantity the rate is charged on, exactly: units × litres (× strength, less any exempt
 * strength) (÷ litres per gallon or per tonne) (× degrees Plato ÷ 100 for hectolitres). Undefined
 * where the assumed unit lacks what the measure needs (a gravity for beer taxed by Plato).
 */
function measured(rule: ExciseRule, units: number, pack: AssumedBottle): Exact | undefined {
  const { measure } = rule;
  const litres = parseDecimal(pack.litres);
  const volume = { numerator: BigInt(units) * litres.numerator, denominator: litres.denominator };
  const charged = BigInt(Math.max(0, pack.abvBp - (rule.exemptAbvBp ?? 0)));
  const ofAlcohol = (q: Exact, share: bigint) => ({
    numerator: q.numerator * charged * share,
    denominator: q.denominator * 10_000n,
  });
  const inGallons = (q: Exact) => ({
    numerator: q.numerator * LITRES_PER_US_GALLON.denominator,
    denominator: q.denominator * LITRES_PER_US_GALLON.numerator,
  });
  switch (measure) {
    case 'litre':
      return volume;
    case 'litre-of-alcohol':
      return ofAlcohol(volume, 1n);
    case 'us-wine-gallon':
      return inGallons(volume);
    case 'us-proof-gallon':
      // A proof gallon is a wine gallon at 50 % ABV: proof gallons = wine gallons × ABV × 2.
      return ofAlcohol(inGallons(volume), 2n);
    case 'us-barrel': {
      const gallons = inGallons(volume);
      return { numerator: gallons.numerator, denominator: gallons.denominator * US_GALLONS_PER_BARREL };
    }
    case 'hectolitre-degree-plato':
      return pack.plato === undefined
        ? undefined
        : { numerator: volume.numerator * BigInt(pack.plato), denominator: volume.denominator * 100n };
    case 'tonne':
      return rule.litresPerTonne === undefined
        ? undefined
        : { numerator: volume.numerator, denominator: volume.denominator * BigInt(rule.litresPerTonne) };
    case 'thousand-sticks':
    case 'kilogram':
      return undefined;
  }
}

/** The rate per measure in minor units, with JP's per-degree addition above a strength. */
function ratePerMeasure(rule: ExciseRule, pack: AssumedBottle, minor: (m: ExciseRule['rate']) => bigint): Exact & { text: string } {
  const base = exactRate(rule.rate, minor);
  const plus = rule.plusPerPointAbove;
  if (plus === undefined || pack.abvBp <= plus.abvBp) return { ...base, text: rule.rate.amount };
  const points = BigInt(pack.abvBp - plus.abvBp);
  return {
    numerator: base.numerator * 100n + minor(plus.amount) * points * base.denominator,
    denominator: 100n * base.denominator,
    text: `(${rule.rate.amount} + ${plus.amount.amount} × ${formatBp(pack.abvBp - plus.abvBp).replace('%', '')} points above ${formatBp(plus.abvBp)})`,
  };
}

/**
 * A rate in minor units, exactly, even where it is finer than the currency's minor unit (DE beer
 * duty: EUR 0.787): the amount is scaled to a whole number before conversion, then divided back.
 */
function exactRate(rate: ExciseRule['rate'], minor: (m: ExciseRule['rate']) => bigint): Exact {
  const [whole = '0', fraction = ''] = rate.amount.split('.');
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  return { numerator: minor({ amount: digits, currency: rate.currency }), denominator: 10n ** BigInt(fraction.length) };
}

function notModelled(context: TaxContext, hsCode: string): ChargeLine {
  const { consignment, valuation } = context;
  return {
    kind: 'TAX',
    description: `Excise on ${hsCode} is due at import but not modelled for ${consignment.destination}: the quote leaves it out`,
    amount: fromMinor(0n, valuation.currency),
    formula: `no excise rate on file for ${hsCode} and the assumed unit; the amount owed on delivery will be higher`,
    source: `${consignment.destination} excise rules (rules/README.md)`,
    ...borderParties(consignment),
    rates: [],
  };
}

/** "0.75" → 75/100. */
function parseDecimal(text: string): Exact {
  const [whole = '0', fraction = ''] = text.split('.');
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

/** An exact quantity as a decimal, rounded half-up to `digits`, trailing zeros dropped. */
function decimal(q: Exact, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const scaled = (2n * q.numerator * scale + q.denominator) / (2n * q.denominator);
  const whole = scaled / scale;
  const fraction = String(scaled % scale)
    .padStart(digits, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}
