import type { Channel } from '../../rules/types.js';
import type { CollectedAt, Consignment, CustomsMode, Payer, Remitter } from './types.js';

/** When a charge is collected, who remits it, and whose money it is. */
export interface ChargeParties {
  readonly collectedAt: CollectedAt;
  readonly remitter: Remitter;
  readonly paidBy: Payer;
}

/**
 * Charges assessed at import. Under DDP the seller's side pays them to customs at the border
 * (through its carrier as declarant) and the buyer owes nothing on delivery; under every other
 * Incoterm the carrier advances them at the border and collects them from the buyer on delivery.
 */
export function borderParties(consignment: Pick<Consignment, 'incoterm'>): ChargeParties {
  return consignment.incoterm === 'DDP'
    ? { collectedAt: 'BORDER', remitter: 'CARRIER', paidBy: 'SELLER' }
    : { collectedAt: 'DELIVERY', remitter: 'CARRIER', paidBy: 'BUYER' };
}

/** A tax charged at the sale, with the price: the buyer pays it at checkout to whoever remits it. */
export function checkoutParties(remitter: Remitter): ChargeParties {
  return { collectedAt: 'CHECKOUT', remitter, paidBy: 'BUYER' };
}

/** Whether a rule limited to a channel covers a consignment declared through `mode`. */
export function channelMatches(channel: Channel | undefined, mode: CustomsMode): boolean {
  switch (channel) {
    case undefined:
    case 'any':
      return true;
    case 'courier':
      return mode === 'EXPRESS';
    case 'post':
      return mode === 'POSTAL';
    case 'air-or-post':
      return mode !== 'FREIGHT';
    case 'freight':
      return mode === 'FREIGHT';
  }
}
