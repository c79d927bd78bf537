import { addMoney, currencyCode, fromMinor, parseMoney, toDecimalString } from '#packages/money/index.js';

/** A `ShippingOption` representation as the router sends it to payments, with the `@requires` fields. */
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
  quantity?: number;
}

export function shippingOptionRepresentation(spec: OptionSpec) {
  const money = (amount: string, currency: string) => ({ amount, currency });
  const importMoney = (amount: string) => money(amount, spec.importCurrency);
  const fees = spec.fees ?? toDecimalString(fromMinor(0n, currencyCode(spec.importCurrency)));
  const total = [spec.duties, spec.taxes, fees].map((amount) => parseMoney(amount, spec.importCurrency)).reduce(addMoney);
  return {
    __typename: 'ShippingOption',
    id: spec.id,
    cost: money(...spec.shipping),
    transitDays: { min: 6, max: 12 },
    consignment: {
      originCountry: spec.from,
      destinationCountry: spec.to,
      hsCode: '090210',
      quantity: spec.quantity ?? 1,
      goodsValue: money(...spec.goods),
      weightGrams: 250,
      alreadyImported: false,
    },
    importCharges: {
      duties: importMoney(spec.duties),
      taxes: importMoney(spec.taxes),
      fees: importMoney(fees),
      total: importMoney(toDecimalString(total)),
      deMinimisApplied: false,
      collectedAtSale: false,
      lines: [
        { kind: 'DUTY', description: 'Duty on 0902.10', amount: importMoney(spec.duties), formula: 'rate × value', source: 'test rule' },
        { kind: 'TAX', description: 'Import VAT', amount: importMoney(spec.taxes), formula: 'rate × (value + duty)', source: 'test rule' },
      ],
      rulesDate: '2026-11-26',
    },
  };
}
