import { fromMinor, toMoneyOutput, type Money } from '#packages/money/index.js';
import type { QuoteParts } from '#packages/quotes/index.js';
import type { AppliedReturnPolicy, RefundLine, ReturnReason } from './ReturnRecord.js';

/** Every reason but a change of mind means the goods were not what the buyer was owed. */
export const sellerAtFault = (reason: ReturnReason): boolean => reason !== 'CHANGED_MIND';

/**
 * What the seller's policy gives back for `quantity` of `ordered` units, exactly, in the quote's
 * currency (the buyer's, the payment's), line by line:
 * - GOODS: the goods' share of what the buyer paid for them, `item × quantity ÷ ordered`;
 * - SHIPPING: the outbound shipping's share, only when the seller is at fault (faulty, damaged,
 *   not as described, wrong item): a buyer who changed their mind keeps the delivery they had;
 * - RESTOCKING_FEE: kept back, only on a change of mind, `goods × restockingFeeBp ÷ 10000`.
 * Shares are rounded down to the minor unit once per line, so a part refund never exceeds its
 * share, and the restocking fee is rounded down too: both in the buyer's favour at most by one
 * minor unit. Import duties and taxes are not the seller's to refund: customs' relief says whether
 * the destination repays them. The payment fee is not refunded.
 */
export function refundOf(
  parts: Pick<QuoteParts, 'item' | 'shipping'>,
  quantity: number,
  ordered: number,
  reason: ReturnReason,
  policy: AppliedReturnPolicy,
): { lines: RefundLine[]; total: Money } {
  const share = (money: Money): Money => fromMinor((money.minor * BigInt(quantity)) / BigInt(ordered), money.currency);
  const goods = share(parts.item);
  const lines: Array<{ kind: RefundLine['kind']; money: Money; description: string }> = [
    { kind: 'GOODS', money: goods, description: `${quantity} of ${ordered} units: the goods' share of the price paid` },
  ];
  if (sellerAtFault(reason)) {
    lines.push({ kind: 'SHIPPING', money: share(parts.shipping), description: `outbound shipping refunded: the goods were ${reason}` });
  } else if (policy.restockingFeeBp > 0) {
    const fee = (goods.minor * BigInt(policy.restockingFeeBp)) / 10_000n;
    lines.push({
      kind: 'RESTOCKING_FEE',
      money: fromMinor(-fee, goods.currency),
      description: `the seller's restocking fee of ${policy.restockingFeeBp / 100} % on a change of mind`,
    });
  }
  const total = fromMinor(
    lines.reduce((sum, line) => sum + line.money.minor, 0n),
    goods.currency,
  );
  return {
    lines: lines.map((line) => ({ kind: line.kind, amount: toMoneyOutput(line.money), description: line.description })),
    total,
  };
}
