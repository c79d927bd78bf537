import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serviceSecretHeaders } from '#test/support/serviceSecret.js';
import { startLogistics, type GraphQLResult, type TestLogistics } from './startLogistics.js';
import { offer } from './support/offerRepresentations.js';

const OPTIONS = `query ($representations: [_Any!]!, $to: CountryCode!) {
  _entities(representations: $representations) { ... on Offer { shippingOptions(to: $to) { id mode carrier { id } } } }
}`;
const SHIPMENT_FIELDS = `id trackingNumber carrier { id } cancelled
  labels { carrier { id } trackingNumber mode from to }
  tracking { status events { at status description location } }
  customsDocuments { kind hsCode originCountry value { amount currency } iossNumber }`;
const CREATE = `mutation ($input: CreateShipmentInput!) { createShipment(input: $input) { ${SHIPMENT_FIELDS} } }`;
const CANCEL = `mutation ($input: CancelShipmentInput!) { cancelShipment(input: $input) { id cancelled tracking { status } } }`;
const RETURN = `mutation ($input: CreateReturnShipmentInput!) { createReturnShipment(input: $input) { ${SHIPMENT_FIELDS} } }`;
const SHIPMENTS = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Shipment { ${SHIPMENT_FIELDS} } } }`;

interface Shipment {
  id: string;
  trackingNumber: string;
  carrier: { id: string };
  cancelled: boolean;
  labels: Array<{ carrier: { id: string }; trackingNumber: string; mode: string; from: string; to: string }>;
  tracking: { status: string; events: Array<{ at: string; status: string; description: string; location: string | null }> };
  customsDocuments: Array<{
    kind: string;
    hsCode: string | null;
    originCountry: string;
    value: { amount: string; currency: string };
    iossNumber: string | null;
  }>;
}

const SERVICE = serviceSecretHeaders();
const IOSS = 'IM2760001234';
let logistics: TestLogistics;
let keys = 0;
const key = (name: string) => `${name}-${++keys}-${Date.now()}`;
const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code;

async function optionId(mode: string, carrier: string): Promise<string> {
  const result = await logistics.query<{
    _entities: Array<{ shippingOptions: Array<{ id: string; mode: string; carrier: { id: string } }> }>;
  }>(OPTIONS, {
    representations: [offer()],
    to: 'DE',
  });
  const option = result.data!._entities[0]!.shippingOptions.find(
    (candidate) => candidate.mode === mode && candidate.carrier.id === carrier,
  );
  if (!option) throw new Error(`no ${mode} option by ${carrier} from CN to DE`);
  return option.id;
}

function shipmentInput(shippingOptionId: string, overrides: Record<string, unknown> = {}) {
  return {
    shippingOptionId,
    shipFrom: { name: '杭州西湖茶庄', line1: '18 Longjing Road', city: 'Hangzhou', postalCode: '310000', country: 'CN' },
    shipTo: {
      name: 'Erika Mustermann',
      line1: 'Heidestraße 17',
      city: 'Köln',
      postalCode: '51147',
      country: 'DE',
      email: 'erika@example.de',
    },
    goods: {
      description: 'Longjing green tea',
      hsCode: '090210',
      originCountry: 'CN',
      quantity: 1,
      value: { amount: '120.00', currency: 'CNY' },
      weightGrams: 250,
    },
    iossNumber: IOSS,
    idempotencyKey: key('shipment'),
    ...overrides,
  };
}

const create = (input: Record<string, unknown>, headers: Record<string, string> = SERVICE) =>
  logistics.query<{ createShipment: Shipment }>(CREATE, { input }, headers);
const labelsAt = async (carrier: string) =>
  (await (await fetch(`${logistics.sandboxes.get(carrier)!.url}/__sandbox/labels`)).json()) as {
    count: number;
    labels: Array<{ trackingNumber: string; cancelled: boolean }>;
  };
const advance = (carrier: string, trackingNumber: string, to: string) =>
  logistics.sandboxes.get(carrier)!.post('/__sandbox/advance', { trackingNumber, to });

beforeAll(async () => {
  logistics = await startLogistics();
  // Parcels move only on request here, so no test races the clock.
  await Promise.all([...logistics.sandboxes.values()].map((sandbox) => sandbox.post('/__sandbox/pace', { msPerStage: null })));
});
afterAll(() => logistics.stop());
afterEach(async () => {
  await Promise.all([...logistics.sandboxes.values()].map((sandbox) => sandbox.setFault(null)));
});

describe('createShipment and cancelShipment (internal)', () => {
  it('are refused without the service secret, booking nothing', async () => {
    const before = await labelsAt('post-intl');
    const input = shipmentInput(await optionId('POSTAL', 'post-intl'));
    for (const headers of [{}, { 'x-service-secret': 'guess' }] as Array<Record<string, string>>) {
      const result = await create(input, headers);
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
    }
    const cancel = await logistics.query(CANCEL, { input: { shipmentId: 'x', idempotencyKey: key('cancel') } });
    expect(codeOf(cancel)).toBe('UNAUTHENTICATED');
    expect((await labelsAt('post-intl')).count).toBe(before.count);
  });

  it('books a dedicated line as two labels; tracking shows both legs, in our words, after /__sandbox/advance', async () => {
    const input = shipmentInput(await optionId('DEDICATED_LINE', 'line-asiaeu'));
    const result = await create(input);
    expect(result.errors).toBeUndefined();
    const shipment = result.data!.createShipment;
    expect(shipment.labels).toMatchObject([
      { carrier: { id: 'line-asiaeu' }, mode: 'DEDICATED_LINE', from: 'CN', to: 'DE' },
      { carrier: { id: 'lastmile-local' }, mode: 'DOMESTIC', from: 'DE', to: 'DE' },
    ]);
    expect(shipment).toMatchObject({
      trackingNumber: shipment.labels[0]!.trackingNumber,
      carrier: { id: 'line-asiaeu' },
      cancelled: false,
    });
    expect(shipment.tracking).toMatchObject({
      status: 'LABEL_CREATED',
      events: [{ status: 'LABEL_CREATED' }, { status: 'LABEL_CREATED' }],
    });
    expect(shipment.customsDocuments).toEqual([
      { kind: 'COMMERCIAL_INVOICE', hsCode: '090210', originCountry: 'CN', value: { amount: '120.00', currency: 'CNY' }, iossNumber: IOSS },
    ]);

    const [line, lastMile] = shipment.labels;
    await advance('line-asiaeu', line!.trackingNumber, 'ARRIVED_HUB');
    const atHub = await logistics.query<{ _entities: Shipment[] }>(SHIPMENTS, {
      representations: [{ __typename: 'Shipment', id: shipment.id }],
    });
    expect(atHub.data!._entities[0]!.tracking.status).toBe('AT_HUB');

    await advance('line-asiaeu', line!.trackingNumber, 'HANDED_OVER');
    await advance('lastmile-local', lastMile!.trackingNumber, 'DELIVERED');
    const read = await logistics.query<{ _entities: Shipment[] }>(SHIPMENTS, {
      representations: [{ __typename: 'Shipment', id: shipment.id }],
    });
    expect(read.errors).toBeUndefined();
    const { tracking } = read.data!._entities[0]!;
    expect(tracking.status).toBe('DELIVERED');
    const descriptions = tracking.events.map((event) => event.description);
    expect(descriptions).toContain('Handed over to the last-mile carrier'); // SilkRoute's words
    expect(descriptions).toContain('Delivered to recipient'); // LocalHop's words
    expect(tracking.events.map((event) => event.status)).toEqual(
      expect.arrayContaining(['PICKED_UP', 'CUSTOMS', 'AT_HUB', 'OUT_FOR_DELIVERY', 'DELIVERED']),
    );
    const times = tracking.events.map((event) => Date.parse(event.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('books once per idempotency key: the same call twice gives the same shipment and no second label', async () => {
    const input = shipmentInput(await optionId('DEDICATED_LINE', 'line-asiaeu'));
    const [lineBefore, lastMileBefore] = [await labelsAt('line-asiaeu'), await labelsAt('lastmile-local')];
    const first = await create(input);
    const again = await create(input);
    expect(again.data!.createShipment.id).toBe(first.data!.createShipment.id);
    expect((await labelsAt('line-asiaeu')).count).toBe(lineBefore.count + 1);
    expect((await labelsAt('lastmile-local')).count).toBe(lastMileBefore.count + 1);
  });

  it('cancels the first leg when the second fails: no orphan label', async () => {
    const input = shipmentInput(await optionId('DEDICATED_LINE', 'line-asiaeu'));
    await logistics.sandboxes.get('lastmile-local')!.setFault('error:503');
    const result = await create(input);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'CARRIER_UNAVAILABLE',
      carrier: 'lastmile-local',
      leg: 2,
      retryable: false,
    });
    const cancelledLegs = result.errors![0]!.extensions!.cancelledLegs as string[];
    expect(cancelledLegs).toHaveLength(1);
    const trackingNumber = cancelledLegs[0]!.replace('line-asiaeu:', '');
    const line = await labelsAt('line-asiaeu');
    expect(line.labels.find((label) => label.trackingNumber === trackingNumber)).toMatchObject({ cancelled: true });
  });

  it('files CN22/CN23 for postal items and a commercial invoice for express, with IOSS into the EU', async () => {
    const postal = await create(shipmentInput(await optionId('POSTAL', 'post-intl')));
    expect(postal.data!.createShipment.customsDocuments).toEqual([
      { kind: 'CN22', hsCode: '090210', originCountry: 'CN', value: { amount: '120.00', currency: 'CNY' }, iossNumber: IOSS },
    ]);
    const valuable = shipmentInput(await optionId('POSTAL', 'post-intl'), {
      goods: {
        description: 'Aged pu-erh cake',
        hsCode: '090240',
        originCountry: 'CN',
        quantity: 1,
        value: { amount: '4000.00', currency: 'CNY' },
        weightGrams: 400,
      },
    });
    expect((await create(valuable)).data!.createShipment.customsDocuments[0]).toMatchObject({
      kind: 'CN23',
      hsCode: '090240',
      value: { amount: '4000.00' },
    });
    const express = await create(shipmentInput(await optionId('EXPRESS', 'express-global')));
    expect(express.data!.createShipment.customsDocuments).toEqual([
      { kind: 'COMMERCIAL_INVOICE', hsCode: '090210', originCountry: 'CN', value: { amount: '120.00', currency: 'CNY' }, iossNumber: IOSS },
    ]);
    expect(express.data!.createShipment.labels).toMatchObject([{ carrier: { id: 'express-global' }, mode: 'EXPRESS' }]);
  });

  it("prints the customs value on the destination's basis and the EU product identifiers on every carrier's document", async () => {
    const goods = {
      ...shipmentInput('').goods,
      customsValue: { value: { amount: '16.14', currency: 'EUR' }, basis: 'CIF' },
      productIdentifiers: { merchantProductId: 'cn-jademarket:JM-88213', nonStandardisedId: 'LJ-250', standardisedId: null },
    };
    for (const [mode, carrier, kind] of [
      ['POSTAL', 'post-intl', 'CN22'],
      ['EXPRESS', 'express-global', 'COMMERCIAL_INVOICE'],
      ['DEDICATED_LINE', 'line-asiaeu', 'COMMERCIAL_INVOICE'],
    ] as const) {
      const result = await logistics.query<{ createShipment: Shipment & { customsDocuments: unknown[] } }>(
        `mutation ($input: CreateShipmentInput!) { createShipment(input: $input) { customsDocuments {
          kind value { amount currency } customsValue { amount currency } valuationBasis
          productIdentifiers { merchantProductId nonStandardisedId standardisedId } } } }`,
        { input: shipmentInput(await optionId(mode, carrier), { goods }) },
        SERVICE,
      );
      expect(result.errors, carrier).toBeUndefined();
      expect(result.data!.createShipment.customsDocuments, carrier).toEqual([
        {
          kind,
          value: { amount: '120.00', currency: 'CNY' },
          customsValue: { amount: '16.14', currency: 'EUR' },
          valuationBasis: 'CIF',
          productIdentifiers: { merchantProductId: 'cn-jademarket:JM-88213', nonStandardisedId: 'LJ-250', standardisedId: null },
        },
      ]);
    }
    const id = await optionId('POSTAL', 'post-intl');
    const without = await create(shipmentInput(id, { goods: { ...goods, productIdentifiers: { merchantProductId: ' ' } } }));
    expect(without.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'input.goods.productIdentifiers.merchantProductId',
    });
    const nothing = await create(
      shipmentInput(id, { goods: { ...goods, customsValue: { value: { amount: '0.00', currency: 'EUR' }, basis: 'CIF' } } }),
    );
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.goods.customsValue.value' });
  });

  it('reads the tracking of many shipments with one call per carrier', async () => {
    const ids = await Promise.all(
      ['POSTAL', 'POSTAL', 'DEDICATED_LINE'].map(async (mode) => {
        const carrier = mode === 'POSTAL' ? 'post-intl' : 'line-asiaeu';
        return (await create(shipmentInput(await optionId(mode, carrier)))).data!.createShipment.id;
      }),
    );
    await Promise.all([...logistics.sandboxes.values()].map((sandbox) => sandbox.resetStats()));
    const read = await logistics.query<{ _entities: Shipment[] }>(SHIPMENTS, {
      representations: ids.map((id) => ({ __typename: 'Shipment', id })),
    });
    expect(read.errors).toBeUndefined();
    expect(read.data!._entities).toHaveLength(3);
    expect((await logistics.sandboxes.get('post-intl')!.stats()).byEndpoint).toEqual({ TrackV2: 1 });
    expect((await logistics.sandboxes.get('line-asiaeu')!.stats()).byEndpoint).toEqual({ 'linehaul.tracking': 1 });
    expect((await logistics.sandboxes.get('lastmile-local')!.stats()).byEndpoint).toEqual({ 'rpc.shipment.track': 1 });
  });

  it('cancels every leg, harmlessly twice; a parcel already picked up is a STATE_CONFLICT', async () => {
    const booked = (await create(shipmentInput(await optionId('DEDICATED_LINE', 'line-asiaeu')))).data!.createShipment;
    const input = { shipmentId: booked.id, idempotencyKey: key('cancel') };
    for (let i = 0; i < 2; i++) {
      const cancelled = await logistics.query<{ cancelShipment: { cancelled: boolean; tracking: { status: string } } }>(
        CANCEL,
        { input },
        SERVICE,
      );
      expect(cancelled.data!.cancelShipment).toMatchObject({ cancelled: true, tracking: { status: 'CANCELLED' } });
    }
    const moving = (await create(shipmentInput(await optionId('EXPRESS', 'express-global')))).data!.createShipment;
    await advance('express-global', moving.trackingNumber, 'PICKED_UP');
    const late = await logistics.query(CANCEL, { input: { shipmentId: moving.id, idempotencyKey: key('cancel') } }, SERVICE);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'STATE_CONFLICT', carrier: 'express-global', reason: 'NOT_CANCELLABLE' });
  });

  it('refuses input that does not fit the quoted option', async () => {
    const id = await optionId('POSTAL', 'post-intl');
    const elsewhere = await create(
      shipmentInput(id, { shipTo: { name: 'A', line1: 'B', city: 'Paris', postalCode: '75001', country: 'FR' } }),
    );
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.shipTo.country' });
    expect(codeOf(await create(shipmentInput('not-an-option')))).toBe('BAD_USER_INPUT');
    expect(codeOf(await create(shipmentInput(id, { iossNumber: 'IOSS?' })))).toBe('BAD_USER_INPUT');
  });
});

describe('a carrier sandbox clock moved on', () => {
  it('dates the scans that follow later: a parcel delivered 30 days after its pickup, in its tracking', async () => {
    const shipment = (await create(shipmentInput(await optionId('POSTAL', 'post-intl')))).data!.createShipment;
    expect((await advance('post-intl', shipment.trackingNumber, 'PICKED_UP')).status).toBe(200);
    const clock = await logistics.sandboxes.get('post-intl')!.post('/__sandbox/clock', { advanceMs: 30 * 86_400_000 });
    expect(clock.status).toBe(200);
    expect((await advance('post-intl', shipment.trackingNumber, 'DELIVERED')).status).toBe(200);
    const read = await logistics.query<{ _entities: Shipment[] }>(
      SHIPMENTS,
      { representations: [{ __typename: 'Shipment', id: shipment.id }] },
      SERVICE,
    );
    const events = read.data!._entities[0]!.tracking.events;
    const at = (status: string) => Date.parse(events.find((event) => event.status === status)!.at);
    expect(at('DELIVERED') - at('PICKED_UP')).toBeGreaterThanOrEqual(30 * 86_400_000);
    expect((await logistics.sandboxes.get('post-intl')!.post('/__sandbox/clock', { advanceMs: -1 })).status).toBe(400);
  });
});

describe('createReturnShipment (internal)', () => {
  const returnInput = (shipment: Shipment, overrides: Record<string, unknown> = {}) => {
    const { shipFrom, shipTo, goods } = shipmentInput('unused');
    return {
      shipmentId: shipment.id,
      shipFrom: shipTo,
      shipTo: shipFrom,
      goods,
      reason: 'DEFECTIVE',
      idempotencyKey: key('return'),
      ...overrides,
    };
  };

  it('books one return label on the reverse lane with a carrier that has a returns product, once per key', async () => {
    // Delivered by post; the post has no returns product, so the return goes by the integrator.
    const outbound = (await create(shipmentInput(await optionId('POSTAL', 'post-intl')))).data!.createShipment;
    const input = returnInput(outbound);
    const result = await logistics.query<{ createReturnShipment: Shipment }>(RETURN, { input }, SERVICE);
    expect(result.errors).toBeUndefined();
    const label = result.data!.createReturnShipment;
    expect(label.labels).toMatchObject([{ carrier: { id: 'express-global' }, from: 'DE', to: 'CN' }]);
    expect(label.tracking.status).toBe('LABEL_CREATED');
    const again = await logistics.query<{ createReturnShipment: Shipment }>(RETURN, { input }, SERVICE);
    expect(again.data!.createReturnShipment.id).toBe(label.id);
    const listed = (await labelsAt('express-global')).labels as Array<{ trackingNumber: string; label?: unknown }>;
    expect(JSON.stringify(listed.find((entry) => entry.trackingNumber === label.trackingNumber)!.label)).toContain(outbound.trackingNumber);
  });

  it('refuses a lane that is not the reverse of the delivery, naming the field, booking nothing', async () => {
    const outbound = (await create(shipmentInput(await optionId('POSTAL', 'post-intl')))).data!.createShipment;
    const before = (await labelsAt('express-global')).count;
    const { shipFrom } = shipmentInput('unused');
    const wrong = await logistics.query(RETURN, { input: returnInput(outbound, { shipFrom }) }, SERVICE);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.shipFrom.country' });
    expect((await labelsAt('express-global')).count).toBe(before);
  });
});
