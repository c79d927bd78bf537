import { formatBp } from './exactAmount.js';
import type { Valuation } from './valueConsignment.js';

/**
 * A base as the sum it is made of, e.g. `(300.00 + 8.00)` (goods + freight), `(60% × 15000 + 1200)`
 * (JP personal use) or `(120.00 + 8.00 + 15.36)` (with duty in a tax base), so a formula can be
 * checked by hand. Freight is shown when the destination values CIF, or when `withFreight` says the
 * tax base takes it anyway (AU); `extra` amounts (duty) are added when not zero.
 */
export function describeCustomsValue(
  valuation: Valuation,
  indexes: readonly number[],
  options: { withFreight?: boolean; extra?: readonly bigint[] } = {},
): string {
  const items = indexes.map((i) => valuation.items[i]).filter((item) => item !== undefined);
  const goods = items.reduce((sum, item) => sum + item.goods, 0n);
  const freight = items.reduce((sum, item) => sum + item.freight, 0n);
  const parts = [
    valuation.personalUse ? `${formatBp(valuation.personalUse.factorBp)} × ${valuation.format(goods)}` : valuation.format(goods),
  ];
  if ((options.withFreight ?? valuation.cif) && freight > 0n) parts.push(valuation.format(freight));
  for (const amount of options.extra ?? []) if (amount > 0n) parts.push(valuation.format(amount));
  return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' + ')})`;
}
