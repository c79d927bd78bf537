import { addMoney, type Money } from '#packages/money/index.js';
import type { QuoteCharge } from '#packages/quotes/index.js';
import type { CustomsLine } from './readShippingOption.js';

/** A customs charge group before conversion. */
export type ChargeGroup = Omit<QuoteCharge, 'converted' | 'rule'>;

/**
 * Customs' lines grouped by kind, collection point, remitter and payer: each group becomes one part
 * of the quote, converted once, so a DUTY on delivery and a TAX at checkout stay apart while ten
 * zero lines of one kind do not make ten lines. Lines of zero are kept only when their group has
 * nothing else (the quote still says "no duty").
 */
export function groupCharges(lines: readonly CustomsLine[]): ChargeGroup[] {
  const groups = new Map<string, { line: CustomsLine; amount: Money }>();
  for (const line of lines) {
    const key = `${line.kind}|${line.collectedAt}|${line.remitter}|${line.paidBy}`;
    const found = groups.get(key);
    groups.set(key, { line: found?.line ?? line, amount: found ? addMoney(found.amount, line.amount) : line.amount });
  }
  return [...groups.values()].map(({ line, amount }) => ({
    kind: line.kind,
    collectedAt: line.collectedAt,
    remitter: line.remitter,
    paidBy: line.paidBy,
    original: amount,
  }));
}
