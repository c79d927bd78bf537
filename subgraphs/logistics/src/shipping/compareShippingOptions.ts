import { compareMoney } from '#packages/money/index.js';
import type { PlannedShippingOption } from './buildShippingOption.js';

/**
 * Cheapest first, then fastest, then by id so equal options keep one order. Logistics does no
 * currency conversion (payments owns FX): every sandbox carrier bills in USD, so costs compare
 * directly. Should a carrier bill in another currency, options are grouped by currency code and
 * ordered cheapest first within each group, rather than compared at a made-up rate.
 */
export function compareShippingOptions(a: PlannedShippingOption, b: PlannedShippingOption): number {
  if (a.cost.currency !== b.cost.currency) return a.cost.currency < b.cost.currency ? -1 : 1;
  return compareMoney(a.cost, b.cost) || a.transitDays.max - b.transitDays.max || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
