import { randomUUID } from 'node:crypto';
import { BOOKING_STEPS } from '../src/saga/stepNames.js';
import type { NewOrder } from '../src/store/OrderStore.js';

/** A new order as the service would create it, with fresh id and key unless given. */
export function newOrder(overrides: Partial<NewOrder> = {}): NewOrder {
  return {
    id: `ord_${randomUUID()}`,
    ownerKeyId: 'key-a',
    buyerReference: null,
    idempotencyKey: randomUUID(),
    requestHash: 'hash-1',
    status: 'PENDING',
    phase: 'FORWARD',
    quoteToken: 'q2.payload.mac',
    quote: {
      shippingOptionId: 'option-1',
      offerId: 'offer-1',
      quantity: 2,
      originCountry: 'CN',
      destinationCountry: 'DE',
      item: { amount: '200.00', currency: 'CNY' },
      unitPrice: { amount: '100.00', currency: 'CNY' },
      total: { amount: '41.37', currency: 'EUR' },
      paymentProvider: 'cardnet',
      expiresAt: '2026-11-27T00:00:00.000Z',
    },
    buyer: {
      name: 'Ana Souza',
      email: 'ana@example.com',
      phone: null,
      address: { line1: 'Hauptstraße 1', line2: null, city: 'Berlin', postalCode: '10115', country: 'DE' },
    },
    paymentMethod: 'CARD',
    total: { amount: '41.37', currency: 'EUR' },
    escrow: true,
    shipmentId: null,
    paymentId: null,
    failure: null,
    createdAt: 1_700_000_000_000,
    steps: BOOKING_STEPS,
    leaseOwner: 'replica-a',
    leaseUntil: 1_700_000_015_000,
    ...overrides,
  };
}
