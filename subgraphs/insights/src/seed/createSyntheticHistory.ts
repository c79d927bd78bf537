import { regionOf } from '#packages/countries/index.js';
import type { OrderEvent, OrderTrade } from '#packages/events/index.js';
import { exponentOf } from '#packages/money/index.js';
import { pick, randomOf } from './randomOf.js';
import { DESTINATIONS, GOODS, MODE_TERMS, MONTH_WEIGHTS, modeShares, ORIGINS, SYNTHETIC_PER_EURO } from './syntheticTrade.js';

export interface SyntheticHistoryOptions {
  /** Orders in all. */
  readonly orders: number;
  /** Months of history, ending with `lastMonth`. */
  readonly months: number;
  /** The last month, `YYYY-MM`; fixed rather than "now", so the history is the same every day. Default: 2026-11. */
  readonly lastMonth?: string;
  readonly seed?: number;
}

const DAY = 86_400_000;
/** The day after the history ends: orders delivered later are still in transit (no delivery event). */
const uuidOf = (random: () => number) => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '8';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
};

/** Months of the history with their share of orders: seasonality times a steady growth of 3 % a month. */
function monthPlan(options: SyntheticHistoryOptions): Array<{ start: number; days: number; until: number }> {
  const [year, month] = (options.lastMonth ?? '2026-11').split('-').map(Number) as [number, number];
  const plan: Array<{ start: number; days: number; weight: number }> = [];
  for (let i = options.months - 1; i >= 0; i--) {
    const start = Date.UTC(year, month - 1 - i, 1);
    const days = (Date.UTC(year, month - i, 1) - start) / DAY;
    plan.push({ start, days, weight: MONTH_WEIGHTS[new Date(start).getUTCMonth()]! * 1.03 ** (options.months - 1 - i) });
  }
  const total = plan.reduce((sum, entry) => sum + entry.weight, 0);
  let cumulative = 0;
  return plan.map((entry) => ({ start: entry.start, days: entry.days, until: (cumulative += entry.weight / total) }));
}

const money = (amount: number, currency: string) => ({ amount: amount.toFixed(exponentOf(currency as never)), currency });
const inCurrency = (usd: number, currency: string) =>
  (usd / SYNTHETIC_PER_EURO.USD!) * (currency === 'EUR' ? 1 : SYNTHETIC_PER_EURO[currency]!);

/** Shaped, not sourced: a tax rate and a duty-free threshold (in EUR) per destination. */
const TAX_BP: Readonly<Record<string, number>> = {
  US: 0,
  AU: 1000,
  CA: 500,
  JP: 1000,
  KR: 1000,
  MY: 1000,
  MX: 1600,
  BR: 1700,
  CH: 810,
  IN: 1800,
  TH: 700,
};
const DUTY_FREE_EUR: Readonly<Record<string, number>> = {
  US: 0,
  GB: 150,
  AU: 600,
  CA: 15,
  BR: 0,
  JP: 80,
  KR: 120,
  MY: 130,
  CH: 60,
  MX: 45,
  IN: 0,
  TH: 40,
};

/**
 * The deterministic synthetic history: for each order, `order.confirmed` and, once the parcel
 * would have arrived before the history ends, `shipment.delivered` — the same events, in the same
 * format, that booking publishes, with `trade.synthetic` true. Order `n` is the same whatever
 * range is asked for.
 */
export function* syntheticEvents(options: SyntheticHistoryOptions, from = 0, to = options.orders): Generator<OrderEvent> {
  const seed = options.seed ?? 1;
  const plan = monthPlan(options);
  const end = plan.at(-1)!.start + plan.at(-1)!.days * DAY;
  for (let n = from; n < to; n++) {
    const random = randomOf(seed, n);
    const position = n / options.orders;
    const month = plan.find((entry) => position < entry.until) ?? plan.at(-1)!;
    const confirmedAt = month.start + Math.floor(random() * month.days * DAY);
    const [origin, , sellerCurrency] = pick(random, ORIGINS);
    let destination = pick(random, DESTINATIONS);
    while (destination[0] === origin) destination = pick(random, DESTINATIONS);
    const [to, , buyerCurrency] = destination;
    const [hs6, , unitUsd, unitGrams, description] = pick(random, GOODS);
    const mode = pick(random, modeShares(origin, to))[0];
    const terms = MODE_TERMS[mode]!;
    const quantity = 1 + Math.floor(random() ** 3 * 3);
    const valueUsd = unitUsd * quantity * (0.6 + random() * 0.9);
    const valueEur = valueUsd / SYNTHETIC_PER_EURO.USD!;
    const shippingEur = (mode === 'EXPRESS' ? 18 : mode === 'DEDICATED_LINE' ? 9 : 5) + (unitGrams * quantity) / 250;
    const deMinimis = valueEur <= (DUTY_FREE_EUR[to] ?? 150);
    const dutiesEur = deMinimis ? 0 : valueEur * (0.04 + (Number(hs6.slice(0, 2)) % 9) / 100);
    const taxesEur = (valueEur + shippingEur + dutiesEur) * ((TAX_BP[to] ?? 2000) / 10_000);
    const feesEur = (valueEur + shippingEur + dutiesEur + taxesEur) * 0.029 + 0.25;
    const buyer = (eur: number) => money(inCurrency(eur * SYNTHETIC_PER_EURO.USD!, buyerCurrency), buyerCurrency);
    const item = buyer(valueEur);
    const parts = [item, buyer(shippingEur), buyer(dutiesEur), buyer(taxesEur), buyer(feesEur)];
    const total = parts.reduce((sum, part) => sum + Number(part.amount), 0);
    const marketplace = MARKETPLACES[origin] ?? `syn-${origin.toLowerCase()}-market`;
    const trade: OrderTrade = {
      marketplace: { id: marketplace, name: marketplace },
      seller: { id: `syn-seller-${origin.toLowerCase()}-${Math.floor(random() * 400)}`, name: 'Synthetic seller', country: origin },
      origin: { country: origin, region: regionOf(origin)! },
      destination: { country: to, region: regionOf(to)! },
      goods: {
        description,
        hsCode: hs6,
        quantity,
        netWeightGrams: unitGrams * quantity,
        customsValue: money(inCurrency(valueUsd, sellerCurrency), sellerCurrency),
      },
      charges: {
        currency: buyerCurrency,
        item,
        shipping: parts[1]!,
        duties: parts[2]!,
        taxes: parts[3]!,
        fees: parts[4]!,
        total: money(total, buyerCurrency),
        deMinimisApplied: deMinimis,
      },
      fx: { date: new Date(confirmedAt).toISOString().slice(0, 10), source: 'Synthetic rates (seeder)', perEuro: PER_EURO_TEXT },
      shipping: {
        mode,
        carrierId: terms.carrier,
        legs: [{ carrierId: terms.carrier, mode, from: origin, to }],
        promisedTransitDays: { min: terms.min, max: terms.max },
      },
      payment: { provider: 'cardnet', method: 'CARD', escrow: true },
      synthetic: true,
    };
    const orderId = `syn_${seed}_${n}`;
    const at = (ms: number) => new Date(ms).toISOString();
    yield {
      id: uuidOf(random),
      type: 'order.confirmed',
      version: 1,
      orderId,
      occurredAt: at(confirmedAt),
      data: { trade, placedAt: at(confirmedAt - 60_000), confirmedAt: at(confirmedAt) },
    };
    const dispatchedAt = confirmedAt + (1 + random() * 2) * DAY;
    // Mostly within the promise; one parcel in eight runs late.
    const transitDays = random() < 0.875 ? terms.min + random() * (terms.max - terms.min) : terms.max + 1 + random() * terms.max * 0.6;
    const deliveredAt = dispatchedAt + transitDays * DAY;
    if (deliveredAt < end) {
      yield {
        id: uuidOf(random),
        type: 'shipment.delivered',
        version: 1,
        orderId,
        occurredAt: at(deliveredAt),
        data: { trade, shipmentId: `syn_shipment_${n}`, dispatchedAt: at(dispatchedAt), deliveredAt: at(deliveredAt) },
      };
    }
  }
}

const MARKETPLACES: Readonly<Record<string, string>> = {
  CN: 'cn-jademarket',
  US: 'us-mainstreet',
  DE: 'de-marktplatz',
  JP: 'jp-ichiba',
  MY: 'my-pasarmall',
  BR: 'br-feira',
};

const PER_EURO_TEXT: Record<string, string> = Object.fromEntries(
  Object.entries(SYNTHETIC_PER_EURO).map(([code, rate]) => [code, String(rate)]),
);
