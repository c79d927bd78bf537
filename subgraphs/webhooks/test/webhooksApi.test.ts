import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KEYLESS_PRINCIPAL } from '#test/support/serviceSecret.js';
import { verifyWebhookSignature } from '#subgraphs/webhooks/src/delivery/webhookSignature.js';
import { failedEvent, paymentEvents } from './support/orderEvents.js';
import { startReceiver, type Receiver } from './support/startReceiver.js';
import { developerKey, startWebhooks, type TestWebhooks } from './support/startWebhooks.js';

const REGISTER = /* GraphQL */ `
  mutation Register($url: String!, $events: [WebhookEventType!]!) {
    registerWebhook(url: $url, events: $events) {
      secret
      webhook {
        id
        url
        events
      }
    }
  }
`;
const LOG = /* GraphQL */ `
  query Log {
    webhooks {
      id
      deliveries(first: 10) {
        id
        eventType
        orderId
        status
        nextAttemptAt
        deliveredAt
        attempts {
          responseStatus
          error
        }
      }
    }
  }
`;
const REDELIVER = /* GraphQL */ `
  mutation Redeliver($id: ID!) {
    redeliverWebhook(deliveryId: $id) {
      id
      status
    }
  }
`;

const DELETE = /* GraphQL */ `
  mutation Delete($id: ID!) {
    deleteWebhook(id: $id)
  }
`;

interface Delivery {
  id: string;
  eventType: string;
  orderId: string;
  status: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  attempts: Array<{ responseStatus: number | null; error: string | null }>;
}

const ALICE = developerKey('key-alice');
const BOB = developerKey('key-bob');

describe('webhooks', () => {
  let webhooks: TestWebhooks;
  let receiver: Receiver;
  beforeAll(async () => {
    webhooks = await startWebhooks();
  });
  afterAll(async () => {
    await webhooks.stop();
  });
  beforeEach(async () => {
    receiver = await startReceiver();
  });
  afterEach(async () => {
    // Each test starts with no endpoints: the earlier ones (and their queued deliveries) are deleted.
    for (const principal of [ALICE, BOB]) {
      const listed = await webhooks.query<{ webhooks: Array<{ id: string }> }>(LOG, {}, principal);
      for (const { id } of listed.data!.webhooks) {
        const deleted = await webhooks.query<{ deleteWebhook: boolean }>(DELETE, { id }, principal);
        expect(deleted.data?.deleteWebhook).toBe(true);
      }
    }
    await receiver.close();
  });

  async function register(principal = ALICE, events = ['PAYMENT_CAPTURED', 'ESCROW_RELEASED', 'ORDER_FAILED']) {
    const answer = await webhooks.query<{ registerWebhook: { secret: string; webhook: { id: string } } }>(
      REGISTER,
      { url: receiver.url, events },
      principal,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.registerWebhook;
  }
  const logOf = async (webhookId: string, principal = ALICE) => {
    const answer = await webhooks.query<{ webhooks: Array<{ id: string; deliveries: Delivery[] }> }>(LOG, {}, principal);
    expect(answer.errors).toBeUndefined();
    return answer.data!.webhooks.find((webhook) => webhook.id === webhookId)!.deliveries;
  };

  it('need an API key, and list only the caller key’s endpoints', async () => {
    const anonymous = await webhooks.query(REGISTER, { url: receiver.url, events: ['ORDER_CONFIRMED'] });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const alices = await register(ALICE);
    const bobs = await register(BOB);
    const seenByBob = await webhooks.query<{ webhooks: Array<{ id: string }> }>(LOG, {}, BOB);
    expect(seenByBob.data!.webhooks.map((webhook) => webhook.id)).toContain(bobs.webhook.id);
    expect(seenByBob.data!.webhooks.map((webhook) => webhook.id)).not.toContain(alices.webhook.id);
  });

  it('resolve as entities (what `node(id:)` asks) only for the key that registered them', async () => {
    const { webhook } = await register(ALICE);
    const ENTITIES = 'query ($id: ID!) { _entities(representations: [{ __typename: "Webhook", id: $id }]) { ... on Webhook { id url } } }';
    const seen = async (principal?: typeof ALICE) =>
      (await webhooks.query<{ _entities: unknown[] }>(ENTITIES, { id: webhook.id }, principal)).data?._entities;
    expect(await seen(ALICE)).toEqual([{ id: webhook.id, url: receiver.url }]);
    expect(await seen(BOB)).toEqual([null]);
    expect(await seen(KEYLESS_PRINCIPAL)).toEqual([null]);
  });

  it('refuse a URL that is not http(s) with BAD_USER_INPUT naming url', async () => {
    const answer = await webhooks.query(REGISTER, { url: 'ftp://example.com/hook', events: ['ORDER_CONFIRMED'] }, ALICE);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'url' });
    const none = await webhooks.query(REGISTER, { url: receiver.url, events: [] }, ALICE);
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'events' });
  });

  it('send the key’s order events, signed, in order; never another key’s', async () => {
    const { secret, webhook } = await register(ALICE);
    const mine = paymentEvents('ord_alice_1', ALICE.keyId!);
    await webhooks.ingest([...paymentEvents('ord_bob_1', BOB.keyId!), ...mine, failedEvent('ord_keyless', null)]);
    await webhooks.dispatch();
    await webhooks.dispatch();
    expect(receiver.received.map((request) => JSON.parse(request.body).id)).toEqual(mine.map((event) => event.id));
    for (const request of receiver.received) {
      const signature = String(request.headers['tradegraph-signature']);
      expect(verifyWebhookSignature(secret, signature, request.body, Math.floor(webhooks.clock.now / 1000))).toBe(true);
      expect(request.headers['tradegraph-event-id']).toBe(JSON.parse(request.body).id);
    }
    expect((await logOf(webhook.id)).map((delivery) => [delivery.eventType, delivery.status])).toEqual([
      ['ESCROW_RELEASED', 'DELIVERED'],
      ['PAYMENT_CAPTURED', 'DELIVERED'],
    ]);
  });

  it('queue an event once when the relay delivers it twice', async () => {
    const { webhook } = await register(ALICE, ['ORDER_FAILED']);
    const event = failedEvent('ord_twice', ALICE.keyId!);
    await webhooks.ingest([event]);
    await webhooks.ingest([event]);
    expect((await logOf(webhook.id)).filter((delivery) => delivery.orderId === 'ord_twice')).toHaveLength(1);
  });

  it('retry after a 500 with backoff, holding the order’s later events until the earlier one is delivered', async () => {
    const { webhook } = await register(ALICE, ['PAYMENT_CAPTURED', 'ESCROW_RELEASED']);
    const [captured, released] = paymentEvents('ord_retry', ALICE.keyId!);
    receiver.answerWith(500);
    await webhooks.ingest([captured!, released!]);
    await webhooks.dispatch();
    expect(receiver.received).toHaveLength(1);
    let log = await logOf(webhook.id);
    const first = log.find((delivery) => delivery.eventType === 'PAYMENT_CAPTURED')!;
    expect(first).toMatchObject({ status: 'PENDING', attempts: [{ responseStatus: 500, error: 'the endpoint answered HTTP 500' }] });
    // WEBHOOK_RETRY_BASE_MS=1000 in the test service: the second attempt is due a second later.
    expect(Date.parse(first.nextAttemptAt!) - webhooks.clock.now).toBe(1_000);

    await webhooks.dispatch(); // nothing is due yet: the later event waits behind the earlier one
    expect(receiver.received).toHaveLength(1);

    webhooks.clock.now += 1_000;
    await webhooks.dispatch();
    await webhooks.dispatch();
    expect(receiver.received.map((request) => JSON.parse(request.body).id)).toEqual([captured!.id, captured!.id, released!.id]);
    log = await logOf(webhook.id);
    expect(log.map((delivery) => [delivery.eventType, delivery.status, delivery.attempts.map((a) => a.responseStatus)])).toEqual([
      ['ESCROW_RELEASED', 'DELIVERED', [200]],
      ['PAYMENT_CAPTURED', 'DELIVERED', [500, 200]],
    ]);
  });

  it('give up after a day, and send again on redeliverWebhook', async () => {
    const { webhook } = await register(ALICE, ['ORDER_FAILED']);
    receiver.answerWith(...Array.from({ length: 100 }, () => 503));
    await webhooks.ingest([failedEvent('ord_down', ALICE.keyId!)]);
    const start = webhooks.clock.now;
    let attempts = 0;
    while (webhooks.clock.now <= start + 86_400_000 + 3_600_000) {
      attempts += await webhooks.dispatch();
      webhooks.clock.now += 60_000;
    }
    const [failed] = await logOf(webhook.id);
    expect(failed!.status).toBe('FAILED');
    expect(failed!.nextAttemptAt).toBeNull();
    // Doubling from 1 s to the hourly cap, for a day: far fewer attempts than minutes in a day.
    expect(attempts).toBe(failed!.attempts.length);
    expect(attempts).toBeGreaterThan(20);
    expect(attempts).toBeLessThan(40);

    receiver.answerWith();
    const redelivered = await webhooks.query<{ redeliverWebhook: { id: string; status: string } }>(REDELIVER, { id: failed!.id }, ALICE);
    expect(redelivered.data?.redeliverWebhook).toEqual({ id: failed!.id, status: 'PENDING' });
    await webhooks.dispatch();
    expect((await logOf(webhook.id))[0]!.status).toBe('DELIVERED');

    const notBobs = await webhooks.query(REDELIVER, { id: failed!.id }, BOB);
    expect(notBobs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
