import { evaluateRestrictions, isProhibited, type RestrictionRules } from '#packages/restrictions/index.js';
import type { OfferRecord } from '../adapters/ports.js';

const CUSTOMS_MODES = ['POSTAL', 'EXPRESS', 'FREIGHT'] as const;

/**
 * True when no customs mode may carry the offer to `to`: a PROHIBITED restriction for post, courier
 * and freight alike (e.g. goods off China's cross-border retail positive list). Whether a carrier
 * serves the lane is logistics' business, not the catalog's: only the law is checked here. Goods
 * already in `to` (seller there, or stocked in a warehouse there) cross no border.
 */
export function cannotReach(offer: OfferRecord, to: string, hsCode: string | null, rules: RestrictionRules, date: string): boolean {
  if (offer.originCountry === to || offer.warehouseCountries.includes(to)) return false;
  return CUSTOMS_MODES.every((mode) =>
    isProhibited(
      evaluateRestrictions(rules, {
        destination: to,
        origin: offer.originCountry,
        mode,
        hsCode,
        containsLithiumBattery: offer.containsLithiumBattery,
        date,
      }),
    ),
  );
}
