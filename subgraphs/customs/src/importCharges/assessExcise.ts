import type { ReferenceRates } from '#packages/fx/index.js';
import { fromMinor } from '#packages/money/index.js';
import type { ExciseRule } from '../../rules/types.js';
import { assumedExcisePackage, type AssumedExcisePackage } from './assumedExcisePackage.js';
import type { TaxContext } from './assessTaxes.js';
import { borderParties } from './chargeParties.js';
import { citation } from './citation.js';
import { createConversion, fxNote, lineRates } from './createConversion.js';
import type { Rounding } from './createRounding.js';
import { formatBp, type Exact } from './exactAmount.js';
import type { Waivers } from './findWaivers.js';
import type { ChargeLine } from './types.js';
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
};

/** US gallons in a barrel of beer (26 U.S.C. 5051(a)(1)(D)). */
const US_GALLONS_PER_BARREL = 31n;

export interface ExciseAssessment {
  readonly lines: ChargeLine[];
  /** Per item, the excise that is part of the import tax base (minor units). */
  readonly inTaxBase: readonly bigint[];
}

/**
 * Specific excise on alcohol (per litre, per litre of alcohol, per gallon, per barrel), one line per item,
 * collected at import like duty. Offers carry no volume or strength, so each line states the unit
 * it assumed (`assumedExcisePackage`). Excise goods for which the destination has neither a
 * specific rate nor an ad valorem excise on file get a zero line that says so, never a silent zero.
 * Goods a de minimis still covers (the rules exclude excise goods where the law does) owe none.
 */
export function assessExcise(context: TaxContext, rates: ReferenceRates, waivers: Waivers): ExciseAssessment {
  const { consignment, valuation, rules, rounding } = context;
  const inTaxBase = valuation.items.map(() => 0n);
  const lines: ChargeLine[] = [];
  valuation.items.forEach((item, i) => {
    if (!matchesPrefix(item.hsCode, EXCISE_GOODS) || waivers.tax?.covers(item)) return;
    const pack = assumedExcisePackage(item.hsCode);
    const rule = pack && rules.excise.find((r) => matchesPrefix(item.hsCode, r.hsPrefixes) && withinStrength(r, pack.abvBp));
    if (rule === undefined || pack === undefined) {
      const adValorem = rules.taxes.some((t) => t.kind === 'EXCISE' && matchesPrefix(item.hsCode, t.hsPrefixes));
      if (!adValorem) lines.push(notModelled(context, item.hsCode));
      return;
    }
    const conversion = createConversion(rates);
    const perMeasure = ratePerMeasure(rule, pack, (m) => conversion.to(ruleMoney(m), valuation.currency).minor);
    const quantity = measured(rule.measure, item.quantity, pack);
    const exact = { numerator: quantity.numerator * perMeasure.numerator, denominator: quantity.denominator * perMeasure.denominator };
    const amount = rounding.tax(exact);
    if (rule.inImportTaxBase) inTaxBase[i] = amount;
    const units = `${item.quantity} × ${pack.litres} l${rule.measure === 'litre' || rule.measure === 'us-wine-gallon' || rule.measure === 'us-barrel' ? '' : ` at ${formatBp(pack.abvBp)}`}`;
    lines.push({
      kind: rule.chargeKind,
      description: `${rule.label}, at import, on ${item.quantity} × ${pack.text}: assumed, as the offer gives no volume or strength`,
      amount: fromMinor(amount, valuation.currency),
      formula: `${units} = ${decimal(quantity, 6)} ${MEASURE_NAMES[rule.measure]} × ${perMeasure.text} ${valuation.currency}${fxNote(conversion.applied)}${taxRoundingNote(rounding, valuation.currency)}`,
      source: citation(rule),
      ...borderParties(consignment),
      rates: lineRates(conversion.applied),
    });
  });
  return { lines, inTaxBase };
}

/** The tax rounding alone (a specific excise has no value base to round), where it is not plain. */
function taxRoundingNote(rounding: Rounding, currency: string): string {
  if (!rounding.note.includes('tax ')) return '';
  const { tax, id } = rounding.rule;
  return `; tax ${tax.mode === 'down' ? 'down' : 'half-up'} to ${tax.increment} ${currency} (${id})`;
}

function withinStrength(rule: ExciseRule, abvBp: number): boolean {
  return (rule.minAbvBp === undefined || abvBp >= rule.minAbvBp) && (rule.maxAbvBp === undefined || abvBp <= rule.maxAbvBp);
}

/** The quantity the rate is charged on, exactly: units × litres (× strength) (÷ litres per gallon). */
function measured(measure: ExciseRule['measure'], units: number, pack: AssumedExcisePackage): Exact {
  const litres = parseDecimal(pack.litres);
  const volume = { numerator: BigInt(units) * litres.numerator, denominator: litres.denominator };
  const ofAlcohol = (q: Exact, share: bigint) => ({
    numerator: q.numerator * BigInt(pack.abvBp) * share,
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
  }
}

/** The rate per measure in minor units, with JP's per-degree addition above a strength. */
function ratePerMeasure(rule: ExciseRule, pack: AssumedExcisePackage, minor: (m: ExciseRule['rate']) => bigint): Exact & { text: string } {
  const base = minor(rule.rate);
  const plus = rule.plusPerPointAbove;
  if (plus === undefined || pack.abvBp <= plus.abvBp) return { numerator: base, denominator: 1n, text: rule.rate.amount };
  const points = BigInt(pack.abvBp - plus.abvBp);
  return {
    numerator: base * 100n + minor(plus.amount) * points,
    denominator: 100n,
    text: `(${rule.rate.amount} + ${plus.amount.amount} × ${formatBp(pack.abvBp - plus.abvBp).replace('%', '')} points above ${formatBp(plus.abvBp)})`,
  };
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
