import { z } from 'zod';

/**
 * The Marketplace Connector protocol's messages, as the adapter reads them: the validators of
 * `subgraphs/catalog/connector/openapi.yaml` (the published document), kept in step with it by
 * `test/connector/protocolDocument.test.ts`, which compares their shapes field by field.
 */

/** Most ids one `getListings` or `getSellers` call takes. */
export const MAX_IDS_PER_REQUEST = 50;
/** The page size the adapter asks for (the protocol allows 1–100). */
export const PAGE_SIZE = 50;
/** The window either side of the receiver's clock in which a signed timestamp is accepted. */
export const SIGNATURE_WINDOW_SECONDS = 300;

const id = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/);
const countryCode = z.string().regex(/^[A-Z]{2}$/);
const currencyCode = z.string().regex(/^[A-Z]{3}$/);
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

export const Money = z.strictObject({ amount: z.string().regex(/^\d{1,15}(\.\d{1,3})?$/), currency: currencyCode });

export const Continent = z.enum(['AFRICA', 'ASIA', 'EUROPE', 'NORTH_AMERICA', 'OCEANIA', 'SOUTH_AMERICA']);

export const Info = z.strictObject({
  protocolVersion: z.literal('1'),
  name: z.string().min(1).max(100),
  country: countryCode,
  currency: currencyCode,
  continent: Continent,
  languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)).min(1),
});

const Dimensions = z.strictObject({ lengthCm: z.int().min(1), widthCm: z.int().min(1), heightCm: z.int().min(1) });

export const ShipToPolicy = z.discriminatedUnion('scope', [
  z.strictObject({ scope: z.literal('WORLDWIDE'), except: z.array(countryCode) }),
  z.strictObject({ scope: z.literal('COUNTRIES'), countries: z.array(countryCode) }),
]);

export const Listing = z.strictObject({
  id,
  title: z.string().min(1).max(300),
  nativeTitle: z.string().min(1).max(300),
  price: Money,
  availableQuantity: z.int().min(0),
  originCountry: countryCode,
  hsCode: z
    .string()
    .regex(/^\d{4,10}$/)
    .nullable(),
  weightGrams: z.int().min(1),
  dimensionsCm: Dimensions.nullable(),
  sellerId: id,
  shipTo: ShipToPolicy,
  warehouseCountries: z.array(countryCode),
  containsLithiumBattery: z.boolean(),
});

export const SearchPage = z.strictObject({ listings: z.array(Listing), total: z.int().min(0), nextCursor: z.string().nullable() });

export const Listings = z.strictObject({ listings: z.array(Listing) });

const Address = z.strictObject({
  lines: z.array(z.string().min(1).max(100)).min(1).max(3),
  city: z.string().min(1).max(100),
  region: z.string().max(100).nullable(),
  postalCode: z.string().max(20).nullable(),
  country: countryCode,
});

export const SellerProfile = z.strictObject({
  id,
  name: z.string().min(1).max(200),
  country: countryCode,
  memberSince: isoDate,
  verification: z.strictObject({ level: z.enum(['NONE', 'CONTACT', 'IDENTITY', 'BUSINESS']), verifiedAt: isoDate.nullable() }),
  rating: z.strictObject({ average: z.number(), worst: z.number(), best: z.number(), count: z.int().min(1) }).nullable(),
  dispatchAddress: Address,
  returnPolicy: z.strictObject({
    acceptsReturns: z.boolean(),
    windowDays: z.int().min(0).nullable(),
    returnShippingPaidBy: z.enum(['BUYER', 'SELLER']),
    restockingFeeBp: z.int().min(0).max(10_000).nullable().optional(),
  }),
});

export const Sellers = z.strictObject({ sellers: z.array(SellerProfile) });

export const Hold = z.strictObject({
  id,
  listingId: id,
  quantity: z.int().min(1),
  status: z.enum(['HELD', 'RELEASED', 'ORDERED', 'EXPIRED']),
  expiresAt: isoDateTime,
});

export const OrderStatus = z.enum(['PLACED', 'ACCEPTED', 'SHIPPED', 'DELIVERED', 'CANCELLED']);
const CancelledBy = z.enum(['BUYER', 'SELLER', 'MARKETPLACE']);

export const Order = z.strictObject({
  id,
  holdId: id,
  status: OrderStatus,
  unitPrice: Money,
  quantity: z.int().min(1),
  total: Money,
  createdAt: isoDateTime,
  cancelledBy: CancelledBy.optional(),
});

export const Orders = z.strictObject({ orders: z.array(Order) });

export const OrderStatusEvent = z.strictObject({
  eventId: id,
  orderId: id,
  status: OrderStatus,
  occurredAt: isoDateTime,
  cancelledBy: CancelledBy.optional(),
});

export const ErrorCode = z.enum([
  'UNAUTHENTICATED',
  'INVALID_REQUEST',
  'NOT_FOUND',
  'OUT_OF_STOCK',
  'PRICE_CHANGED',
  'HOLD_EXPIRED',
  'HOLD_CLOSED',
  'HOLD_ORDERED',
  'ORDER_SHIPPED',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INTERNAL',
]);

export const ErrorBody = z.strictObject({
  error: z.strictObject({ code: ErrorCode, message: z.string(), requestId: z.string().optional() }),
});

export type ListingMessage = z.infer<typeof Listing>;
export type SellerProfileMessage = z.infer<typeof SellerProfile>;
export type HoldMessage = z.infer<typeof Hold>;
export type OrderMessage = z.infer<typeof Order>;
export type ErrorCodeWord = z.infer<typeof ErrorCode>;
