import type { ReferenceRates } from '#packages/fx/index.js';
import { fromMinor, type CurrencyCode } from '#packages/money/index.js';
import type { LoadedRules, RulesInForce } from '../../rules/loadRules.js';
import { assessDuty } from './assessDuty.js';
import { assessFees } from './assessFees.js';
import { assessTaxes } from './assessTaxes.js';
import { destinationCurrency } from './destinationCurrency.js';
import { tradingParty } from './tradingParty.js';
import { findWaivers } from './findWaivers.js';
import { RulesUnavailableError } from './RulesUnavailableError.js';
import { selectSpecialRegimes } from './selectSpecialRegimes.js';
import type { ChargeKind, ChargeLine, Consignment, ImportCharges } from './types.js';
import { valueConsignment } from './valueConsignment.js';

/**
 * What a consignment owes at the destination's border, in the destination's currency, following
 * the rules in force on its date (see `rules/README.md`, "How to combine the rules"):
 * valuation → special regimes and de minimis → duty → tax base → tax → fees. Every line is
 * computed exactly and rounded once, half-up, to the currency's minor unit; totals are the exact
 * sums of the lines. Goods already in the destination's customs territory owe nothing.
 *
 * @throws RulesUnavailableError when the rules have no answer for that destination or date.
 */
export function computeImportCharges(consignment: Consignment, rules: LoadedRules, rates: ReferenceRates): ImportCharges {
  const currency = destinationCurrency(consignment.destination);
  if (currency === undefined || !rules.destinations.has(consignment.destination) || consignment.destination === 'EU') {
    throw new RulesUnavailableError('destination', `no customs rules for destination ${consignment.destination}`);
  }
  const inForce = rulesInForce(rules, consignment.destination, consignment.date);

  const domestic =
    consignment.origin === consignment.destination || (inForce.union !== undefined && tradingParty(consignment.origin) === inForce.union);
  if (consignment.alreadyImported || domestic) return settled(consignment, currency, domestic);

  const valuation = valueConsignment(consignment, inForce, currency, rates);
  const regimes = selectSpecialRegimes(consignment, inForce, valuation);
  const waivers = findWaivers(consignment, inForce, valuation);
  const duty = assessDuty(consignment, inForce, valuation, regimes, waivers, rates);
  const lines = [...duty.lines, ...assessTaxes(inForce, valuation, regimes, waivers, duty), ...assessFees(inForce, valuation, rates)];
  return summarize(lines, currency, consignment.date, {
    deMinimisApplied: waivers.duty !== undefined || waivers.tax !== undefined,
    collectedAtSale: regimes.collectedAtSale !== undefined,
  });
}

function rulesInForce(rules: LoadedRules, destination: string, date: string): RulesInForce {
  try {
    return rules.rulesAt(destination, new Date(`${date}T00:00:00Z`));
  } catch (error) {
    // rulesAt refuses a day with no valuation rule: before the period the data vouches for.
    throw new RulesUnavailableError(
      'date',
      `no customs rules for ${destination} on ${date}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Goods shipped from stock already in the country (or within the EU customs union) cross no
 * customs border at delivery: one zero line says why, citing the delivery mode, not a rule.
 */
function settled(consignment: Consignment, currency: CurrencyCode, domestic: boolean): ImportCharges {
  const line: ChargeLine = {
    kind: 'FEE',
    description: domestic
      ? `No import: ${consignment.origin} and ${consignment.destination} are in the same customs territory`
      : 'No import at delivery: the goods ship from stock already in the destination country',
    amount: fromMinor(0n, currency),
    formula: domestic ? 'no customs border crossed' : 'duties settled at the bulk import',
    source: domestic ? 'domestic or intra-union delivery' : 'alreadyImported (overseas warehouse or domestic stock)',
  };
  return summarize([line], currency, consignment.date, { deMinimisApplied: false, collectedAtSale: false });
}

function summarize(
  lines: readonly ChargeLine[],
  currency: CurrencyCode,
  rulesDate: string,
  flags: { deMinimisApplied: boolean; collectedAtSale: boolean },
): ImportCharges {
  const sum = (kind?: ChargeKind) =>
    fromMinor(
      lines.filter((line) => kind === undefined || line.kind === kind).reduce((total, line) => total + line.amount.minor, 0n),
      currency,
    );
  return { duties: sum('DUTY'), taxes: sum('TAX'), fees: sum('FEE'), total: sum(), lines, rulesDate, ...flags };
}
