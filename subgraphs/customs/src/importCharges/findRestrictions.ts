import { evaluateRestrictions, loadRestrictions, type AppliedRestriction } from '#packages/restrictions/index.js';
import type { Consignment, CustomsMode } from './types.js';

/** A restriction as `ImportCharges.restrictions` gives it: the consignment's own mode. */
export interface ConsignmentRestriction extends AppliedRestriction {
  readonly modes: readonly CustomsMode[];
}

/**
 * The restrictions on the consignment's goods for its destination, origin and customs mode on its
 * rules date (`packages/restrictions`), one per rule across its items, PROHIBITED first. None when the
 * goods are already imported (no border is crossed at delivery).
 *
 * @param lithium per item, whether it contains a lithium battery (posts admit batteries only installed in equipment).
 */
export function findRestrictions(consignment: Consignment, lithium: readonly boolean[]): ConsignmentRestriction[] {
  if (consignment.alreadyImported) return [];
  const byRule = new Map<string, ConsignmentRestriction>();
  consignment.items.forEach((item, index) => {
    const found = evaluateRestrictions(loadRestrictions(), {
      destination: consignment.destination,
      origin: consignment.origin,
      mode: consignment.mode,
      hsCode: item.hsCode === '' ? null : item.hsCode,
      containsLithiumBattery: lithium[index] ?? false,
      date: consignment.date,
    });
    for (const restriction of found)
      if (!byRule.has(restriction.rule)) byRule.set(restriction.rule, { ...restriction, modes: [consignment.mode] });
  });
  return [...byRule.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'PROHIBITED' ? -1 : 1));
}
