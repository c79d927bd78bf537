import { beforeAll, describe, expect, it } from 'vitest';
import { parseMoney } from '#packages/money/index.js';
import type { TestSandbox } from '#test/support/startSandbox.js';
import { CarrierRefusal, type CarrierRefusalReason } from '../src/adapters/CarrierRefusal.js';
import type {
  CarrierAdapter,
  CustomsDocumentKind,
  LabelRequest,
  ParcelRecord,
  PostalAddress,
  TrackingStatus,
} from '../src/adapters/ports.js';

export interface LabelSuiteOptions {
  /** The carrier's service code for a label on its served lane. */
  service: string;
  servedLane: { from: string; to: string };
  unservedLane: { from: string; to: string };
  /** The vendor's names for label creation and tracking, as counted in /__sandbox/stats. */
  labelEndpoints: { create: string; track: string };
  /** The customs document it files for a parcel on its served lane (none for a domestic carrier). */
  customsKind: CustomsDocumentKind | undefined;
  /** How far `POST /__sandbox/advance` takes a parcel at the end, and our status for it there. */
  lastStage: { to: string; status: TrackingStatus };
  /** The adapter's reading of the vendor's event codes. */
  trackingStatusOf(code: string, onUnknown: (code: string) => void): TrackingStatus;
  /** For a carrier with a returns product: the vendor's name for return-label creation. The adapter must then have `createReturnLabel`. */
  returns?: { endpoint: string };
}

/** The order a parcel's life runs in, so a test can see events never go backwards. */
const ORDER: readonly TrackingStatus[] = ['LABEL_CREATED', 'PICKED_UP', 'CUSTOMS', 'IN_TRANSIT', 'AT_HUB', 'OUT_FOR_DELIVERY', 'DELIVERED'];

const address = (country: string, name: string): PostalAddress => ({
  name,
  line1: '1 Harbour Road',
  city: 'Portsville',
  postalCode: '10115',
  country,
});

/**
 * The booking half of the carrier conformance suite, against the same sandbox: labels once per
 * idempotency key, tracking in the carrier's words read into ours, parcels that move on request
 * and over time, cancellation until pickup, and the customs documents the carrier files.
 */
export function describeCarrierLabels(options: LabelSuiteOptions, sandbox: () => TestSandbox, adapter: () => CarrierAdapter): void {
  let keys = 0;
  const key = (name: string) => `${name}-${++keys}-${Date.now()}`;
  const iossApplies =
    ['DE', 'FR', 'NL', 'PL', 'IT', 'ES'].includes(options.servedLane.to) && options.servedLane.from !== options.servedLane.to;
  const labelRequest = (overrides: Partial<LabelRequest> = {}): LabelRequest => ({
    service: options.service,
    from: address(options.servedLane.from, 'Hangzhou Tea House'),
    to: address(options.servedLane.to, 'Erika Mustermann'),
    weightGrams: 600,
    goods: {
      description: 'Green tea, 2 tins',
      hsCode: '090210',
      originCountry: options.servedLane.from,
      quantity: 2,
      value: parseMoney('25.00', 'USD'),
      customsValue: undefined,
      productIdentifiers: undefined,
    },
    iossNumber: iossApplies ? 'IM2760000001' : undefined,
    handover: undefined,
    idempotencyKey: key('label'),
    ...overrides,
  });
  const labelCount = async () => ((await (await fetch(`${sandbox().url}/__sandbox/labels`)).json()) as { count: number }).count;
  const advance = (trackingNumber: string, to: string) => sandbox().post('/__sandbox/advance', { trackingNumber, to });
  const trackOne = async (trackingNumber: string): Promise<ParcelRecord> => {
    const [record] = await adapter().track([trackingNumber]);
    if (record instanceof Error) throw record;
    return record!;
  };
  async function refusalOf(promise: Promise<unknown>): Promise<CarrierRefusalReason> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'a CarrierRefusal').toBeInstanceOf(CarrierRefusal);
    return (error as CarrierRefusal).reason;
  }

  describe('labels (conformance)', () => {
    beforeAll(async () => {
      // Parcels move only on request here, so no test races the clock.
      await sandbox().post('/__sandbox/pace', { msPerStage: null });
    });

    it('books one label per idempotency key, however often asked; another request with the key is refused', async () => {
      const request = labelRequest();
      const before = await labelCount();
      await sandbox().resetStats();
      const first = await adapter().createLabel(request);
      const again = await adapter().createLabel(request);
      expect(again).toEqual(first);
      expect(first.trackingNumber.length).toBeGreaterThan(5);
      expect((await sandbox().stats()).byEndpoint[options.labelEndpoints.create]).toBe(2);
      expect(await labelCount()).toBe(before + 1);
      expect(await refusalOf(adapter().createLabel({ ...request, weightGrams: 700 }))).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await labelCount()).toBe(before + 1);
    });

    it(
      options.returns
        ? 'books a return label on the reverse lane, once per key, naming the label the goods came on'
        : 'has no returns product',
      async () => {
        expect(adapter().createReturnLabel !== undefined).toBe(options.returns !== undefined);
        if (!options.returns) return;
        const outbound = await adapter().createLabel(labelRequest());
        const { from, to, goods } = labelRequest();
        const request = {
          service: options.service,
          from: to,
          to: from,
          weightGrams: 600,
          goods,
          returnOf: { carrierId: 'post-intl', trackingNumber: outbound.trackingNumber },
          reason: 'DEFECTIVE',
          idempotencyKey: key('return'),
        };
        await sandbox().resetStats();
        const label = await adapter().createReturnLabel!(request);
        expect(await adapter().createReturnLabel!(request)).toEqual(label);
        expect((await sandbox().stats()).byEndpoint[options.returns.endpoint]).toBe(2);
        const listed = (await (await fetch(`${sandbox().url}/__sandbox/labels`)).json()) as {
          labels: Array<{ trackingNumber: string; from: string; to: string; label: unknown }>;
        };
        const made = listed.labels.find((entry) => entry.trackingNumber === label.trackingNumber);
        expect(made).toMatchObject({ from: options.servedLane.to, to: options.servedLane.from });
        expect(JSON.stringify(made!.label)).toContain(outbound.trackingNumber);
        expect((await trackOne(label.trackingNumber)).events.map((event) => event.status)).toEqual(['LABEL_CREATED']);
        expect(await refusalOf(adapter().createReturnLabel!({ ...request, weightGrams: 700 }))).toBe('IDEMPOTENCY_KEY_REUSED');
      },
    );

    it('tracks many labels in one call, an unknown number failing only its own answer', async () => {
      const a = await adapter().createLabel(labelRequest());
      const b = await adapter().createLabel(labelRequest());
      await sandbox().resetStats();
      const [first, unknown, second] = await adapter().track([a.trackingNumber, 'NO-SUCH-LABEL-1', b.trackingNumber]);
      expect((await sandbox().stats()).byEndpoint[options.labelEndpoints.track]).toBe(1);
      expect(unknown).toBeInstanceOf(CarrierRefusal);
      expect((unknown as CarrierRefusal).reason).toBe('NOT_FOUND');
      for (const [record, label] of [
        [first, a],
        [second, b],
      ] as const) {
        expect(record).not.toBeInstanceOf(Error);
        expect(record).toMatchObject({ trackingNumber: label.trackingNumber, cancelled: false });
        expect((record as ParcelRecord).events.map((event) => event.status)).toEqual(['LABEL_CREATED']);
      }
    });

    it('files the customs data: HS code, origin, value and currency, IOSS where it applies', async () => {
      const label = await adapter().createLabel(labelRequest());
      const { customsDocuments } = await trackOne(label.trackingNumber);
      if (options.customsKind === undefined) {
        expect(customsDocuments).toEqual([]);
        return;
      }
      expect(customsDocuments).toEqual([
        {
          kind: options.customsKind,
          hsCode: '090210',
          originCountry: options.servedLane.from,
          value: parseMoney('25.00', 'USD'),
          customsValue: undefined,
          valuationBasis: undefined,
          productIdentifiers: undefined,
          iossNumber: iossApplies ? 'IM2760000001' : undefined,
        },
      ]);
    });

    it("files the customs value on the destination's basis and the EU product identifiers, as the booking gave them", async () => {
      // An EU destination values on CIF in euros; the others here on FOB in dollars.
      const customsValue = iossApplies
        ? { value: parseMoney('27.41', 'EUR'), basis: 'CIF' as const }
        : { value: parseMoney('25.00', 'USD'), basis: 'FOB' as const };
      const productIdentifiers = { merchantProductId: 'offer-7781', nonStandardisedId: 'TEA-TIN-250', standardisedId: '4006381333931' };
      const base = labelRequest();
      const label = await adapter().createLabel({ ...base, goods: { ...base.goods, customsValue, productIdentifiers } });
      const onlyTheMerchantId = await adapter().createLabel({
        ...labelRequest(),
        goods: {
          ...base.goods,
          productIdentifiers: { merchantProductId: 'offer-7782', nonStandardisedId: undefined, standardisedId: undefined },
        },
      });
      const [documents, sparse] = await Promise.all(
        [label, onlyTheMerchantId].map(async (l) => (await trackOne(l.trackingNumber)).customsDocuments),
      );
      if (options.customsKind === undefined) {
        expect(documents).toEqual([]);
        return;
      }
      expect(documents).toEqual([
        expect.objectContaining({
          kind: options.customsKind,
          hsCode: '090210',
          value: parseMoney('25.00', 'USD'),
          customsValue: customsValue.value,
          valuationBasis: customsValue.basis,
          productIdentifiers,
        }),
      ]);
      expect(sparse).toEqual([
        expect.objectContaining({
          customsValue: undefined,
          valuationBasis: undefined,
          productIdentifiers: { merchantProductId: 'offer-7782', nonStandardisedId: undefined, standardisedId: undefined },
        }),
      ]);
    });

    it('moves a parcel on request, each vendor event read into our words, in order', async () => {
      const label = await adapter().createLabel(labelRequest());
      expect((await advance(label.trackingNumber, options.lastStage.to)).status).toBe(200);
      const { events } = await trackOne(label.trackingNumber);
      const statuses = events.map((event) => event.status);
      expect(statuses[0]).toBe('LABEL_CREATED');
      expect(statuses.at(-1)).toBe(options.lastStage.status);
      expect(statuses).toContain('PICKED_UP');
      for (const event of events) {
        expect(event.description.length).toBeGreaterThan(0);
        expect(Number.isNaN(Date.parse(event.at))).toBe(false);
      }
      const times = events.map((event) => Date.parse(event.at));
      expect([...times].sort((x, y) => x - y)).toEqual(times);
      expect(await advance(label.trackingNumber, 'EXCEPTION')).toMatchObject({ status: 200 });
      expect((await trackOne(label.trackingNumber)).events.at(-1)!.status).toBe('EXCEPTION');
    });

    it('moves parcels over time, at the pace the sandbox is set to', async () => {
      await sandbox().post('/__sandbox/pace', { msPerStage: 40 });
      try {
        const label = await adapter().createLabel(labelRequest());
        await new Promise((resolve) => setTimeout(resolve, 150));
        const statuses = (await trackOne(label.trackingNumber)).events.map((event) => event.status);
        expect(statuses.length).toBeGreaterThanOrEqual(3);
        expect(statuses.slice(0, 2)).toEqual(['LABEL_CREATED', 'PICKED_UP']);
        for (let i = 1; i < statuses.length; i++) expect(ORDER.indexOf(statuses[i]!)).toBeGreaterThanOrEqual(0);
      } finally {
        await sandbox().post('/__sandbox/pace', { msPerStage: null });
      }
    });

    it('cancels a label before pickup, harmlessly twice; once picked up it is NOT_CANCELLABLE', async () => {
      const label = await adapter().createLabel(labelRequest());
      const cancel = { trackingNumber: label.trackingNumber, idempotencyKey: key('cancel') };
      await adapter().cancelLabel(cancel);
      await adapter().cancelLabel(cancel);
      await adapter().cancelLabel({ ...cancel, idempotencyKey: key('cancel') });
      const record = await trackOne(label.trackingNumber);
      expect(record.cancelled).toBe(true);
      expect(record.events.at(-1)!.status).toBe('CANCELLED');

      const moving = await adapter().createLabel(labelRequest());
      await advance(moving.trackingNumber, 'PICKED_UP');
      expect(await refusalOf(adapter().cancelLabel({ trackingNumber: moving.trackingNumber, idempotencyKey: key('cancel') }))).toBe(
        'NOT_CANCELLABLE',
      );
      expect(await refusalOf(adapter().cancelLabel({ trackingNumber: 'NO-SUCH-LABEL-2', idempotencyKey: key('cancel') }))).toBe(
        'NOT_FOUND',
      );
    });

    it('refuses a parcel it will not carry as REFUSED, booking nothing', async () => {
      const before = await labelCount();
      const request = labelRequest({
        from: address(options.unservedLane.from, 'Sender'),
        to: address(options.unservedLane.to, 'Recipient'),
        goods: { ...labelRequest().goods, originCountry: options.unservedLane.from },
        iossNumber: undefined,
      });
      expect(await refusalOf(adapter().createLabel(request))).toBe('REFUSED');
      expect(await labelCount()).toBe(before);
    });

    it('reads an event code it does not know as EXCEPTION, and says so', () => {
      const unknown: string[] = [];
      expect(options.trackingStatusOf('SOMETHING_NEW_42', (code) => unknown.push(code))).toBe('EXCEPTION');
      expect(unknown).toEqual(['SOMETHING_NEW_42']);
    });
  });
}
