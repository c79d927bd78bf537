import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import { addMoney } from '#packages/money/index.js';
import { describeClassification } from '../importCharges/describeClassification.js';
import type { Consignment, ImportCharges } from '../importCharges/types.js';
import type { QuoteBasisModel, ShippingOptionRepresentation } from '../models.js';
import { declarationRequirementsFor } from './restrictedCharges.js';

/**
 * What payments' landed cost reads of a shipping option (`ShippingOption.quoteBasis`): the option's
 * parties, goods value, cost and transit days as logistics sent them, and the charges as amounts with
 * their parties, without the explanations, rates and restrictions `importCharges` gives clients. The
 * region is the one whose taxes were applied, else the one the buyer named; the HS code note is the
 * duty line's own.
 */
export function quoteBasisOf(option: ShippingOptionRepresentation, consignment: Consignment, charges: ImportCharges): QuoteBasisModel {
  const { declaration } = charges;
  const item = consignment.items[0]!;
  const { shipping, postBorderTransport } = consignment;
  if (option.transitDays === undefined || shipping === undefined) {
    throw new GraphQLError(`ShippingOption ${option.id}: the representation lacks cost or transitDays (the @requires fields)`, {
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
  }
  return {
    originCountry: consignment.origin,
    destinationCountry: consignment.destination,
    region: charges.region ?? consignment.region ?? null,
    goodsValue: item.value,
    // the option's whole cost again: customs split the last mile off it for the customs value
    cost: postBorderTransport === undefined ? shipping : addMoney(shipping, postBorderTransport),
    transitDays: { min: option.transitDays.min, max: option.transitDays.max },
    deMinimisApplied: charges.deMinimisApplied,
    rulesDate: charges.rulesDate,
    hsCodeNote: describeClassification(item) || null,
    charges: charges.lines,
    customsValue: declaration?.customsValue ?? null,
    valuationBasis: declaration?.valuationBasis ?? null,
    productIdentifiersRequired:
      declaration !== null &&
      declarationRequirementsFor(consignment).some((requirement) => requirement.fields.includes('productIdentifiers')),
  };
}
