import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderEvent } from '#packages/events/index.js';
import { eventsOf, sellerId, type OrderStory } from './support/sellerEvents.js';
import { startTrust, type TestTrust } from './support/startTrust.js';

const DAY = 86_400_000;
const TRUST = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Seller {
        trust {
          score
          level
          updatedAt
          factors {
            name
            value
            weight
            source
            detail
          }
        }
      }
    }
  }
`;

interface Trust {
  score: number;
  level: string;
  updatedAt: string;
  factors: { name: string; value: number | null; weight: number; source: string; detail: string }[];
}

// Two sellers on two marketplaces: one on the connector marketplace ke-soko, which reports KYB and
// ratings, with late deliveries and a lost dispute; one on us-mainstreet, which reports neither,
// with a clean record.
const late = sellerId('ke-soko', 'S-LATE');
const clean = sellerId('us-mainstreet', 'clean-1');
const now = Date.now();
const stories: OrderStory[] = [
  ...Array.from({ length: 5 }, (_, i) => ({ seller: late, marketplace: 'ke-soko', confirmedAt: now - (40 + i) * DAY, transitDays: 16 })),
  ...Array.from({ length: 3 }, (_, i) => ({ seller: late, marketplace: 'ke-soko', confirmedAt: now - (50 + i) * DAY, transitDays: 8 })),
  { seller: late, marketplace: 'ke-soko', confirmedAt: now - 60 * DAY, transitDays: 9, dispute: 'REFUND' },
  ...Array.from({ length: 8 }, (_, i) => ({
    seller: clean,
    marketplace: 'us-mainstreet',
    confirmedAt: now - (30 + i) * DAY,
    transitDays: 6,
  })),
  { seller: clean, marketplace: 'us-mainstreet', confirmedAt: now - 35 * DAY, transitDays: 5, dispute: 'RELEASE' },
];
const representations = [
  {
    __typename: 'Seller',
    id: late,
    verification: { level: 'IDENTITY' },
    rating: { average: 4.1, worst: 1, best: 5, count: 40 },
  },
  { __typename: 'Seller', id: clean, verification: null, rating: null },
];

describe('Seller.trust over the order events', () => {
  let trust: TestTrust;
  let events: OrderEvent[];
  beforeAll(async () => {
    trust = await startTrust();
    events = stories.flatMap(eventsOf);
    await trust.ingest(events);
  });
  afterAll(() => trust?.stop());

  const ask = async () => {
    const answer = await trust.query<{ _entities: { trust: Trust }[] }>(TRUST, { representations });
    expect(answer.errors).toBeUndefined();
    return answer.data!._entities.map((entity) => entity.trust);
  };

  it('gives the seller with late deliveries and a lost dispute a lower level than the clean one, with factors that say why', async () => {
    const [lateSeller, cleanSeller] = await ask();
    expect(lateSeller!.level).toBe('BASIC');
    expect(cleanSeller!.level).toBe('ESTABLISHED');
    expect(lateSeller!.score).toBeLessThan(cleanSeller!.score);
    const byName = (t: Trust) => Object.fromEntries(t.factors.map((f) => [f.name, f]));
    const lateFactors = byName(lateSeller!);
    const cleanFactors = byName(cleanSeller!);
    expect(lateFactors.onTimeDelivery).toMatchObject({
      detail: '4 of 9 delivered orders within the promised days',
      source: 'platform:order-events',
    });
    expect(lateFactors.disputes!.detail).toBe('1 disputes opened, 1 lost');
    expect(lateFactors.onTimeDelivery!.value!).toBeLessThan(cleanFactors.onTimeDelivery!.value!);
    expect(lateFactors.disputes!.value!).toBeLessThan(cleanFactors.disputes!.value!);
    expect(lateFactors.verification).toMatchObject({ value: 0.6667, source: 'marketplace:ke-soko', detail: 'KYB level IDENTITY' });
    expect(lateFactors.marketplaceRating!.detail).toBe('4.1 on a 1–5 scale from 40 ratings');
    // A dispute the seller won costs nothing once settled.
    expect(cleanFactors.disputes!.detail).toBe('1 disputes opened, 0 lost');
    expect(cleanFactors.verification).toMatchObject({ value: null, weight: 0, source: 'marketplace:us-mainstreet' });
  });

  it('counts each event once, however often the relay delivers it', async () => {
    const before = await ask();
    await trust.ingest(events.slice(0, 12));
    expect(await ask()).toEqual(before);
  });

  it('answers NEW for a seller the platform has never seen', async () => {
    const answer = await trust.query<{ _entities: { trust: Trust }[] }>(TRUST, {
      representations: [{ __typename: 'Seller', id: sellerId('ke-soko', 'S-NOBODY'), verification: { level: 'NONE' }, rating: null }],
    });
    expect(answer.data!._entities[0]!.trust.level).toBe('NEW');
  });
});
