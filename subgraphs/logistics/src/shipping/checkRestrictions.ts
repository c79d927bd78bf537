import { evaluateRestrictions, type RestrictionRules } from '#packages/restrictions/index.js';
import type { CustomsMode, RestrictionModel, ShippingOptionModel, ShippingRestrictionModel } from '../models.js';
import type { CarrierAnswers } from './askCarriers.js';
import { CUSTOMS_MODE, type PlannedShippingOption } from './buildShippingOption.js';
import type { OfferFacts } from './readOfferFacts.js';

const CUSTOMS_MODES: readonly CustomsMode[] = ['POSTAL', 'EXPRESS', 'FREIGHT'];

/** The day whose restrictions apply: today, in UTC (the rules are effective-dated by calendar day). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The restrictions on sending the offer to `to` by one customs mode (none when no border is crossed). */
export function restrictionsFor(
  rules: RestrictionRules,
  facts: OfferFacts,
  to: string,
  mode: CustomsMode | null,
  date: string,
): RestrictionModel[] {
  return evaluateRestrictions(rules, {
    destination: to,
    origin: facts.originCountry,
    mode,
    hsCode: facts.classification.hsCode,
    containsLithiumBattery: facts.containsLithiumBattery,
    date,
  }).map((restriction) => ({ ...restriction, modes: mode === null ? [] : [mode] }));
}

/** Restrictions already worked out, by `destination|customsMode` (see `restrictionsWhileWaiting`). */
export type KnownRestrictions = ReadonlyMap<string, RestrictionModel[]>;

/**
 * The restrictions on sending the offer to `to` by every customs mode (and none, for goods already
 * in the country), worked out once the calls of the current tick have gone out (`setImmediate`):
 * what restricts goods depends on the lane and the mode only, so it is ready by the time the
 * carriers answer instead of being evaluated after their last answer, on the quote's critical path.
 */
export function restrictionsWhileWaiting(rules: RestrictionRules, facts: OfferFacts, to: string, date: string): Promise<KnownRestrictions> {
  return new Promise((resolve) =>
    setImmediate(() => {
      const known = new Map<string, RestrictionModel[]>();
      for (const mode of [...CUSTOMS_MODES, null]) known.set(`${to}|${mode}`, restrictionsFor(rules, facts, to, mode, date));
      resolve(known);
    }),
  );
}

/**
 * Splits planned options into those that may go, each with the conditions it ships under, and a
 * refusal line for each one a PROHIBITED restriction forbids: an option that may not go is not
 * offered, so it is never priced.
 *
 * @param known restrictions already worked out for the lane (`restrictionsWhileWaiting`); the rest are worked out here.
 */
export function applyRestrictions(
  planned: readonly PlannedShippingOption[],
  facts: OfferFacts,
  rules: RestrictionRules,
  date: string,
  known: KnownRestrictions = new Map(),
): { allowed: ShippingOptionModel[]; refused: ShippingRestrictionModel[] } {
  const allowed: ShippingOptionModel[] = [];
  const refused: ShippingRestrictionModel[] = [];
  // What restricts the goods depends on the lane and the customs mode, not on the carrier: once per mode.
  const byMode = new Map<string, RestrictionModel[]>(known);
  for (const option of planned) {
    const consignment = option.consignment;
    const key = `${consignment.destinationCountry}|${consignment.customsMode}`;
    let restrictions = byMode.get(key);
    if (restrictions === undefined) {
      restrictions = restrictionsFor(rules, facts, consignment.destinationCountry, consignment.customsMode, date);
      byMode.set(key, restrictions);
    }
    const prohibition = restrictions.find((restriction) => restriction.kind === 'PROHIBITED');
    if (prohibition === undefined) allowed.push({ ...option, restrictions });
    else refused.push({ carrier: option.carrier, mode: option.mode, reason: prohibition.reason, restriction: prohibition });
  }
  return { allowed, refused };
}

/**
 * Every restriction on sending the offer to `to`, whatever the carriers say: each customs mode is
 * checked, and a rule found for several modes is listed once with all of them.
 */
export function restrictionsByMode(rules: RestrictionRules, facts: OfferFacts, to: string, date: string): RestrictionModel[] {
  const domestic = facts.originCountry === to;
  if (domestic) return [];
  const byRule = new Map<string, RestrictionModel>();
  for (const mode of CUSTOMS_MODES) {
    for (const restriction of restrictionsFor(rules, facts, to, mode, date)) {
      const seen = byRule.get(restriction.rule);
      byRule.set(restriction.rule, seen === undefined ? restriction : { ...seen, modes: [...seen.modes, mode] });
    }
  }
  return [...byRule.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'PROHIBITED' ? -1 : 1));
}

/**
 * For `Offer.shippingRestrictions`: one line per carrier service that crosses the border by a mode
 * a PROHIBITED restriction forbids, naming the rule (the options `shippingOptions` leaves out).
 */
export function prohibitedServices(
  answers: CarrierAnswers,
  facts: OfferFacts,
  rules: RestrictionRules,
  date: string,
): ShippingRestrictionModel[] {
  const refused: ShippingRestrictionModel[] = [];
  // Services the carriers quoted, and those they refused themselves: the law's reason is listed too.
  const crossing = [
    ...answers.doorToDoor.flatMap(({ carrier, answer }) => [...answer.quotes, ...answer.refusals].map(({ mode }) => ({ carrier, mode }))),
    ...answers.lineHaul.flatMap(({ carrier, answer }) =>
      [...answer.quotes, ...answer.refusals].map(() => ({ carrier, mode: 'DEDICATED_LINE' as const })),
    ),
  ];
  const seen = new Set<string>();
  for (const { carrier, mode } of crossing) {
    if (seen.has(`${carrier.id}:${mode}`)) continue;
    seen.add(`${carrier.id}:${mode}`);
    const prohibition = restrictionsFor(rules, facts, answers.crossBorder.to, CUSTOMS_MODE[mode], date).find(
      (restriction) => restriction.kind === 'PROHIBITED',
    );
    if (prohibition !== undefined) refused.push({ carrier, mode, reason: prohibition.reason, restriction: prohibition });
  }
  return refused;
}
