import { z } from 'zod';

/**
 * The order events, version 1: the one definition of what `orders` publishes and every reader
 * (insights, webhooks, trust) consumes. A table of types, so it is one file. A change that a
 * reader could trip on (a field removed, renamed or narrowed) is a new version (`version: 2`),
 * published beside the old one until every reader moved; adding an optional field is not.
 * `npm run events:schema` writes the JSON Schema (`order-events.v1.schema.json`) from here.
 */

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string such as "12.50"');
const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code');
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code');
const instant = z.iso.datetime({ offset: true });

export const MoneySchema = z
  .object({ amount: decimal, currency: currencyCode })
  .describe('Exact money: a decimal string and its currency.');

export const PlaceSchema = z
  .object({
    country: countryCode,
    region: z.string().describe('UN M49 region of the country: Africa, Americas, Asia, Europe or Oceania.'),
  })
  .describe('A country and its region.');

export const ShippingModeSchema = z.enum(['POSTAL', 'EXPRESS', 'DEDICATED_LINE', 'OVERSEAS_WAREHOUSE', 'DOMESTIC']);

export const LegSchema = z.object({
  carrierId: z.string(),
  mode: ShippingModeSchema,
  from: countryCode,
  to: countryCode,
});

/** What the order traded: everything analysts, webhooks and trust read, fixed at confirmation. */
export const OrderTradeSchema = z
  .object({
    marketplace: z.object({ id: z.string(), name: z.string() }),
    seller: z.object({ id: z.string(), name: z.string(), country: countryCode }),
    origin: PlaceSchema,
    destination: PlaceSchema,
    goods: z.object({
      description: z.string(),
      hsCode: z
        .string()
        .regex(/^\d{6,10}$/)
        .nullable()
        .describe('As the seller declared it; null when the offer has none.'),
      quantity: z.int().positive(),
      netWeightGrams: z.int().nonnegative().describe('All units, without packaging.'),
      customsValue: MoneySchema.describe(
        "The goods' value for all units, in the seller's currency (Comtrade's primaryValue before conversion).",
      ),
    }),
    charges: z
      .object({
        currency: currencyCode.describe("The quote's currency: the buyer's."),
        item: MoneySchema,
        shipping: MoneySchema,
        duties: MoneySchema,
        taxes: MoneySchema,
        fees: MoneySchema.describe('Import fees plus the payment fee.'),
        total: MoneySchema,
        deMinimisApplied: z.boolean().nullable().describe('Whether a de minimis relief applied; null when the quote did not say.'),
      })
      .describe('The landed cost the quote fixed, in the quote currency.'),
    fx: z.object({
      date: z.iso.date(),
      source: z.string(),
      perEuro: z.record(z.string(), decimal).describe('Units of each currency per 1 EUR, as published that day.'),
    }),
    shipping: z.object({
      mode: ShippingModeSchema.nullable(),
      carrierId: z.string().nullable(),
      legs: z.array(LegSchema),
      promisedTransitDays: z.object({ min: z.int().nonnegative(), max: z.int().nonnegative() }).nullable(),
    }),
    payment: z.object({ provider: z.string(), method: z.string(), escrow: z.boolean() }),
    /** True only for the seeder's history: never a real booking. */
    synthetic: z.boolean(),
  })
  .describe('What the order traded.');

const envelope = <T extends string, D extends z.ZodType>(type: T, data: D, description: string) =>
  z
    .object({
      id: z.uuid().describe('Unique per event: readers are idempotent by it.'),
      type: z.literal(type),
      version: z.literal(1),
      orderId: z.string().min(1),
      placedBy: z
        .string()
        .nullable()
        .optional()
        .describe(
          'The API key id that placed and owns the order; null for an order older than owners, absent in events written before it was recorded.',
        ),
      occurredAt: instant.describe('When the state change happened (the saga clock).'),
      data,
    })
    .describe(description);

const withTrade = <S extends z.ZodRawShape>(shape: S) => z.object({ trade: OrderTradeSchema, ...shape });

export const OrderConfirmedSchema = envelope(
  'order.confirmed',
  withTrade({ placedAt: instant, confirmedAt: instant }),
  'Every participant said yes: stock held, marketplace order placed, shipment booked, payment authorized.',
);
export const OrderFailedSchema = envelope(
  'order.failed',
  z.object({ step: z.string(), code: z.string(), message: z.string(), failedAt: instant }),
  'The saga gave up and undid what it had done.',
);
export const OrderCancelledSchema = envelope(
  'order.cancelled',
  z.object({
    reason: z.string(),
    cancelledAt: instant,
    by: z
      .enum(['SELLER', 'BUYER', 'PLATFORM'])
      .optional()
      .describe('Who cancelled; seller trust counts only cancellations by the seller. Absent when not known.'),
  }),
  'A confirmed order was cancelled (reserved: no operation cancels an order yet).',
);
export const ShipmentDispatchedSchema = envelope(
  'shipment.dispatched',
  withTrade({ shipmentId: z.string(), dispatchedAt: instant }),
  'The carrier has the parcel (first pickup scan).',
);
export const ShipmentDeliveredSchema = envelope(
  'shipment.delivered',
  withTrade({ shipmentId: z.string(), dispatchedAt: instant.nullable(), deliveredAt: instant }),
  'The carrier delivered the parcel.',
);
export const PaymentCapturedSchema = envelope(
  'payment.captured',
  z.object({ paymentId: z.string(), amount: MoneySchema, capturedAt: instant }),
  'The payment was captured (at pickup).',
);
export const PaymentRefundedSchema = envelope(
  'payment.refunded',
  z.object({
    paymentId: z.string(),
    amount: MoneySchema,
    refundedAt: instant,
    returnId: z.string().optional().describe('The return the refund is for; absent for a dispute settled for the buyer.'),
  }),
  'Money went back to the buyer: a dispute settled for the buyer, or a return.',
);
export const EscrowReleasedSchema = envelope(
  'escrow.released',
  z.object({ paymentId: z.string(), amount: MoneySchema, releasedAt: instant }),
  'Escrowed money went to the seller (on delivery).',
);

export const DisputeReasonSchema = z
  .enum(['NOT_RECEIVED', 'NOT_AS_DESCRIBED', 'DAMAGED', 'OTHER'])
  .describe('Why the buyer disputes the order.');

export const DisputeOpenedSchema = envelope(
  'dispute.opened',
  z.object({ disputeId: z.string(), reason: DisputeReasonSchema, openedAt: instant }),
  'The buyer disputed the order: its escrow is held until an operator settles the dispute.',
);
export const DisputeResolvedSchema = envelope(
  'dispute.resolved',
  z.object({
    disputeId: z.string(),
    outcome: z
      .enum(['REFUND', 'RELEASE'])
      .describe('REFUND: the buyer won and the payment goes back (the seller lost); RELEASE: the seller won and is paid.'),
    resolvedAt: instant,
  }),
  'An operator settled the dispute.',
);

export const ReturnReasonSchema = z
  .enum(['DEFECTIVE', 'DAMAGED', 'NOT_AS_DESCRIBED', 'WRONG_ITEM', 'CHANGED_MIND'])
  .describe('Why the buyer sends the goods back.');

export const ReturnRequestedSchema = envelope(
  'return.requested',
  z.object({
    returnId: z.string(),
    reason: ReturnReasonSchema,
    quantity: z.int().positive().describe('Units sent back, of the order’s quantity.'),
    sellerAtFault: z.boolean().describe('True for every reason but CHANGED_MIND: the goods were not what the buyer was owed.'),
    requestedAt: instant,
  }),
  'The buyer sent a delivered order back: a return label is booked on the reverse lane and the refund follows the seller’s return policy.',
);
export const OrderMarketplaceStatusSchema = envelope(
  'order.marketplace_status',
  z.object({
    marketplaceEventId: z.string().min(1).describe('The marketplace’s id of its callback event: it is recorded once.'),
    status: z.enum(['PLACED', 'ACCEPTED', 'SHIPPED', 'DELIVERED', 'CANCELLED']),
    cancelledBy: z
      .enum(['BUYER', 'SELLER', 'MARKETPLACE'])
      .optional()
      .describe('Who cancelled, for CANCELLED as the marketplace reports it; BUYER is the platform’s own cancellation.'),
    reportedAt: instant.describe('When it happened at the marketplace.'),
  }),
  'A marketplace reported a new status of its order by a signed callback (connector marketplaces); the order itself is not changed.',
);

/** Every order event, told apart by `type`. */
export const OrderEventSchema = z.discriminatedUnion('type', [
  OrderConfirmedSchema,
  OrderFailedSchema,
  OrderCancelledSchema,
  ShipmentDispatchedSchema,
  ShipmentDeliveredSchema,
  PaymentCapturedSchema,
  PaymentRefundedSchema,
  EscrowReleasedSchema,
  DisputeOpenedSchema,
  DisputeResolvedSchema,
  ReturnRequestedSchema,
  OrderMarketplaceStatusSchema,
]);
