import type { ShippingRestrictionModel } from '../models.js';
import type { CarrierAnswers } from './askCarriers.js';
import { cheapestLastMile } from './planShippingOptions.js';

/**
 * Why carriers will not carry the offer to the destination, one line per carrier refusal. Last-mile
 * refusals count only where the last mile is the whole journey (domestic, warehouse stock); for a
 * dedicated line they show as the line's restriction, since the line is what the buyer chose.
 * Carriers that failed are not listed: a failure is not a refusal, and it is logged.
 */
export function listShippingRestrictions(answers: CarrierAnswers): ShippingRestrictionModel[] {
  const restrictions: ShippingRestrictionModel[] = [];
  for (const { carrier, answer } of [...answers.doorToDoor, ...answers.lineHaul]) {
    for (const refusal of answer.refusals) restrictions.push({ carrier, mode: refusal.mode, reason: refusal.reason, restriction: null });
  }
  const localMode = answers.domestic ? 'DOMESTIC' : answers.stockedAtDestination ? 'OVERSEAS_WAREHOUSE' : undefined;
  if (localMode !== undefined) {
    for (const { carrier, answer } of answers.lastMile) {
      for (const refusal of answer.refusals) restrictions.push({ carrier, mode: localMode, reason: refusal.reason, restriction: null });
    }
  }
  const to = answers.local.to;
  for (const { carrier, answer } of answers.lineHaul) {
    const currencies = new Set(answer.quotes.map((quote) => quote.cost.currency));
    if (currencies.size === 0) continue; // refused, listed above
    if ([...currencies].some((currency) => cheapestLastMile(answers.lastMile, currency) !== undefined)) continue;
    const why = answers.lastMile.flatMap(({ carrier: local, answer: said }) =>
      said.refusals.map((refusal) => `${local.name}: ${refusal.reason}`),
    );
    restrictions.push({
      carrier,
      mode: 'DEDICATED_LINE',
      reason: `no last-mile carrier delivers from its hub in ${to}` + (why.length > 0 ? ` (${why.join('; ')})` : ''),
      restriction: null,
    });
  }
  return restrictions;
}
