import { renamedCountryInput, userInputError } from '#packages/errors/index.js';
import { parseCountryOrRegion } from '#packages/scalars/index.js';
import type { OfferResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import type { OfferModel } from '../models.js';
import { askCarriers } from '../shipping/askCarriers.js';
import {
  applyRestrictions,
  prohibitedServices,
  restrictionsByMode,
  restrictionsWhileWaiting,
  today,
} from '../shipping/checkRestrictions.js';
import { listShippingRestrictions } from '../shipping/listShippingRestrictions.js';
import { planShippingOptions } from '../shipping/planShippingOptions.js';
import { readOfferFacts } from '../shipping/readOfferFacts.js';

/** Most items of one offer quoted as one consignment. */
export const MAX_QUANTITY = 999;

export const Offer: OfferResolvers<Context> = {
  // Everything logistics needs about an offer arrives in the representation (`@requires`).
  __resolveReference: (reference): OfferModel => reference,
  id: (offer) => offer.id,

  async shippingOptions(offer, { destinationCountry, to, quantity }, context) {
    checkQuantity(quantity);
    const facts = readOfferFacts(offer);
    const price = facts.price;
    if (price === undefined)
      throw userInputError(`representations[Offer ${offer.id}].price: required for shippingOptions`, 'representations');
    const place = destinationOf(destinationCountry, to);
    const date = today();
    const asking = askCarriers(facts, place.country, quantity, context);
    const restrictions = restrictionsWhileWaiting(context.restrictions, facts, place.country, date);
    const answers = await asking;
    const clearing = [...answers.doorToDoor, ...answers.lineHaul].map((answer) => answer.carrier.id);
    const tables = await Promise.all(clearing.map((id) => context.clearanceFees.forCarrier(id)));
    const planned = planShippingOptions(
      offer,
      { ...facts, price },
      place,
      quantity,
      answers,
      tables.filter((table) => table !== undefined),
    );
    return applyRestrictions(planned, facts, context.restrictions, date, await restrictions).allowed;
  },

  async shippingRestrictions(offer, { destinationCountry, to, quantity }, context) {
    checkQuantity(quantity);
    const facts = readOfferFacts(offer);
    const answers = await askCarriers(facts, destinationOf(destinationCountry, to).country, quantity, context);
    return [...prohibitedServices(answers, facts, context.restrictions, today()), ...listShippingRestrictions(answers)];
  },

  restrictions(offer, { destinationCountry, to }, context) {
    return restrictionsByMode(context.restrictions, readOfferFacts(offer), destinationOf(destinationCountry, to).country, today());
  },
};

/**
 * The destination is a country or one of its subdivisions (the scalar checked it); carriers rate the
 * country. It is named `destinationCountry`, or `to` by clients from before that name (deprecated).
 */
function destinationOf(
  destinationCountry: string | null | undefined,
  to: string | null | undefined,
): { country: string; region: string | null } {
  const { value: given, path: argument } = renamedCountryInput(destinationCountry, 'destinationCountry', to, 'to');
  const place = parseCountryOrRegion(given);
  if ('problem' in place) throw userInputError(`${argument}: ${place.problem}`, argument);
  return { country: place.country, region: place.region ?? null };
}

function checkQuantity(quantity: number): void {
  if (quantity < 1 || quantity > MAX_QUANTITY)
    throw userInputError(`quantity: must be from 1 to ${MAX_QUANTITY} (got ${quantity})`, 'quantity');
}
