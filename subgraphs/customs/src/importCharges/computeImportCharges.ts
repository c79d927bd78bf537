import type { ReferenceRates } from '#packages/fx/index.js';
import { currencyCode, fromMinor, isCurrencyCode, type CurrencyCode } from '#packages/money/index.js';
import type { LoadedRules, RulesInForce } from '../../rules/loadRules.js';
import { assessDomesticSale } from './assessDomesticSale.js';
import { assessDuty } from './assessDuty.js';
import { assessExcise } from './assessExcise.js';
import { assessFees } from './assessFees.js';
import { assessTaxes, type TaxContext } from './assessTaxes.js';
import { citation } from './citation.js';
import { createRounding } from './createRounding.js';
import { findWaivers } from './findWaivers.js';
import { RulesUnavailableError } from './RulesUnavailableError.js';
import { resolveRegion } from './selectTaxRules.js';
import { selectSpecialRegimes } from './selectSpecialRegimes.js';
import { tradingParty } from './tradingParty.js';
import type { ChargeKind, ChargeLine, Consignment, CustomsDeclaration, ImportCharges } from './types.js';
import { valueConsignment } from './valueConsignment.js';

/**
 * What a consignment costs in duties, taxes and fees because it crosses the border, in the
 * destination's currency, following the rules in force on its date (`rules/README.md`, "How to
 * combine the rules"): valuation → special regimes and de minimis → duty → excise → tax → fees. Every line
 * says when it is collected and by whom, and is rounded once as the destination rounds; totals are
 * the exact sums of the lines. Goods sold from stock already in the destination carry its domestic
 * tax; goods within one customs territory owe nothing.
 *
 * @param rates the destination's customs exchange-rate series (or the reference rates) for the date.
 * @throws RulesUnavailableError when the rules have no answer for that destination or date.
 */
export function computeImportCharges(consignment: Consignment, rules: LoadedRules, rates: ReferenceRates): ImportCharges {
  if (!rules.destinations.has(consignment.destination) || consignment.destination === 'EU') {
    throw new RulesUnavailableError('destination', `no customs rules for destination ${consignment.destination}`);
  }
  const inForce = rulesInForce(rules, consignment.destination, consignment.date);
  if (!isCurrencyCode(inForce.currency))
    throw new RulesUnavailableError('destination', `no currency on file for ${consignment.destination}`);
  const currency = currencyCode(inForce.currency);
  const rounding = createRounding(inForce.rounding, currency);
  const region = resolveRegion(inForce, consignment.region);
  const summary = (
    lines: readonly ChargeLine[],
    flags: { deMinimisApplied: boolean; collectedAtSale: boolean },
    declaration: CustomsDeclaration | null = null,
  ) => summarize(lines, currency, consignment.date, { ...flags, region: region.region, regionAssumed: region.assumed, declaration });

  const domestic =
    consignment.origin === consignment.destination || (inForce.union !== undefined && tradingParty(consignment.origin) === inForce.union);
  if (domestic) return summary([settled(consignment, currency)], { deMinimisApplied: false, collectedAtSale: false });

  const valuation = valueConsignment(consignment, inForce, currency, rates);
  const context: TaxContext = { consignment, rules: inForce, valuation, rounding, region };
  if (consignment.alreadyImported) {
    if (inForce.domesticSale === undefined)
      return summary([fromStock(consignment, currency)], { deMinimisApplied: false, collectedAtSale: false });
    return summary(assessDomesticSale(context), { deMinimisApplied: false, collectedAtSale: true });
  }

  const regimes = selectSpecialRegimes(consignment, inForce, valuation);
  const waivers = findWaivers(consignment, inForce, valuation);
  const duty = assessDuty(consignment, inForce, valuation, regimes, waivers, rates, rounding);
  const excise = assessExcise(context, rates, waivers, regimes);
  const assessed = [...duty.lines, ...excise.lines, ...assessTaxes(context, regimes, waivers, duty, excise.inTaxBase)];
  const lines = [...assessed, ...assessFees(context, rates, assessed)];
  return summary(
    lines,
    {
      deMinimisApplied: waivers.duty !== undefined || waivers.tax !== undefined,
      collectedAtSale: lines.some((line) => line.kind === 'TAX' && line.collectedAt === 'CHECKOUT'),
    },
    {
      hsCodes: consignment.items.map((item) => item.hsCode),
      originCountry: consignment.origin,
      customsValue: fromMinor(valuation.customsValue, currency),
      valuationBasis: valuation.cif ? 'CIF' : 'FOB',
      valuationSource: citation(inForce.valuation),
    },
  );
}

function rulesInForce(rules: LoadedRules, destination: string, date: string): RulesInForce {
  try {
    return rules.rulesAt(destination, new Date(`${date}T00:00:00Z`));
  } catch (error) {
    // rulesAt refuses a day with no valuation or rounding rule: before the period the data vouches for.
    throw new RulesUnavailableError(
      'date',
      `no customs rules for ${destination} on ${date}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Goods within one customs territory cross no customs border: one zero line says why. */
function settled(consignment: Consignment, currency: CurrencyCode): ChargeLine {
  return {
    kind: 'FEE',
    description: `No import: ${consignment.origin} and ${consignment.destination} are in the same customs territory`,
    amount: fromMinor(0n, currency),
    formula: 'no customs border crossed; domestic prices include domestic tax',
    source: 'domestic or intra-union delivery',
    collectedAt: 'CHECKOUT',
    remitter: 'SELLER',
    paidBy: 'BUYER',
    rates: [],
  };
}

/** A sale from stock where the rules do not model the domestic tax of such sales: said, not guessed. */
function fromStock(consignment: Consignment, currency: CurrencyCode): ChargeLine {
  return {
    kind: 'FEE',
    description: 'No import at delivery: the goods ship from stock already in the destination country',
    amount: fromMinor(0n, currency),
    formula: `duties settled at the bulk import; domestic tax on sales from stock is not modelled for ${consignment.destination}`,
    source: 'alreadyImported (overseas warehouse)',
    collectedAt: 'CHECKOUT',
    remitter: 'SELLER',
    paidBy: 'BUYER',
    rates: [],
  };
}

function summarize(
  lines: readonly ChargeLine[],
  currency: CurrencyCode,
  rulesDate: string,
  flags: Pick<ImportCharges, 'deMinimisApplied' | 'collectedAtSale' | 'region' | 'regionAssumed' | 'declaration'>,
): ImportCharges {
  const sum = (keep: (line: ChargeLine) => boolean) =>
    fromMinor(
      lines.filter(keep).reduce((total, line) => total + line.amount.minor, 0n),
      currency,
    );
  const ofKind = (kind: ChargeKind) => (line: ChargeLine) => line.kind === kind;
  return {
    duties: sum(ofKind('DUTY')),
    taxes: sum(ofKind('TAX')),
    fees: sum(ofKind('FEE')),
    total: sum(() => true),
    payableAtCheckout: sum((line) => line.paidBy === 'BUYER' && line.collectedAt === 'CHECKOUT'),
    payableOnDelivery: sum((line) => line.paidBy === 'BUYER' && line.collectedAt !== 'CHECKOUT'),
    sellerPaid: sum((line) => line.paidBy === 'SELLER'),
    lines,
    rulesDate,
    ...flags,
  };
}
