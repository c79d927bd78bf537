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
 * mode, and the declaration's facts with the data the destination requires on it.
 *
 * @param lithium per item, whether it contains a lithium battery.
 */
export function restrictedCharges(charges: ImportCharges, consignment: Consignment, lithium: readonly boolean[]): ImportChargesModel {
  const declaration =
    charges.declaration === null
      ? null
      : {
          ...charges.declaration,
          requirements: declarationRequirementsFor(consignment).map((line) => ({
            rule: line.id,
            fields: line.fields,
            reason: line.reason,
            source: citeSource(line.source),
            sourceStatus: SOURCE_STATUS[line.source.status],
          })),
        };
  return { ...charges, restrictions: findRestrictions(consignment, lithium), declaration };
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
