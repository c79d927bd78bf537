import type { Quote, QuoteCharge } from '#packages/quotes/index.js';
import { CARD_FX_TAXES, citationOf, inForceOn } from './paymentLaw.js';

const KIND_NAMES: Record<QuoteCharge['kind'], string> = { DUTY: 'Import duties', TAX: 'Taxes', FEE: 'Import fees' };

/** What the quote needs of a fresh search to word a customs charge fully (a token has neither). */
export interface CustomsDetail {
  readonly deMinimisApplied: boolean;
  /** Where the HS code came from when it was not the seller's; empty otherwise. */
  readonly hsCodeNote: string;
  readonly rulesDate: string;
}

/**
 * A charge line's wording, derived from the charge's own fields: a customs group by its kind,
 * destination, collection point, remitter and payer; a payment-law charge by its rule, as in force
 * on the day the quote was issued, levied on what the buyer puts on the card.
 */
export function describeCharge(
  charge: QuoteCharge,
  quote: Quote,
  customs: CustomsDetail | undefined,
): { description: string; source: string } {
  if (charge.rule === undefined) {
    const duty = charge.kind === 'DUTY';
    return {
      description:
        `${KIND_NAMES[charge.kind]} in ${quote.destinationCountry}, ${describeCollection(charge)}` +
        (duty && customs?.deMinimisApplied ? ' (de minimis applied)' : '') +
        (duty && customs?.hsCodeNote ? ` — ${customs.hsCodeNote}` : ''),
      source: customs ? `customs rules of ${customs.rulesDate}; each line in importCharges.lines` : 'customs, as quoted',
    };
  }
  const tax = inForceOn(CARD_FX_TAXES, quote.issuedAt.slice(0, 10), (rule) => rule.id === charge.rule);
  if (tax === undefined) return { description: `${charge.rule} on a card payment abroad`, source: 'payment law' };
  const fee = quote.paymentFee;
  const charged = fee.base.minor + (fee.paidBy === 'BUYER' ? fee.fee.minor : 0n);
  return {
    description: `IOF ${tax.rateBp / 100}% on a card payment abroad, charged by the card issuer on ${charged === 0n ? '0' : 'the amount charged'}`,
    source: citationOf(tax),
  };
}

function describeCollection(charge: QuoteCharge): string {
  const who = (charge.remitter ?? 'buyer').toLowerCase();
  if (charge.paidBy === 'SELLER') return `borne by the seller (remitted by the ${who})`;
  switch (charge.collectedAt) {
    case 'CHECKOUT':
      return `charged at checkout (remitted by the ${who})`;
    case 'BORDER':
      return `paid at the border (by the ${who})`;
    case 'DELIVERY':
      return `collected on delivery (advanced by the ${who})`;
  }
}
