import { describe, expect, it } from 'vitest';
import { recordOfOrders } from '../src/score/PlatformRecord.js';
import type { OrderOutcome } from '../src/score/SellerEvidence.js';
import { normalisedRating, scoreSeller } from '../src/score/scoreSeller.js';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const DAY = 86_400_000;
const order = (daysAgo: number, outcome: Partial<OrderOutcome> = {}): OrderOutcome => ({
  orderId: `o-${daysAgo}-${Math.random()}`,
  confirmedAt: NOW - daysAgo * DAY,
  onTime: true,
  cancelledBySeller: false,
  dispute: 'NONE',
  returned: 'NONE',
  ...outcome,
});
const factor = (trust: ReturnType<typeof scoreSeller>, name: string) => trust.factors.find((f) => f.name === name)!;

describe('scoreSeller', () => {
  it('puts ratings on different scales onto one: 4.5 of 1–5 stars is 87.5 %, 90 % positive is 0.9', () => {
    expect(normalisedRating({ average: 4.5, worst: 1, best: 5 })).toBe(0.875);
    expect(normalisedRating({ average: 90, worst: 0, best: 100 })).toBe(0.9);
  });

  it('starts a new seller from the prior: one perfect order is not a perfect score, and the seller is NEW', () => {
    const trust = scoreSeller(
      { sellerId: 's', verification: undefined, rating: undefined, record: recordOfOrders([order(1)], NOW), lastEventAt: NOW },
      'm',
      NOW,
    );
    expect(factor(trust, 'onTimeDelivery').value).toBeGreaterThan(0.85);
    expect(factor(trust, 'onTimeDelivery').value).toBeLessThan(0.9);
    expect(trust.level).toBe('NEW');
  });

  it('weighs recent conduct more: late deliveries a year ago cost less than the same last week', () => {
    const late = (daysAgo: number) => Array.from({ length: 4 }, () => order(daysAgo, { onTime: false }));
    const good = Array.from({ length: 4 }, () => order(30));
    const evidence = (orders: OrderOutcome[]) => ({
      sellerId: 's',
      verification: undefined,
      rating: undefined,
      record: recordOfOrders(orders, NOW),
      lastEventAt: NOW,
    });
    const longAgo = scoreSeller(evidence([...late(365), ...good]), 'm', NOW);
    const lately = scoreSeller(evidence([...late(7), ...good]), 'm', NOW);
    expect(factor(longAgo, 'onTimeDelivery').value!).toBeGreaterThan(factor(lately, 'onTimeDelivery').value! + 0.1);
  });

  it('leaves out a verification the marketplace does not report, and the other weights still add up to 1', () => {
    const trust = scoreSeller(
      { sellerId: 's', verification: undefined, rating: undefined, record: recordOfOrders([], NOW), lastEventAt: undefined },
      'm',
      NOW,
    );
    expect(factor(trust, 'verification')).toMatchObject({ value: null, weight: 0, source: 'marketplace:m' });
    expect(trust.factors.reduce((sum, f) => sum + f.weight, 0)).toBeCloseTo(1, 3);
    expect(trust.updatedAt).toBe(NOW);
  });

  it('makes a verified, well-rated seller with a clean platform record TRUSTED, and one lost dispute costs it that', () => {
    const clean = Array.from({ length: 6 }, (_, i) => order(10 + i));
    const rating = { average: 4.8, worst: 1, best: 5, count: 200 };
    const base = { sellerId: 's', verification: 'BUSINESS' as const, rating, lastEventAt: NOW };
    expect(scoreSeller({ ...base, record: recordOfOrders(clean, NOW) }, 'm', NOW).level).toBe('TRUSTED');
    const lost = scoreSeller({ ...base, record: recordOfOrders([...clean.slice(1), order(5, { dispute: 'LOST' })], NOW) }, 'm', NOW);
    expect(lost.level).not.toBe('TRUSTED');
    expect(factor(lost, 'disputes').detail).toBe('1 disputes opened, 1 lost');
  });

  it('counts returns of goods that were not what was owed against the seller, and a change of mind not at all', () => {
    const base = { sellerId: 's', verification: undefined, rating: undefined, lastEventAt: NOW };
    const clean = Array.from({ length: 6 }, (_, i) => order(10 + i));
    const changedMind = scoreSeller({ ...base, record: recordOfOrders([...clean, order(3, { returned: 'CHANGED_MIND' })], NOW) }, 'm', NOW);
    const faulty = scoreSeller({ ...base, record: recordOfOrders([...clean, order(3, { returned: 'SELLER_AT_FAULT' })], NOW) }, 'm', NOW);
    expect(factor(faulty, 'returns').value!).toBeLessThan(factor(changedMind, 'returns').value!);
    expect(faulty.score).toBeLessThan(changedMind.score);
    expect(factor(faulty, 'returns').detail).toBe('1 of 7 orders returned as not what was owed, 0 on a change of mind');
  });
});
