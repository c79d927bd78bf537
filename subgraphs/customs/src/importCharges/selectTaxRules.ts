import type { RulesInForce } from '../../rules/loadRules.js';
import type { TaxRule } from '../../rules/types.js';
import type { ValuedItem } from './valueConsignment.js';
import { matchesPrefix, ruleMoney } from './withinThreshold.js';

/** The taxes one item bears in one region: taxes before the main one (excise), the main one, those after (PST, QST). */
export interface ItemTaxes {
  readonly before: readonly TaxRule[];
  readonly main: TaxRule | undefined;
  readonly after: readonly TaxRule[];
}

/**
 * The tax rules for an item delivered to `region`: when a special regime assesses the consignment
 * under a tariff heading of its own (`heading`, IN 9804) and a rate is on file for that heading, that
 * rate; else a reduced rate whose HS prefixes (and unit-price limit) match, else the standard rate of
 * the region (HST in Ontario, a state's sales tax), else the country's; then every additional tax of
 * the region that covers the goods. Excise-like taxes that enter the main tax's base
 * (`inLaterTaxBases`) come first.
 */
export function selectTaxRules(rules: RulesInForce, item: ValuedItem, region: string | undefined, heading?: string): ItemTaxes {
  const inRegion = (rule: TaxRule) => rule.regions === undefined || (region !== undefined && rule.regions.includes(region));
  const regional = rules.taxes.filter(inRegion);
  const underHeading =
    heading === undefined ? undefined : regional.find((t) => t.scope === 'heading' && matchesPrefix(heading, t.hsPrefixes));
  const reduced = regional.find(
    (t) => t.scope === 'reduced' && matchesPrefix(item.hsCode, t.hsPrefixes) && underUnitLimit(t, item, rules.currency),
  );
  const standard = regional.filter((t) => t.scope === 'standard');
  const main = underHeading ?? reduced ?? standard.find((t) => t.regions !== undefined) ?? standard.find((t) => t.regions === undefined);
  const additional = regional.filter(
    (t) => t.scope === 'additional' && (t.hsPrefixes === undefined || matchesPrefix(item.hsCode, t.hsPrefixes)),
  );
  return {
    before: additional.filter((t) => t.inLaterTaxBases === true),
    main,
    after: additional.filter((t) => t.inLaterTaxBases !== true),
  };
}

/**
 * A reduced rate limited to cheap units covers an item only at or below that price, as its law words
 * the limit: NY clothing "less than" USD 110 (strictly), IN apparel "not exceeding" Rs 2,500 (inclusive).
 */
function underUnitLimit(rule: TaxRule, item: ValuedItem, currency: string): boolean {
  if (rule.maxUnitValue === undefined) return true;
  // Limits are written in the destination's own currency, the one items are valued in.
  if (rule.maxUnitValue.currency !== currency) return false;
  const limit = ruleMoney(rule.maxUnitValue).minor * BigInt(Math.max(1, item.quantity));
  return rule.maxUnitValueComparison === 'lte' ? item.goods <= limit : item.goods < limit;
}

/** The subdivision whose taxes apply: the buyer's, or the rules' default (named in the answer) where taxes depend on it. */
export function resolveRegion(rules: RulesInForce, region: string | undefined): { region: string | undefined; assumed: boolean } {
  if (region !== undefined) return { region, assumed: false };
  const regional = rules.taxes.some((t) => t.regions !== undefined);
  if (!regional || rules.defaultRegion === undefined) return { region: undefined, assumed: false };
  return { region: rules.defaultRegion.region, assumed: true };
}
