import { compareMoney, type Money } from '#packages/money/index.js';
import type { CarrierInfo, ClearanceFeeTable, RateQuote } from '../adapters/ports.js';
import type { OfferModel } from '../models.js';
import type { CarrierAnswer, CarrierAnswers } from './askCarriers.js';
import { buildShippingOption, type PlannedLeg, type PlannedShippingOption } from './buildShippingOption.js';
import { compareShippingOptions } from './compareShippingOptions.js';
import type { OfferFacts } from './readOfferFacts.js';

/**
 * Every way the carriers' answers let the offer travel, cheapest first:
 * - door-to-door quotes (POSTAL, EXPRESS), one leg from the origin;
 * - DOMESTIC when seller and buyer share a country, one last-mile leg;
 * - OVERSEAS_WAREHOUSE when the offer is stocked in the destination, one last-mile leg;
 * - DEDICATED_LINE: each line haul joined to the cheapest last mile in its billing currency.
 */
export function planShippingOptions(
  offer: OfferModel,
  facts: OfferFacts & { readonly price: Money },
  destination: { readonly country: string; readonly region: string | null },
  quantity: number,
  answers: CarrierAnswers,
  feeTables: readonly ClearanceFeeTable[] = [],
): PlannedShippingOption[] {
  const origin = facts.originCountry;
  const to = destination.country;
  const options: PlannedShippingOption[] = [];
  const add = (mode: PlannedShippingOption['mode'], legs: readonly [PlannedLeg, ...PlannedLeg[]], alreadyImported: boolean) =>
    options.push(buildShippingOption({ offer, facts, to, region: destination.region, quantity, mode, legs, alreadyImported, feeTables }));

  for (const { carrier, answer } of answers.doorToDoor) {
    for (const quote of answer.quotes) add(quote.mode, [{ carrier, quote, mode: quote.mode, from: origin, to }], false);
  }
  for (const { carrier, answer } of answers.lastMile) {
    for (const quote of answer.quotes) {
      if (answers.domestic) add('DOMESTIC', [{ carrier, quote, mode: 'DOMESTIC', from: to, to }], true);
      if (answers.stockedAtDestination) add('OVERSEAS_WAREHOUSE', [{ carrier, quote, mode: 'OVERSEAS_WAREHOUSE', from: to, to }], true);
    }
  }
  for (const { carrier, answer } of answers.lineHaul) {
    for (const quote of answer.quotes) {
      const lastMile = cheapestLastMile(answers.lastMile, quote.cost.currency);
      if (lastMile === undefined) continue; // listed in shippingRestrictions
      add(
        'DEDICATED_LINE',
        [
          { carrier, quote, mode: 'DEDICATED_LINE', from: origin, to },
          { carrier: lastMile.carrier, quote: lastMile.quote, mode: 'DOMESTIC', from: to, to },
        ],
        false,
      );
    }
  }
  return options.sort(compareShippingOptions);
}

/**
 * The cheapest last-mile quote billed in `currency`, then the fastest. Legs in another currency
 * cannot be added up without FX, which logistics does not do.
 */
export function cheapestLastMile(
  lastMile: readonly CarrierAnswer[],
  currency: string,
): { carrier: CarrierInfo; quote: RateQuote } | undefined {
  return lastMile
    .flatMap(({ carrier, answer }) => answer.quotes.map((quote) => ({ carrier, quote })))
    .filter(({ quote }) => quote.cost.currency === currency)
    .sort((a, b) => compareMoney(a.quote.cost, b.quote.cost) || a.quote.transitDays.max - b.quote.transitDays.max)[0];
}
