import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currencyCode, parseMoney, toDecimalString } from '#packages/money/index.js';
import { loadRules } from '#subgraphs/customs/rules/loadRules.js';
import { computeImportCharges } from '#subgraphs/customs/src/importCharges/computeImportCharges.js';
import { CUSTOMS_MODES, type Consignment } from '#subgraphs/customs/src/importCharges/types.js';
import { quoteBasisOf } from '#subgraphs/customs/src/resolvers/quoteBasisOf.js';
import { TEST_RATES } from '#subgraphs/customs/test/executeCustoms.js';
import { startPayments, type TestPayments } from '#subgraphs/payments/test/startPayments.js';

/**
 * For every destination and customs mode, the landed cost a buyer is quoted keeps two promises to the
 * minor unit: the total is the sum of the lines the buyer pays, and what is paid at checkout plus what
 * is due on delivery is the total. Customs' answers come from the real rule engine; payments prices them
 * with the real provider sandboxes, over HTTP.
 */
const rules = loadRules();
const DESTINATIONS = [...rules.destinations.keys()].filter((code) => code !== 'EU').sort();

const QUERY = `query ($representations: [_Any!]!, $currency: CurrencyCode!, $method: PaymentMethod) {
  _entities(representations: $representations) { ... on ShippingOption { landedCost(currency: $currency, paymentMethod: $method) {
    item { amount currency } shipping { amount currency } duties { amount currency } taxes { amount currency } fees { amount currency }
    total { amount currency } payableAtCheckout { amount currency } payableOnDelivery { amount currency }
    lines { amount { amount currency } paidBy }
  } } }
}`;
type Amount = { amount: string; currency: string };
interface Cost {
  item: Amount;
  shipping: Amount;
  duties: Amount;
  taxes: Amount;
  fees: Amount;
  total: Amount;
  payableAtCheckout: Amount;
  payableOnDelivery: Amount;
  lines: Array<{ amount: Amount; paidBy: string }>;
}

let payments: TestPayments;
beforeAll(async () => {
  payments = await startPayments();
});
afterAll(() => payments.stop());

const text = (money: { minor: bigint; currency: string }) => ({ amount: toDecimalString(money as never), currency: money.currency });

/** The representation the gateway sends payments: customs' own `quoteBasis` of the option, written as JSON. */
function representation(id: string, consignment: Consignment) {
  const charges = computeImportCharges(consignment, rules, TEST_RATES);
  const basis = quoteBasisOf({ id, transitDays: { min: 5, max: 10 } }, consignment, charges);
  return {
    __typename: 'ShippingOption',
    id,
    quoteBasis: {
      ...basis,
      goodsValue: text(basis.goodsValue),
      cost: text(basis.cost),
      charges: basis.charges.map((line) => ({
        kind: line.kind,
        amount: text(line.amount),
        collectedAt: line.collectedAt,
        remitter: line.remitter,
        paidBy: line.paidBy,
      })),
      customsValue: basis.customsValue && text(basis.customsValue),
    },
  };
}

const minor = (money: Amount) => parseMoney(money.amount, money.currency).minor;

describe('landed cost, for every destination and customs mode (fast-check, real provider sandboxes)', () => {
  it.each(DESTINATIONS)('%s: total = the buyer’s lines; checkout + delivery = total', async (destination) => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          origin: fc.constantFrom('CN', 'US', 'DE', 'JP'),
          hsCode: fc.constantFrom('610910', '090210', '950300', '330499'),
          cents: fc.integer({ min: 100, max: 300_000 }),
          shippingCents: fc.integer({ min: 0, max: 5_000 }),
          incoterm: fc.constantFrom('DAP' as const, 'DDP' as const),
          currency: fc.constantFrom('EUR', 'USD'),
          method: fc.constantFrom(null, null, 'CARD', 'WALLET'),
        }),
        async ({ origin, hsCode, cents, shippingCents, incoterm, currency, method }) => {
          const usd = (value: number) =>
            parseMoney(`${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`, currencyCode('USD'));
          const representations = CUSTOMS_MODES.map((mode) =>
            representation(`${destination}-${mode}`, {
              origin,
              destination,
              region: undefined,
              mode,
              items: [{ hsCode, quantity: 1, value: usd(cents) }],
              shipping: usd(shippingCents),
              postBorderTransport: undefined,
              incoterm,
              date: '2026-11-26',
              iossNumber: undefined,
              marketplaceCollects: true,
              soldOnMarketplace: true,
              alreadyImported: false,
              carrierFees: [],
            }),
          );
          const result = await payments.query<{ _entities: Array<{ landedCost: Cost }> }>(QUERY, { representations, currency, method });
          // A method or amount no provider takes for this buyer is a refusal, not a quote: nothing to check.
          fc.pre(result.errors === undefined);
          for (const { landedCost: cost } of result.data!._entities) {
            const buyerLines = cost.lines.filter((line) => line.paidBy === 'BUYER').reduce((sum, line) => sum + minor(line.amount), 0n);
            expect(buyerLines).toBe(minor(cost.total));
            expect(minor(cost.payableAtCheckout) + minor(cost.payableOnDelivery)).toBe(minor(cost.total));
            expect([cost.item, cost.shipping, cost.duties, cost.taxes, cost.fees].reduce((sum, part) => sum + minor(part), 0n)).toBe(
              minor(cost.total),
            );
          }
        },
      ),
      { numRuns: 12, seed: 20261126 },
    );
  });
});
