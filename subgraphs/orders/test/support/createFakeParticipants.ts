import { ParticipantError } from '../../src/participants/ParticipantError.js';
import type { Participants, PaymentState, SellerTrustLevel, ShipmentTracking, TrackingRefused } from '../../src/saga/Participants.js';

export type FakeOperation = Exclude<keyof Participants, 'close' | 'trackShipments' | 'shippingAlternatives' | 'sellerTrust'>;

/** How a call should go, chosen per call by a test's script. */
export type FakeBehaviour =
  | undefined // normal: do it (once per idempotency key) and answer
  | { readonly refuse: string } // an expected failure: nothing done
  | { readonly reject: string } // the request itself refused (bad input, state conflict): nothing done
  | { readonly transient: true; readonly performed?: boolean } // no answer; with `performed`, it did happen
  | { readonly unreached: true } // never reached it (connection refused, circuit open): nothing done
  | { readonly after: Promise<void>; readonly then?: FakeBehaviour }; // once `after` resolves, go on as `then` says

export interface FakeCall {
  readonly operation: FakeOperation;
  readonly idempotencyKey: string;
}

export interface FakeParticipants extends Participants {
  /** Every call, in order, as it arrived. */
  readonly calls: FakeCall[];
  /** What the participants actually did, once per idempotency key: e.g. `authorizePayment pay-1`. */
  readonly effects: string[];
  readonly stock: Map<string, number>;
  /** Each shipment's tracking, or the carrier's refusal to track it. */
  readonly tracking: Map<string, ShipmentTracking | TrackingRefused>;
  /** Sets how the n-th (1-based) call of an operation behaves. */
  script(operation: FakeOperation, behaviour: (callNumber: number) => FakeBehaviour): void;
  /** What `sellerTrust` answers from now on (an Error: it throws it). Default: NEW, as for a seller the platform does not know. */
  setSellerTrust(trust: SellerTrustLevel | Error): void;
  /** The operations called, in order. */
  operations(): FakeOperation[];
}

/**
 * In-memory participants that keep their promises the way the real ones must: a repeated
 * idempotency key gives back the first answer and does nothing again. For tests of the saga's own
 * logic (order of compensation, retries, states), where a participant's behaviour is not what is
 * tested.
 */
export function createFakeParticipants(): FakeParticipants {
  const calls: FakeCall[] = [];
  const effects: string[] = [];
  const stock = new Map<string, number>([['offer-tea-1', 10]]);
  const tracking = new Map<string, ShipmentTracking | TrackingRefused>();
  const remembered = new Map<string, unknown>();
  const scripts = new Map<FakeOperation, (callNumber: number) => FakeBehaviour>();
  const counts = new Map<FakeOperation, number>();
  let ids = 0;
  let sellerTrustAnswer: SellerTrustLevel | Error = { level: 'NEW', score: 0.7 };

  async function call<T>(operation: FakeOperation, idempotencyKey: string, perform: (id: string) => T): Promise<T> {
    calls.push({ operation, idempotencyKey });
    const n = (counts.get(operation) ?? 0) + 1;
    counts.set(operation, n);
    let behaviour = scripts.get(operation)?.(n);
    if (behaviour && 'after' in behaviour) {
      await behaviour.after;
      behaviour = behaviour.then;
    }
    if (behaviour && 'reject' in behaviour)
      throw new ParticipantError('fake', 'rejected', behaviour.reject, `${operation} rejected: ${behaviour.reject}`);
    if (behaviour && 'refuse' in behaviour)
      throw new ParticipantError('fake', 'refused', behaviour.refuse, `${operation} refused: ${behaviour.refuse}`);
    if (behaviour && 'unreached' in behaviour)
      throw new ParticipantError('fake', 'unreached', 'UPSTREAM_UNAVAILABLE', `${operation}: connection refused`);
    const key = `${operation}:${idempotencyKey}`;
    const noAnswer = () => new ParticipantError('fake', 'transient', 'UPSTREAM_UNAVAILABLE', `${operation}: no answer`);
    // Lost on the way there: the participant never saw it.
    if (behaviour && 'transient' in behaviour && !behaviour.performed) throw noAnswer();
    if (!remembered.has(key)) {
      const id = `${operation}-${++ids}`;
      remembered.set(key, perform(id));
      effects.push(`${operation} ${id}`);
    }
    // Lost on the way back: done, but the saga does not know.
    if (behaviour && 'transient' in behaviour) throw noAnswer();
    return remembered.get(key) as T;
  }

  const payment = (paymentId: string, status: string): PaymentState => ({ paymentId, status, provider: 'cardnet' });

  return {
    calls,
    effects,
    stock,
    tracking,
    script: (operation, behaviour) => void scripts.set(operation, behaviour),
    operations: () => calls.map((c) => c.operation),

    reserveStock: ({ offerId, quantity, idempotencyKey }) =>
      call('reserveStock', idempotencyKey, (id) => {
        const available = stock.get(offerId) ?? 0;
        if (available < quantity) throw new ParticipantError('fake', 'refused', 'OUT_OF_STOCK', `only ${available} left`);
        stock.set(offerId, available - quantity);
        return {
          reservationId: id,
          status: 'HELD',
          expiresAt: new Date(Date.now() + 600_000).toISOString(),
          offer: {
            title: 'Matcha Green Tea Powder',
            hsCode: '090210',
            weightGrams: 250,
            originCountry: 'CN',
            sellerId: 'cn-seller-1',
            sellerName: 'Hangzhou West Lake Tea',
            sellerCountry: 'CN',
            sellerDispatchAddress: { lines: ['西湖区龙井路18号'], city: '杭州市', region: '浙江省', postalCode: '310013', country: 'CN' },
            marketplaceId: 'cn-jademarket',
            marketplaceName: 'Jade Market',
            sellerStanding: { verification: { level: 'BUSINESS' }, rating: { average: 4.8, worst: 1, best: 5, count: 120 } },
          },
        };
      }),
    releaseStock: ({ idempotencyKey }) => call('releaseStock', idempotencyKey, () => undefined),
    placeMarketplaceOrder: ({ expectedUnitPrice, idempotencyKey }) =>
      call('placeMarketplaceOrder', idempotencyKey, (id) => ({ marketplaceOrderId: id, total: expectedUnitPrice })),
    cancelMarketplaceOrder: ({ idempotencyKey }) => call('cancelMarketplaceOrder', idempotencyKey, () => undefined),
    createShipment: ({ idempotencyKey }) =>
      call('createShipment', idempotencyKey, (id) => {
        tracking.set(id, { status: 'LABEL_CREATED', eventStatuses: ['LABEL_CREATED'], firstReportedAt: {} });
        return {
          shipmentId: id,
          trackingNumber: `TN-${id}`,
          carrierId: 'post-intl',
          legs: [{ carrierId: 'post-intl', mode: 'POSTAL', from: 'CN', to: 'DE' }],
        };
      }),
    cancelShipment: ({ idempotencyKey }) => call('cancelShipment', idempotencyKey, () => undefined),
    authorizePayment: ({ idempotencyKey }) => call('authorizePayment', idempotencyKey, (id) => payment(id, 'AUTHORIZED')),
    capturePayment: ({ paymentId, idempotencyKey }) => call('capturePayment', idempotencyKey, () => payment(paymentId, 'IN_ESCROW')),
    voidPayment: ({ paymentId, idempotencyKey }) => call('voidPayment', idempotencyKey, () => payment(paymentId, 'VOIDED')),
    releaseEscrow: ({ paymentId, idempotencyKey }) => call('releaseEscrow', idempotencyKey, () => payment(paymentId, 'RELEASED')),
    refundPayment: ({ paymentId, idempotencyKey }) => call('refundPayment', idempotencyKey, () => payment(paymentId, 'REFUNDED')),
    // Read-only, so not a keyed call: not among `operations()`, whose sequences the saga tests assert.
    async sellerTrust() {
      if (sellerTrustAnswer instanceof Error) throw sellerTrustAnswer;
      return sellerTrustAnswer;
    },
    setSellerTrust: (trust) => {
      sellerTrustAnswer = trust;
    },
    async trackShipments(shipmentIds) {
      return new Map(shipmentIds.map((id) => [id, tracking.get(id)]));
    },
    async close() {},
  };
}
