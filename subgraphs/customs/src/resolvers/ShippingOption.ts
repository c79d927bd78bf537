import type { ShippingOptionResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import type { Consignment, ImportCharges } from '../importCharges/types.js';
import type { ShippingOptionRepresentation } from '../models.js';
import { computeWithRates } from './computeWithRates.js';
import { consignmentFromRepresentation } from './consignmentFromRepresentation.js';
import { quoteBasisOf } from './quoteBasisOf.js';
import { restrictedCharges } from './restrictedCharges.js';

/**
 * Customs extends logistics' ShippingOption. The representation already carries everything the
 * charges depend on (`@requires`), so resolving a reference is the representation itself and a
 * page of 50 options costs no upstream call beyond one (cached) set of reference rates.
 */
export const ShippingOption: ShippingOptionResolvers<Context> = {
  __resolveReference: (representation) => representation,
  async importCharges(option, _args, context) {
    const { consignment, charges } = await chargesOf(option, context);
    return restrictedCharges(charges, consignment, [option.consignment?.containsLithiumBattery === true]);
  },
  async quoteBasis(option, _args, context) {
    const { consignment, charges } = await chargesOf(option, context);
    return quoteBasisOf(option, consignment, charges);
  },
};

interface Charged {
  readonly consignment: Consignment;
  readonly charges: ImportCharges;
}

// A client's `importCharges` and payments' `quoteBasis` of one option come in one `_entities`
// call, on the same representation object: its charges are computed once for both.
const charged = new WeakMap<ShippingOptionRepresentation, Promise<Charged>>();

function chargesOf(option: ShippingOptionRepresentation, context: Context): Promise<Charged> {
  let found = charged.get(option);
  if (found === undefined) {
    found = (async () => {
      const consignment = consignmentFromRepresentation(option, context.today());
      return { consignment, charges: await computeWithRates(consignment, context, null) };
    })();
    charged.set(option, found);
  }
  return found;
}
