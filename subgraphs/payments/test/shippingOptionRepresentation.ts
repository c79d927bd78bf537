import { describeHsCodeOrigin } from '#packages/hs/index.js';
import { currencyCode, fromMinor, toDecimalString } from '#packages/money/index.js';

type CollectedAt = 'CHECKOUT' | 'BORDER' | 'DELIVERY';

/** A `ShippingOption` representation as the router sends it to payments, with customs' `quoteBasis` (`@requires`). */
export interface OptionSpec {
  id: string;
  from: string;
  to: string;
  goods: [amount: string, currency: string];
  shipping: [amount: string, currency: string];
  /** Duties, taxes and import fees, in the destination's currency. */
  duties: string;
  taxes: string;
  fees?: string;
  importCurrency: string;
  /** Where the taxes are collected: CHECKOUT (low-value regimes, by the marketplace) or DELIVERY (default, by the carrier). */
  taxesAt?: CollectedAt;
  /** A charge the seller bears (FR small-parcel tax), in the destination's currency. */
  sellerFee?: string;
  region?: string;
  /** The consignment's HS code as the catalog resolved it; default a code the seller declared. */
  hsCode?: { code: string | null; status: 'DECLARED' | 'SUGGESTED' | 'INVALID' | 'UNKNOWN'; confidence?: number; rejected?: string };
}

export function shippingOptionRepresentation(spec: OptionSpec) {
  const money = (amount: string, currency: string) => ({ amount, currency });
  const importMoney = (amount: string) => money(amount, spec.importCurrency);
  const fees = spec.fees ?? toDecimalString(fromMinor(0n, currencyCode(spec.importCurrency)));
  const line = (kind: string, amount: string, collectedAt: CollectedAt, remitter: string, paidBy = 'BUYER') => ({
    kind,
    amount: importMoney(amount),
    collectedAt,
    remitter,
    paidBy,
  });
  const taxesAt = spec.taxesAt ?? 'DELIVERY';
  return {
    __typename: 'ShippingOption',
    id: spec.id,
    quoteBasis: {
      originCountry: spec.from,
      destinationCountry: spec.to,
      region: spec.region ?? null,
      goodsValue: money(...spec.goods),
      cost: money(...spec.shipping),
      transitDays: { min: 6, max: 12 },
      deMinimisApplied: false,
      rulesDate: '2026-11-26',
      hsCodeNote: hsCodeNoteOf(spec.hsCode),
      charges: [
        line('DUTY', spec.duties, 'DELIVERY', 'CARRIER'),
        line('TAX', spec.taxes, taxesAt, taxesAt === 'CHECKOUT' ? 'MARKETPLACE' : 'CARRIER'),
        line('FEE', fees, 'DELIVERY', 'CARRIER'),
        ...(spec.sellerFee ? [line('FEE', spec.sellerFee, 'BORDER', 'CARRIER', 'SELLER')] : []),
      ],
      customsValue: null,
      valuationBasis: null,
      productIdentifiersRequired: false,
    },
  };
}

/** The note customs writes on the duty line when the code was not the seller's (null for a declared one). */
function hsCodeNoteOf(hsCode: OptionSpec['hsCode']): string | null {
  if (hsCode === undefined) return null;
  return (
    describeHsCodeOrigin({
      status: hsCode.status,
      hsCode: hsCode.code ?? '',
      confidence: hsCode.confidence ?? null,
      rejectedHsCode: hsCode.rejected ?? null,
    }) || null
  );
}
