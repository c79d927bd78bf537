import {
  citeSource,
  documentRequirementsFor,
  loadRestrictions,
  SOURCE_STATUS,
  type DocumentRequirement,
} from '#packages/restrictions/index.js';
import { findRestrictions } from '../importCharges/findRestrictions.js';
import type { Consignment, ImportCharges } from '../importCharges/types.js';
import type { ImportChargesModel } from '../models.js';

/**
 * The charges as the API gives them: with what restricts the goods on the lane by the consignment's
 * mode, and the declaration's facts with the data the destination requires on it. Both are worked
 * out when first read, not before: a search's quote reads each option's amounts only, and 42 options
 * of restrictions and declaration requirements nobody asked for were customs' own work per search.
 *
 * @param lithium per item, whether it contains a lithium battery.
 */
export function restrictedCharges(charges: ImportCharges, consignment: Consignment, lithium: readonly boolean[]): ImportChargesModel {
  let restrictions: ImportChargesModel['restrictions'] | undefined;
  let declaration: ImportChargesModel['declaration'] | undefined;
  return {
    ...charges,
    get restrictions() {
      return (restrictions ??= findRestrictions(consignment, lithium));
    },
    get declaration() {
      if (declaration === undefined) declaration = declarationOf(charges, consignment);
      return declaration;
    },
  };
}

function declarationOf(charges: ImportCharges, consignment: Consignment): ImportChargesModel['declaration'] {
  if (charges.declaration === null) return null;
  return {
    ...charges.declaration,
    requirements: declarationRequirementsFor(consignment).map((line) => ({
      rule: line.id,
      fields: line.fields,
      reason: line.reason,
      source: citeSource(line.source),
      sourceStatus: SOURCE_STATUS[line.source.status],
    })),
  };
}

/** The data the destination requires on the consignment's declaration besides the usual, by lane and mode. */
export function declarationRequirementsFor(consignment: Consignment): DocumentRequirement[] {
  return documentRequirementsFor(loadRestrictions(), {
    destination: consignment.destination,
    origin: consignment.origin,
    mode: consignment.mode,
    hsCode: null,
    containsLithiumBattery: false,
    date: consignment.date,
  });
}
