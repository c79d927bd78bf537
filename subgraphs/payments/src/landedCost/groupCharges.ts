import { addMoney, type Money } from '#packages/money/index.js';
import type { QuoteCharge } from '#packages/quotes/index.js';
import type { CustomsLine } from './readShippingOption.js';

/** A customs charge group before conversion. */
export type ChargeGroup = Omit<QuoteCharge, 'converted'>;

const KIND_NAMES: Record<QuoteCharge['kind'], string> = { DUTY: 'Import duties', TAX: 'Taxes', FEE: 'Import fees' };

/**
 * Customs' lines grouped by kind, collection point, remitter and payer: each group becomes one part
 * of the quote, converted once, so a DUTY on delivery and a TAX at checkout stay apart while ten
 * zero lines of one kind do not make ten lines. Lines of zero are kept only when their group has
 * nothing else (the quote still says "no duty").
 */
export function groupCharges(lines: readonly CustomsLine[], destination: string): ChargeGroup[] {
  const groups = new Map<string, { line: CustomsLine; amount: Money }>();
  for (const line of lines) {
    const key = [line.kind, line.collectedAt, line.remitter, line.paidBy].join('|');
    const found = groups.get(key);
    groups.set(key, { line: found?.line ?? line, amount: found ? addMoney(found.amount, line.amount) : line.amount });
  }
  return [...groups.values()].map(({ line, amount }) => ({
    kind: line.kind,
    collectedAt: line.collectedAt,
    remitter: line.remitter,
    paidBy: line.paidBy,
    original: amount,
    label: `${KIND_NAMES[line.kind]} in ${destination}, ${describeCollection(line)}`,
  }));
}

function describeCollection(line: CustomsLine): string {
  const who = line.remitter.toLowerCase();
  if (line.paidBy === 'SELLER') return `borne by the seller (remitted by the ${who})`;
  switch (line.collectedAt) {
    case 'CHECKOUT':
      return `charged at checkout (remitted by the ${who})`;
    case 'BORDER':
      return `paid at the border (by the ${who})`;
    case 'DELIVERY':
      return `collected on delivery (advanced by the ${who})`;
  }
}
