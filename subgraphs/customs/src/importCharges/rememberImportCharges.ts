import { BoundedMap } from '#packages/cache/index.js';
import type { ReferenceRates } from '#packages/fx/index.js';
import type { LoadedRules } from '../../rules/loadRules.js';
import { computeImportCharges } from './computeImportCharges.js';
import type { Consignment, ImportCharges } from './types.js';

/** Consignments remembered per set of rules and rates: a few hundred search pages' options. */
const CAPACITY = 10_000;

const remembered = new WeakMap<LoadedRules, WeakMap<ReferenceRates, Map<string, ImportCharges>>>();

/**
 * `computeImportCharges`, remembering its answers: charges are a function of the consignment, the
 * rules and the rates alone, and the same options come back search after search (every buyer who
 * looks at an offer gets the same consignments to the same country on the same day). Keyed by the
 * rules and rates objects themselves, so new rates (a new day, a new month's customs rate) start
 * afresh and the old answers go with them. The oldest answers are forgotten first once full.
 * Refusals (no rules, no rate) are not remembered: they are thrown again each time.
 */
export function rememberImportCharges(consignment: Consignment, rules: LoadedRules, rates: ReferenceRates): ImportCharges {
  let byRates = remembered.get(rules);
  if (byRates === undefined) {
    byRates = new WeakMap();
    remembered.set(rules, byRates);
  }
  let answers = byRates.get(rates);
  if (answers === undefined) {
    answers = new BoundedMap(CAPACITY);
    byRates.set(rates, answers);
  }
  const key = JSON.stringify(consignment, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  let charges = answers.get(key);
  if (charges === undefined) {
    charges = computeImportCharges(consignment, rules, rates);
    answers.set(key, charges);
  }
  return charges;
}
