import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { convert, type ReferenceRates } from '#packages/fx/index.js';
import { exponentOf, parseMoney, type CurrencyCode, type Money } from '#packages/money/index.js';
import { CARDNET_FEES } from '#upstreams/cardnet/feeSchedule.js';
import { priceFee, type FeeSchedule } from '#packages/sandbox/index.js';
import { FPX_FEES } from '#upstreams/fpx-my/feeSchedule.js';
import { GLOBALWALLET_FEES } from '#upstreams/globalwallet/feeSchedule.js';
import { PIX_FEES } from '#upstreams/pix-br/feeSchedule.js';
import { shippingOptionRepresentation, type OptionSpec } from './shippingOptionRepresentation.js';
import { startPayments, type TestPayments } from './startPayments.js';

const LANDED_COST_FIELDS = `quoteId expiresAt currency
  item { amount currency } shipping { amount currency } duties { amount currency } taxes { amount currency }
  fees { amount currency } total { amount currency } payableAtCheckout { amount currency } payableOnDelivery { amount currency }
  paymentMethod paymentProvider { id name methods }
  lines { kind description amount { amount currency } formula source collectedAt remitter paidBy }`;

const ENTITIES = `query ($representations: [_Any!]!, $currency: CurrencyCode!, $method: PaymentMethod) {
  _entities(representations: $representations) { ... on ShippingOption { id landedCost(currency: $currency, paymentMethod: $method) { ${LANDED_COST_FIELDS} } } }
}`;
const QUOTE = `query ($quoteId: ID!) { quote(quoteId: $quoteId) { ${LANDED_COST_FIELDS} } }`;
const RATES = `{ exchangeRates { base date source rates { currency rate } } }`;

interface MoneyOut {
  amount: string;
  currency: string;
}
interface LandedCostOut {
  quoteId: string;
  expiresAt: string;
  currency: string;
  item: MoneyOut;
  shipping: MoneyOut;
  duties: MoneyOut;
  taxes: MoneyOut;
  fees: MoneyOut;
  total: MoneyOut;
  payableAtCheckout: MoneyOut;
  payableOnDelivery: MoneyOut;
  paymentMethod: string | null;
  paymentProvider: { id: string; name: string; methods: string[] };
  lines: Array<{
    kind: string;
    description: string;
    amount: MoneyOut;
    formula: string;
    source: string;
    collectedAt: string;
    remitter: string | null;
    paidBy: 'BUYER' | 'SELLER';
  }>;
}
interface EntitiesData {
  _entities: Array<{ id: string; landedCost: LandedCostOut } | null>;
}

/** Tea from China (yuan), shipped by a carrier billing in dollars, to five buyers; plus a domestic German sale. */
const SCENARIOS: Record<string, OptionSpec & { currency: CurrencyCode }> = {
  'DE/EUR': {
    id: 'de',
    from: 'CN',
    to: 'DE',
    goods: ['302.50', 'CNY'],
    shipping: ['12.80', 'USD'],
    duties: '0.00',
    taxes: '8.83',
    taxesAt: 'CHECKOUT',
    importCurrency: 'EUR',
    currency: 'EUR',
  },
  'US/USD': {
    id: 'us',
    from: 'CN',
    to: 'US',
    goods: ['302.50', 'CNY'],
    shipping: ['12.80', 'USD'],
    duties: '2.15',
    taxes: '0.00',
    fees: '5.00',
    importCurrency: 'USD',
    currency: 'USD',
  },
  'BR/BRL': {
    id: 'br',
    from: 'CN',
    to: 'BR',
    goods: ['302.50', 'CNY'],
    shipping: ['12.80', 'USD'],
    duties: '120.40',
    taxes: '96.30',
    importCurrency: 'BRL',
    currency: 'BRL',
  },
  'JP/JPY': {
    id: 'jp',
    from: 'CN',
    to: 'JP',
    goods: ['302.50', 'CNY'],
    shipping: ['12.80', 'USD'],
    duties: '0',
    taxes: '680',
    importCurrency: 'JPY',
    currency: 'JPY',
  },
  'GB/GBP': {
    id: 'gb',
    from: 'CN',
    to: 'GB',
    goods: ['302.50', 'CNY'],
    shipping: ['12.80', 'USD'],
    duties: '0.00',
    taxes: '9.12',
    taxesAt: 'CHECKOUT',
    importCurrency: 'GBP',
    currency: 'GBP',
  },
  'MY/MYR': {
    id: 'my',
    from: 'CN',
    to: 'MY',
    goods: ['302.50', 'CNY'],
    shipping: ['12.80', 'USD'],
    duties: '0.00',
    taxes: '18.40',
    taxesAt: 'CHECKOUT',
    importCurrency: 'MYR',
    currency: 'MYR',
  },
};
const DOMESTIC_DE: OptionSpec = {
  id: 'de-domestic',
  from: 'DE',
  to: 'DE',
  goods: ['49.90', 'EUR'],
  shipping: ['4.99', 'EUR'],
  duties: '0.00',
  taxes: '0.00',
  importCurrency: 'EUR',
};

const SCHEDULES: Record<string, FeeSchedule> = {
  cardnet: CARDNET_FEES,
  globalwallet: GLOBALWALLET_FEES,
  'pix-br': PIX_FEES,
  'fpx-my': FPX_FEES,
};

let payments: TestPayments;
let rates: ReferenceRates;

const minor = (money: MoneyOut): Money => parseMoney(money.amount, money.currency);
const sum = (amounts: Money[]): bigint => amounts.reduce((total, money) => total + money.minor, 0n);

async function landedCosts(specs: OptionSpec[], currency: string, method: string | null = null) {
  return payments.query<EntitiesData>(ENTITIES, { representations: specs.map(shippingOptionRepresentation), currency, method });
}

async function landedCost(spec: OptionSpec, currency: string, method: string | null = null): Promise<LandedCostOut> {
  const result = await landedCosts([spec], currency, method);
  expect(result.errors).toBeUndefined();
  return result.data!._entities[0]!.landedCost;
}

async function callsPerUpstream(): Promise<Record<string, number>> {
  return Object.fromEntries(
    await Promise.all([...payments.sandboxes].map(async ([id, sandbox]) => [id, (await sandbox.stats()).total] as const)),
  );
}

beforeAll(async () => {
  payments = await startPayments();
  const result = await payments.query<{ exchangeRates: { date: string; rates: Array<{ currency: string; rate: string }> } }>(RATES);
  expect(result.errors).toBeUndefined();
  const { date, rates: list } = result.data!.exchangeRates;
  rates = { date, source: { name: 'test', url: 'test' }, rates: Object.fromEntries(list.map((entry) => [entry.currency, entry.rate])) };
});
afterAll(() => payments.stop());
afterEach(async () => {
  await Promise.all([...payments.sandboxes.values()].map((sandbox) => sandbox.setFault(null)));
});

describe('landedCost', () => {
  it.each(Object.entries(SCENARIOS))(
    '%s: every part converted once, the total exactly their sum, the cheapest provider',
    async (_name, spec) => {
      const cost = await landedCost(spec, spec.currency);
      const decimals = exponentOf(spec.currency);
      for (const part of [cost.item, cost.shipping, cost.duties, cost.taxes, cost.fees, cost.total]) {
        expect(part.currency).toBe(spec.currency);
        expect(part.amount).toMatch(decimals === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${decimals}}$`));
      }
      const [item, shipping, duties, taxes, fees, total] = [cost.item, cost.shipping, cost.duties, cost.taxes, cost.fees, cost.total].map(
        minor,
      );
      expect(total!.minor).toBe(sum([item!, shipping!, duties!, taxes!, fees!]));
      // The buyer's lines add up to the total; checkout and delivery split it, to the minor unit.
      expect(sum(cost.lines.filter((line) => line.paidBy === 'BUYER').map((line) => minor(line.amount)))).toBe(total!.minor);
      expect(minor(cost.payableAtCheckout).minor + minor(cost.payableOnDelivery).minor).toBe(total!.minor);

      // Each part is the exact reference-rate conversion of what was received, rounded once.
      expect(item).toEqual(convert(parseMoney(...spec.goods), spec.currency, rates).money);
      expect(shipping).toEqual(convert(parseMoney(...spec.shipping), spec.currency, rates).money);
      expect(taxes).toEqual(parseMoney(spec.taxes, spec.currency));

      // The chosen provider is the cheapest of the published schedules for this buyer, currency and
      // amount: what goes through the provider at checkout (taxes charged at sale; not duties collected on delivery).
      const importFees = parseMoney(spec.fees ?? (decimals === 0 ? '0' : '0.00'), spec.currency);
      const base = sum([item!, shipping!, ...(spec.taxesAt === 'CHECKOUT' ? [taxes!] : [])]);
      expect(minor(cost.payableAtCheckout).minor - (fees!.minor - importFees.minor)).toBe(base);
      const prices = Object.entries(SCHEDULES)
        .map(
          ([id, schedule]) =>
            [
              id,
              priceFee(schedule, {
                amountMinor: base,
                currency: spec.currency,
                buyerCountry: spec.to,
                merchantCountry: spec.from,
                settlementCurrency: 'CNY',
              }),
            ] as const,
        )
        .flatMap(([id, price]) => (price.ok ? [{ id, fee: price.feeMinor }] : []))
        .sort((a, b) => (a.fee < b.fee ? -1 : a.fee > b.fee ? 1 : 0));
      expect(cost.paymentProvider.id).toBe(prices[0]!.id);
      // EU and UK consumers may not be surcharged: the fee is the seller's, shown, out of the total.
      const surchargeBanned = spec.to === 'DE' || spec.to === 'GB';
      expect(fees!.minor).toBe((surchargeBanned ? 0n : prices[0]!.fee) + importFees.minor);

      const feeLine = cost.lines.find((line) => line.kind === 'FEE' && line.description.startsWith('Payment fee'))!;
      expect(feeLine.paidBy).toBe(surchargeBanned ? 'SELLER' : 'BUYER');
      expect(minor(feeLine.amount).minor).toBe(prices[0]!.fee);
      expect(feeLine.source).toContain(cost.paymentProvider.id);
      expect(feeLine.formula).toMatch(/% .*× .* fixed = .*half-up/);
      const fx = cost.lines.filter((line) => line.kind === 'FX');
      expect(fx.map((line) => line.description.slice(0, 3)).sort()).toEqual(['CNY', 'USD'].filter((code) => code !== spec.currency));
      for (const line of fx) expect(line.source).toContain(`reference rates of ${rates.date}`);
      expect(Date.parse(cost.expiresAt) - payments.clock.now).toBe(30 * 60_000);
    },
  );

  it('says on its duty line when the HS code was classified from the title, or when none could be had', async () => {
    const dutyOf = async (hsCode: OptionSpec['hsCode'], id: string) =>
      (await landedCost({ ...SCENARIOS['DE/EUR']!, id, hsCode }, 'EUR')).lines.find((line) => line.kind === 'DUTY')!.description;
    expect(await dutyOf(undefined, 'declared')).not.toMatch(/classified|no HS code/);
    expect(await dutyOf({ code: '090210', status: 'SUGGESTED', confidence: 0.82, rejected: '090299' }, 'suggested')).toContain(
      "classified from the title as 0902.10, confidence 0.82 (the seller's 090299 is not an HS 2022 subheading)",
    );
    expect(await dutyOf({ code: null, status: 'UNKNOWN' }, 'unknown')).toContain(
      'no HS code: the seller declared no HS code and the title could not be classified',
    );
  });

  it('chooses Pix for a Brazilian buyer paying in reais, and another provider above the Pix maximum', async () => {
    expect((await landedCost(SCENARIOS['BR/BRL']!, 'BRL')).paymentProvider.id).toBe('pix-br');
    expect((await landedCost({ ...SCENARIOS['BR/BRL']!, id: 'br-big', goods: ['25000.00', 'CNY'] }, 'BRL')).paymentProvider.id).toBe(
      'globalwallet',
    );
    expect((await landedCost(SCENARIOS['MY/MYR']!, 'MYR')).paymentProvider.id).toBe('fpx-my');
  });

  it('quotes with the next cheapest provider when the cheapest is down', async () => {
    expect((await landedCost(DOMESTIC_DE, 'EUR')).paymentProvider.id).toBe('cardnet');
    await payments.sandboxes.get('cardnet')!.setFault('down');
    expect((await landedCost({ ...DOMESTIC_DE, id: 'de-domestic-2' }, 'EUR')).paymentProvider.id).toBe('globalwallet');
  });

  it('asks each provider once per request, and the reference rates not at all once cached: the same for 10 options as for 50', async () => {
    const specs = (count: number) =>
      Array.from({ length: count }, (_, i) => {
        const scenario = Object.values(SCENARIOS)[i % 6]!;
        return { ...scenario, id: `option-${i}`, goods: [`${300 + i}.50`, 'CNY'] as [string, string] };
      });
    const measure = async (count: number) => {
      await Promise.all([...payments.sandboxes.values()].map((sandbox) => sandbox.resetStats()));
      const result = await landedCosts(specs(count), 'EUR');
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toHaveLength(count);
      return callsPerUpstream();
    };
    const ten = await measure(10);
    const fifty = await measure(50);
    expect(fifty).toEqual(ten);
    // Pix and FPX are asked for their own country's buyers (BR, MY) only: still one call each.
    expect(ten).toEqual({ cardnet: 1, globalwallet: 1, 'pix-br': 1, 'fpx-my': 1, 'fx-refrates': 0 });
    // Buyers in DE only: the domestic schemes of BR and MY are not asked at all.
    await Promise.all([...payments.sandboxes.values()].map((sandbox) => sandbox.resetStats()));
    const germany = await landedCosts(
      specs(12).filter((spec) => spec.to === 'DE'),
      'EUR',
    );
    expect(germany.errors).toBeUndefined();
    expect(await callsPerUpstream()).toEqual({ cardnet: 1, globalwallet: 1, 'pix-br': 0, 'fpx-my': 0, 'fx-refrates': 0 });
    // Two lists of entities in one request (BRL and MYR buyers): still one call per provider.
    const local = async (count: number) => {
      await Promise.all([...payments.sandboxes.values()].map((sandbox) => sandbox.resetStats()));
      const all = specs(count);
      const result = await payments.query<EntitiesData>(
        `query ($a: [_Any!]!, $b: [_Any!]!) {
          brl: _entities(representations: $a) { ... on ShippingOption { landedCost(currency: "BRL") { total { amount } } } }
          myr: _entities(representations: $b) { ... on ShippingOption { landedCost(currency: "MYR") { total { amount } } } }
        }`,
        {
          a: all.filter((s) => s.to === 'BR').map(shippingOptionRepresentation),
          b: all.filter((s) => s.to === 'MY').map(shippingOptionRepresentation),
        },
      );
      expect(result.errors).toBeUndefined();
      return callsPerUpstream();
    };
    const localTen = await local(10);
    expect(await local(50)).toEqual(localTen);
    expect(localTen).toEqual({ cardnet: 1, globalwallet: 1, 'pix-br': 1, 'fpx-my': 1, 'fx-refrates': 0 });
  });

  it('refuses a currency without a reference rate, naming `currency`, before asking any provider', async () => {
    await Promise.all([...payments.sandboxes.values()].map((sandbox) => sandbox.resetStats()));
    const result = await landedCosts([SCENARIOS['DE/EUR']!], 'AED');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'currency' });
    expect(result.errors?.[0]?.message).toMatch(/^currency: AED has no reference rate/);
    expect(Object.values(await callsPerUpstream()).every((count) => count === 0)).toBe(true);
  });

  it('refuses a currency no provider takes for this buyer, saying why for each provider', async () => {
    const result = await landedCosts([SCENARIOS['DE/EUR']!], 'ZAR');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'currency' });
    expect(result.errors?.[0]?.message).toContain('cardnet: currency not supported');
  });
});

describe('quote tokens', () => {
  let cost: LandedCostOut;
  beforeAll(async () => {
    cost = await landedCost(SCENARIOS['JP/JPY']!, 'JPY');
  });
  const refusal = async (quoteId: string) => (await payments.query(QUOTE, { quoteId })).errors?.[0]?.extensions;

  it('give back what they fixed: every amount, the provider and the same lines', async () => {
    const result = await payments.query<{ quote: LandedCostOut }>(QUOTE, { quoteId: cost.quoteId });
    expect(result.errors).toBeUndefined();
    const { lines, ...fixed } = result.data!.quote;
    const { lines: originalLines, ...original } = cost;
    expect(fixed).toEqual(original);
    expect(lines.map((line) => [line.kind, line.amount, line.formula])).toEqual(
      originalLines.map((line) => [line.kind, line.amount, line.formula]),
    );
  });

  it('are refused when one character of the payload or of the signature was edited', async () => {
    const [prefix, payload, mac] = cost.quoteId.split('.') as [string, string, string];
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    for (const edited of [`${prefix}.${flip(payload, 40)}.${mac}`, `${prefix}.${payload}.${flip(mac, mac.length - 1)}`]) {
      expect(await refusal(edited)).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'quoteId', quoteError: 'QUOTE_INVALID' });
    }
  });

  it('are refused once expired', async () => {
    const issued = payments.clock.now;
    payments.clock.now = Date.parse(cost.expiresAt);
    try {
      expect(await refusal(cost.quoteId)).toMatchObject({ code: 'BAD_USER_INPUT', quoteError: 'QUOTE_EXPIRED' });
    } finally {
      payments.clock.now = issued;
    }
  });
});

describe('exchangeRates and paymentProviders', () => {
  it('lists the day’s euro reference rates with their source, and the providers', async () => {
    const result = await payments.query<{
      exchangeRates: { base: string; date: string; source: string };
      paymentProviders: Array<{ id: string }>;
    }>(`{ exchangeRates { base date source } paymentProviders { id name methods } }`);
    expect(result.data!.exchangeRates).toMatchObject({ base: 'EUR', date: '2026-11-26' });
    expect(result.data!.exchangeRates.source).toContain('Tradegraph sandbox');
    expect(result.data!.paymentProviders.map((provider) => provider.id)).toEqual(['cardnet', 'globalwallet', 'pix-br', 'fpx-my']);
  });
});
