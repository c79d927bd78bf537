/**
 * Search → choose a shipping option → book → follow the order, through `packages/client`.
 *
 *   TRADEGRAPH_URL=http://127.0.0.1:4000/graphql TRADEGRAPH_API_KEY=tg_test_… npx tsx examples/bookOrder.ts
 *
 * `npm start` prints the key. Prints one JSON line per step; exits 1 if the order is not confirmed.
 */
import { parseArgs } from 'node:util';
import { createTradegraphClient, OrderDocument, SearchDocument, type IsoCountryCode } from '#packages/client/index.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    key: { type: 'string' },
    query: { type: 'string', default: 'tea' },
    'ship-to': { type: 'string', default: 'DE' },
  },
});
const url = values.url ?? process.env.TRADEGRAPH_URL ?? 'http://127.0.0.1:4000/graphql';
const apiKey = values.key ?? process.env.TRADEGRAPH_API_KEY;
if (apiKey === undefined) {
  process.stderr.write('Give the key that `npm start` printed: TRADEGRAPH_API_KEY=tg_test_… or --key.\n');
  process.exit(2);
}
const shipTo = values['ship-to'] as IsoCountryCode;
const client = createTradegraphClient({ url, apiKey });
const say = (step: string, detail: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ step, ...detail })}\n`);

// 1. Search, with every shipping option's landed cost in euros.
const { search } = await client.request(SearchDocument, { query: values.query, shipTo, currency: 'EUR', first: 10 });
say('search', { offers: search.edges.length });

// 2. Choose: the cheapest landed cost of any offer in stock. An option whose landed cost could not
//    be had right now (a payment provider down) is null and is skipped.
const options = search.edges.flatMap(({ node }) =>
  node.availableQuantity > 0
    ? node.shippingOptions.flatMap((option) => (option.landedCost === null ? [] : [{ offer: node, option, landedCost: option.landedCost }]))
    : [],
);
const chosen = options.sort((a, b) => Number(a.landedCost.total.amount) - Number(b.landedCost.total.amount))[0];
if (chosen === undefined) {
  say('choose', { error: `no offer for "${values.query}" ships to ${shipTo} with a landed cost` });
  process.exit(1);
}
say('choose', { offer: chosen.offer.title, carrier: chosen.option.carrier.name, total: chosen.landedCost.total });

// 3. Book it (the client makes the idempotency key).
const { idempotencyKey, payload } = await client.placeOrder({
  quoteId: chosen.landedCost.quoteId,
  buyer: {
    name: 'Lena Schmidt',
    email: 'lena@example.com',
    address: { line1: 'Torstraße 10', city: 'Berlin', postalCode: '10119', country: shipTo },
  },
  payment: { method: 'CARD' },
});
if (payload.order === null || payload.order === undefined) {
  say('book', { idempotencyKey, userErrors: payload.userErrors });
  process.exit(1);
}
say('book', { idempotencyKey, order: payload.order.id, status: payload.order.status });

// 4. Follow it.
const { order } = await client.request(OrderDocument, { id: payload.order.id });
say('follow', { order: order?.id, status: order?.status, steps: order?.steps.map((step) => `${step.name}:${step.status}`) });
process.exit(order?.status === 'CONFIRMED' ? 0 : 1);
