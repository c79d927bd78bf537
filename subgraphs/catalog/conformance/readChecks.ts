import assert from 'node:assert/strict';
import { isCountryCode } from '#packages/countries/index.js';
import { UpstreamError } from '#packages/errors/index.js';
import { exponentOf } from '#packages/money/index.js';
import type { ShipsTo } from '../src/adapters/ports.js';
import type { ConformanceCheck } from './ConformanceCheck.js';

const signal = () => AbortSignal.timeout(10_000);
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => assert.fail('expected the call to fail, and it answered'),
    (error: unknown) => {
      assert.ok(error instanceof UpstreamError, `expected an UpstreamError, got ${String(error)}`);
      return error;
    },
  );
/** Order does not matter in a list of countries. */
const normalized = (shipsTo: ShipsTo): ShipsTo =>
  shipsTo.kind === 'WORLDWIDE'
    ? { kind: 'WORLDWIDE', except: [...shipsTo.except].sort() }
    : { kind: 'ONLY', countries: [...shipsTo.countries].sort() };

/** Reading a marketplace: search, lookups, sellers, and how failures of the vendor come out. */
export const READ_CHECKS: readonly ConformanceCheck[] = [
  {
    name: 'describes its marketplace with real country and currency codes',
    group: 'reads',
    async run({ subject, adapter }) {
      assert.equal(adapter.marketplace.id, subject.id);
      assert.ok(isCountryCode(adapter.marketplace.country), `country ${adapter.marketplace.country}`);
      assert.ok(exponentOf(adapter.marketplace.currency) >= 0, `currency ${adapter.marketplace.currency}`);
    },
  },
  {
    name: 'pages through every match exactly once',
    group: 'reads',
    async run({ subject, walk }) {
      const expected = await subject.countMatches(subject.query);
      assert.ok(expected > 0, `the marketplace has no listings matching "${subject.query}" to page through`);
      const ids = walk.offers.map((offer) => offer.nativeId);
      assert.equal(new Set(ids).size, ids.length, 'an offer came twice');
      assert.equal(ids.length, expected, `found ${ids.length} offers, the marketplace counts ${expected}`);
    },
  },
  {
    name: 'reads offers into our vocabulary',
    group: 'reads',
    async run({ subject, adapter }) {
      const page = await adapter.searchPage({ query: subject.query, position: null, signal: signal() });
      assert.ok(page.offers.length > 0, 'the first page is empty');
      for (const offer of page.offers) {
        const at = `offer ${offer.nativeId}`;
        assert.equal(offer.marketplaceId, subject.id, at);
        assert.equal(offer.price.currency, adapter.marketplace.currency, `${at} price currency`);
        assert.ok(offer.price.minor > 0n, `${at} price`);
        // The seller's code as declared: sellers leave it out, or type only the heading, on a few listings.
        if (offer.hsCode !== undefined) assert.match(offer.hsCode, /^\d{4,10}$/, `${at} HS code`);
        assert.ok(offer.weightGrams > 0, `${at} weight`);
        assert.ok(offer.title.toLowerCase().includes(subject.query.toLowerCase()), `${at} title "${offer.title}"`);
        assert.ok(offer.nativeTitle.length > 0, `${at} native title`);
        assert.ok(isCountryCode(offer.originCountry), `${at} origin ${offer.originCountry}`);
        const codes = offer.shipsTo.kind === 'WORLDWIDE' ? offer.shipsTo.except : offer.shipsTo.countries;
        assert.ok(codes.every(isCountryCode), `${at} ship-to countries ${codes.join(',')}`);
      }
    },
  },
  {
    name: "reads each seller's shipping policy: domestic-only sellers' offers ship only to their origin",
    group: 'reads',
    needs: 'seed data',
    async run({ subject, walk }) {
      const expectedOf = subject.expectedShipsTo!;
      const domestic = walk.offers.filter((offer) => {
        const expected = expectedOf(offer.seller.nativeId);
        return expected?.kind === 'ONLY' && expected.countries.length === 1 && expected.countries[0] === offer.originCountry;
      });
      assert.ok(domestic.length > 0, 'no domestic-only seller among the matches: this check would prove nothing');
      for (const offer of walk.offers) {
        const expected = expectedOf(offer.seller.nativeId);
        assert.ok(expected, `seller ${offer.seller.nativeId} of offer ${offer.nativeId} is unknown`);
        assert.deepEqual(normalized(offer.shipsTo), normalized(expected), `offer ${offer.nativeId}`);
      }
    },
  },
  {
    name: 'looks up many offers and their sellers in as few calls as the vendor allows; sellers ship from their own address',
    group: 'reads',
    async run({ subject, adapter, walk }) {
      const wanted = walk.offers.slice(0, subject.idsPerLookup + 5).map((offer) => offer.nativeId);
      assert.ok(wanted.length > subject.idsPerLookup, `needs more than ${subject.idsPerLookup} matches to test batching`);
      await subject.resetCalls();
      const offers = await adapter.getOffers([...wanted, 'no-such-item-999']);
      assert.deepEqual(
        [...offers.keys()].sort(),
        [...wanted].sort(),
        'the offers found are not those asked for (an unknown id must be left out)',
      );
      assert.equal(await subject.callsTo('lookup'), Math.ceil(wanted.length / subject.idsPerLookup), 'lookup calls');

      const sellerIds = [...new Set([...offers.values()].map((offer) => offer.seller.nativeId))];
      const sellers = await adapter.getSellers(sellerIds);
      assert.equal(sellers.size, sellerIds.length, 'sellers found');
      for (const seller of sellers.values()) {
        assert.ok(isCountryCode(seller.country), `seller ${seller.nativeId} country`);
        // Parcels leave from the seller's own address, in the seller's country: never "c/o" the marketplace.
        assert.equal(seller.dispatchAddress.country, seller.country, `seller ${seller.nativeId} dispatch country`);
        assert.ok(
          seller.dispatchAddress.lines.length > 0 && seller.dispatchAddress.city !== '',
          `seller ${seller.nativeId} dispatch address`,
        );
      }
    },
  },
  {
    name: 'tells each seller’s return policy: whether returns are accepted, the window, who pays return shipping, the restocking fee',
    group: 'reads',
    async run({ adapter, walk }) {
      const ids = [...new Set(walk.offers.map((offer) => offer.seller.nativeId))].slice(0, 50);
      const sellers = await adapter.getSellers(ids);
      assert.equal(sellers.size, ids.length, 'sellers found');
      for (const seller of sellers.values()) {
        const policy = seller.returnPolicy;
        assert.ok(policy, `seller ${seller.nativeId} has no return policy`);
        assert.equal(
          policy.windowDays === undefined,
          !policy.acceptsReturns,
          `seller ${seller.nativeId}: a return window exactly when returns are accepted`,
        );
        if (policy.windowDays !== undefined) {
          assert.ok(Number.isInteger(policy.windowDays) && policy.windowDays > 0, `seller ${seller.nativeId}: a window of whole days`);
        }
        assert.ok(['BUYER', 'SELLER'].includes(policy.returnShippingPaidBy), `seller ${seller.nativeId}: who pays return shipping`);
        assert.ok(
          Number.isInteger(policy.restockingFeeBp) && policy.restockingFeeBp >= 0 && policy.restockingFeeBp <= 10_000,
          `seller ${seller.nativeId}: a restocking fee of 0 to 10000 basis points`,
        );
      }
    },
  },
  ...(
    [
      ['down', 'unavailable'],
      ['error:503', 'unavailable'],
      ['garbage', 'bad-response'],
    ] as const
  ).map(([fault, failure]): ConformanceCheck => ({
    name: `maps the fault ${fault} to an UpstreamError (${failure})`,
    group: 'faults',
    needs: 'controls',
    async run({ subject, adapter }) {
      await subject.controls!.setFault(fault);
      const error = await failureOf(adapter.searchPage({ query: subject.query, position: null, signal: signal() }));
      assert.equal(error.failure, failure);
      assert.equal(error.upstream, subject.id);
    },
  })),
  {
    name: 'times out a slow vendor',
    group: 'faults',
    needs: 'controls',
    async run({ subject }) {
      const impatient = subject.createAdapter({ timeoutMs: 150 });
      await subject.controls!.setFault('slow:1000');
      try {
        const error = await failureOf(impatient.searchPage({ query: subject.query, position: null, signal: signal() }));
        assert.equal(error.failure, 'timeout');
      } finally {
        await impatient.close();
      }
    },
  },
  {
    name: 'waits as Retry-After asks, then succeeds',
    group: 'faults',
    needs: 'controls',
    async run({ subject, adapter }) {
      await subject.controls!.setFault('ratelimit');
      await subject.resetCalls();
      const started = Date.now();
      const pending = adapter.searchPage({ query: subject.query, position: null, signal: signal() });
      setTimeout(() => void subject.controls!.setFault(null), 300);
      const page = await pending;
      assert.ok(page.offers.length > 0);
      assert.ok(Date.now() - started >= 900, 'answered before the second Retry-After: 1 had passed');
      assert.equal(await subject.callsTo('search'), 2, 'search calls');
    },
  },
  {
    name: 'reports a rate limit it cannot wait out as rate-limited',
    group: 'faults',
    needs: 'controls',
    async run({ subject, adapter }) {
      await subject.controls!.setFault('ratelimit');
      const error = await failureOf(adapter.searchPage({ query: subject.query, position: null, signal: signal() }));
      assert.equal(error.failure, 'rate-limited');
      assert.equal(error.retryAfterSeconds, 1);
    },
  },
  {
    name: 'is refused with wrong credentials',
    group: 'reads',
    async run({ subject }) {
      const stranger = subject.createAdapter({ badCredentials: true });
      try {
        const error = await failureOf(stranger.searchPage({ query: subject.query, position: null, signal: signal() }));
        assert.equal(error.failure, 'rejected');
      } finally {
        await stranger.close();
      }
    },
  },
];
