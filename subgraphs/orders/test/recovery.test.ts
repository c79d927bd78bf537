import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts } from '#scripts/stack/freePorts.js';
import { ServiceProcess } from '#scripts/stack/ServiceProcess.js';
import { createFakeParticipants, type FakeParticipants } from './support/createFakeParticipants.js';
import { ORDER, PLACE_ORDER, type OrderView, type PlaceOrderView } from './support/orderDocuments.js';
import { serveFakeParticipants, type ServedParticipants } from './support/serveFakeParticipants.js';
import { placeOrderInput, TEST_QUOTE_SECRET, testQuoteToken } from './support/testQuote.js';
import { principalHeaders } from '#test/support/serviceSecret.js';
import { TEST_APP } from './support/startOrders.js';

const SERVICE_SECRET = 'recovery-test-service-secret, 32+ characters';

/**
 * Crash recovery with a real crash: the orders service runs as its own process (tsx
 * subgraphs/orders/src/main.ts), is killed with SIGKILL while a participant call is in flight,
 * and started again on the same SQLite file. The participants are fakes served over HTTP with
 * their real schemas; they keep idempotency keys as the real ones must.
 */
describe('an orders process killed mid-saga', () => {
  let participants: FakeParticipants;
  let served: ServedParticipants;
  let orders: ServiceProcess;
  let url: string;
  let dataDir: string;

  beforeAll(async () => {
    participants = createFakeParticipants();
    participants.stock.set('offer-tea-1', 100);
    served = await serveFakeParticipants(participants, SERVICE_SECRET);
    dataDir = mkdtempSync(join(tmpdir(), 'orders-recovery-'));
    const [port] = await freePorts(1);
    url = `http://127.0.0.1:${port}/graphql`;
    orders = new ServiceProcess({
      name: 'orders',
      entry: 'subgraphs/orders/src/main.ts',
      root: new URL('../../../', import.meta.url),
      env: {
        ...served.urls,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        QUOTE_SIGNING_SECRET: TEST_QUOTE_SECRET,
        SERVICE_SECRET,
        LOG_LEVEL: 'warn',
        PLACE_ORDER_WAIT_MS: '300',
        SAGA_LEASE_MS: '1000', // a crashed process's sagas are free again after 1 s
        SAGA_RECOVERY_INTERVAL_MS: '200',
        SAGA_RETRY_BASE_MS: '50',
      },
    });
    await startOrders();
  }, 60_000);

  afterAll(async () => {
    await orders?.stop();
    await served?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function startOrders(): Promise<void> {
    orders.start();
    await orders.waitForHttp(url.replace('/graphql', '/ready'), 30_000);
  }
  async function post<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...principalHeaders(TEST_APP, SERVICE_SECRET) },
      body: JSON.stringify({ query, variables }),
    });
    return ((await response.json()) as { data: T }).data;
  }
  const orderStatus = async (id: string) => (await post<{ order: OrderView }>(ORDER, { id })).order;
  const effects = (operation: string) => participants.effects.filter((effect) => effect.startsWith(`${operation} `));
  const callsOf = (operation: string) => participants.calls.filter((call) => call.operation === operation);

  /** Places an order whose authorizePayment call hangs until released, and kills the service while it does. */
  async function crashDuringAuthorization(then?: { refuse: string }): Promise<{ id: string; release: () => void }> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const before = callsOf('authorizePayment').length;
    participants.script('authorizePayment', (n) => (n === before + 1 ? { after: held, then } : then));
    const placed = await post<PlaceOrderView>(PLACE_ORDER, { input: placeOrderInput(testQuoteToken(), `crash-${Date.now()}`) });
    const id = placed.placeOrder.order!.id;
    expect(placed.placeOrder.order!.status).toBe('PENDING');
    await expect.poll(() => callsOf('authorizePayment').length, { timeout: 10_000 }).toBe(before + 1);
    expect((await orderStatus(id)).steps.find((step) => step.name === 'AUTHORIZE_PAYMENT')?.status).toBe('RUNNING');
    await orders.kill();
    return { id, release };
  }

  it('resumes after a restart, repeats the payment call with the same key, and books everything once', async () => {
    const { id, release } = await crashDuringAuthorization();
    release(); // the provider did authorize; the answer died with the process
    await startOrders();
    await expect.poll(async () => (await orderStatus(id)).status, { timeout: 20_000, interval: 200 }).toBe('CONFIRMED');

    const authorizations = callsOf('authorizePayment').filter((call) => call.idempotencyKey === `order:${id}:AUTHORIZE_PAYMENT`);
    expect(authorizations.length).toBe(2); // the call cut short by the crash, and its repeat
    expect(effects('authorizePayment')).toHaveLength(1); // one authorization: no double charge
    expect(effects('reserveStock')).toHaveLength(1);
    expect(effects('placeMarketplaceOrder')).toHaveLength(1);
    expect(effects('createShipment')).toHaveLength(1);
    expect(callsOf('voidPayment')).toHaveLength(0);
    const order = await orderStatus(id);
    expect(order.payment?.id).toBe(effects('authorizePayment')[0]!.split(' ')[1]);
    expect(order.steps.slice(0, 6).every((step) => step.status === 'DONE')).toBe(true);
  }, 60_000);

  it('undoes the finished steps after a restart when the interrupted payment turns out declined', async () => {
    const shipmentsBefore = callsOf('cancelShipment').length;
    const { id, release } = await crashDuringAuthorization({ refuse: 'PAYMENT_DECLINED' });
    release();
    await startOrders();
    await expect.poll(async () => (await orderStatus(id)).status, { timeout: 20_000, interval: 200 }).toBe('FAILED');

    const order = await orderStatus(id);
    expect(order.steps.map((step) => [step.name, step.status])).toEqual([
      ['VERIFY_QUOTE', 'DONE'],
      ['RESERVE_STOCK', 'COMPENSATED'],
      ['PLACE_MARKETPLACE_ORDER', 'COMPENSATED'],
      ['CREATE_SHIPMENT', 'COMPENSATED'],
      ['AUTHORIZE_PAYMENT', 'FAILED'],
      ['CONFIRM', 'SKIPPED'],
    ]);
    expect(callsOf('cancelShipment').length - shipmentsBefore).toBe(1);
    expect(participants.calls.filter((call) => call.idempotencyKey.startsWith(`order:${id}:`)).map((call) => call.operation)).toEqual([
      'reserveStock',
      'placeMarketplaceOrder',
      'createShipment',
      'authorizePayment',
      'authorizePayment',
      'cancelShipment',
      'cancelMarketplaceOrder',
    ]);
  }, 60_000);
});
