import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '#packages/log/index.js';
import { verifyQuote } from '#packages/quotes/index.js';
import { eventsOf, sellerId, type OrderStory } from '#subgraphs/trust/test/support/sellerEvents.js';
import { startTrust, type TestTrust } from '#subgraphs/trust/test/support/startTrust.js';
import { TEST_SERVICE_SECRET } from '#test/support/serviceSecret.js';
import { createParticipants } from '../src/participants/createParticipants.js';
import { DEFAULT_ESCROW_LIMITS, decideEscrow } from '../src/saga/decideEscrow.js';
import type { Participants } from '../src/saga/Participants.js';
import { TEST_QUOTE_KEY, testQuoteToken } from './support/testQuote.js';

const DAY = 86_400_000;

describe('escrow follows the trust subgraph', () => {
  let trust: TestTrust;
  let participants: Participants;
  const late = sellerId('ke-soko', 'S-LATE');
  const clean = sellerId('us-mainstreet', 'clean-1');

  beforeAll(async () => {
    trust = await startTrust();
    const now = Date.now();
    const stories: OrderStory[] = [
      ...Array.from({ length: 6 }, (_, i) => ({
        seller: late,
        marketplace: 'ke-soko',
        confirmedAt: now - (20 + i) * DAY,
        transitDays: 15,
      })),
      { seller: late, marketplace: 'ke-soko', confirmedAt: now - 30 * DAY, transitDays: 7, dispute: 'REFUND' },
      ...Array.from({ length: 7 }, (_, i) => ({
        seller: clean,
        marketplace: 'us-mainstreet',
        confirmedAt: now - (20 + i) * DAY,
        transitDays: 4,
      })),
    ];
    await trust.ingest(stories.flatMap(eventsOf));
    participants = createParticipants({
      catalogUrl: 'http://127.0.0.1:9/graphql',
      logisticsUrl: 'http://127.0.0.1:9/graphql',
      paymentsUrl: 'http://127.0.0.1:9/graphql',
      trustUrl: trust.url,
      serviceSecret: TEST_SERVICE_SECRET,
      timeoutMs: 5_000,
      logger: createLogger('orders', { level: 'silent' }),
    });
  });
  afterAll(async () => {
    await participants?.close();
    await trust?.stop();
  });

  it('escrows the cross-border order of the seller with late deliveries and a lost dispute, and not the clean seller’s', async () => {
    const quote = verifyQuote(testQuoteToken({ originCountry: 'KE', destinationCountry: 'DE' }), TEST_QUOTE_KEY, Date.now());
    const lateTrust = await participants.sellerTrust({
      sellerId: late,
      standing: { verification: { level: 'IDENTITY' }, rating: { average: 4.1, worst: 1, best: 5, count: 40 } },
    });
    const cleanTrust = await participants.sellerTrust({ sellerId: clean, standing: { verification: null, rating: null } });
    expect(lateTrust.level).toBe('BASIC');
    expect(cleanTrust.level).toBe('ESTABLISHED');
    expect(decideEscrow(quote, lateTrust, DEFAULT_ESCROW_LIMITS)).toMatchObject({ escrow: true });
    expect(decideEscrow(quote, cleanTrust, DEFAULT_ESCROW_LIMITS)).toMatchObject({ escrow: false });
  });
});
