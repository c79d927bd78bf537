import type { Logger } from '#packages/log/index.js';
import { isCurrencyCode, type MoneyOutput } from '#packages/money/index.js';
import {
  PayloadError,
  asArray,
  asDecimalString,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
} from '#packages/validate/index.js';
import type {
  DispatchAddress,
  PaymentState,
  Participants,
  SellerStanding,
  ShipmentTracking,
  TrackingRefused,
} from '../saga/Participants.js';
import { createParticipantClient } from './createParticipantClient.js';
import { ParticipantError } from './ParticipantError.js';
import { PARTICIPANT_OPERATIONS as op } from './participantOperations.js';

export interface ParticipantEndpoints {
  readonly catalogUrl: string;
  readonly logisticsUrl: string;
  readonly paymentsUrl: string;
  readonly trustUrl: string;
  readonly serviceSecret: string;
  readonly timeoutMs: number;
  readonly logger: Logger;
}

/** The saga's participants over GraphQL: catalog, logistics, payments and trust, each called directly at its own URL. */
export function createParticipants(endpoints: ParticipantEndpoints): Participants {
  const common = { serviceSecret: endpoints.serviceSecret, timeoutMs: endpoints.timeoutMs, logger: endpoints.logger };
  const catalog = createParticipantClient({ participant: 'catalog', url: endpoints.catalogUrl, ...common });
  const logistics = createParticipantClient({ participant: 'logistics', url: endpoints.logisticsUrl, ...common });
  const payments = createParticipantClient({ participant: 'payments', url: endpoints.paymentsUrl, ...common });
  const trust = createParticipantClient({ participant: 'trust', url: endpoints.trustUrl, ...common });

  const field = (data: unknown, name: string) => asRecord(asRecord(data, '$')[name], name);

  const payment =
    (name: string) =>
    (data: unknown): PaymentState => {
      const value = field(data, name);
      const state = {
        paymentId: asNonEmptyString(value.id, `${name}.id`),
        status: asNonEmptyString(value.status, `${name}.status`),
        provider: asString(value.provider, `${name}.provider`),
      };
      // A decline reported as data rather than as an error is still a decline.
      if (state.status === 'DECLINED') throw new ParticipantError('payments', 'refused', 'PAYMENT_DECLINED', 'the payment was declined');
      return state;
    };

  const returns = {
    sellerReturnPolicy: (sellerId: string) =>
      catalog.execute(op.sellerReturnPolicy, { representations: [{ __typename: 'Seller', id: sellerId }] }, (data) => {
        const [entity] = asArray(asRecord(data, '$')._entities, '_entities');
        if (entity === null || entity === undefined) return null;
        const policy = asRecord(entity, '_entities[0]').returnPolicy;
        if (policy === null || policy === undefined) return null;
        const value = asRecord(policy, 'returnPolicy');
        const payer = asString(value.returnShippingPaidBy, 'returnPolicy.returnShippingPaidBy');
        if (payer !== 'BUYER' && payer !== 'SELLER') throw new PayloadError('returnPolicy.returnShippingPaidBy', 'BUYER or SELLER', payer);
        return {
          acceptsReturns: value.acceptsReturns === true,
          windowDays: optional(value.windowDays, 'returnPolicy.windowDays', asNonNegativeInteger) ?? null,
          returnShippingPaidBy: payer,
          restockingFeeBp: asNonNegativeInteger(value.restockingFeeBp, 'returnPolicy.restockingFeeBp'),
        } as const;
      }),

    createReturnShipment: (input: Parameters<NonNullable<Participants['createReturnShipment']>>[0]) =>
      logistics.execute(op.createReturnShipment, { input }, (data) => {
        const value = field(data, 'createReturnShipment');
        const leg = asRecord(asArray(value.labels, 'createReturnShipment.labels')[0], 'createReturnShipment.labels[0]');
        return {
          shipmentId: asNonEmptyString(value.id, 'createReturnShipment.id'),
          trackingNumber: asNonEmptyString(value.trackingNumber, 'createReturnShipment.trackingNumber'),
          leg: {
            carrierId: asNonEmptyString(asRecord(leg.carrier, 'labels[0].carrier').id, 'labels[0].carrier.id'),
            mode: asNonEmptyString(leg.mode, 'labels[0].mode'),
            from: asNonEmptyString(leg.from, 'labels[0].from'),
            to: asNonEmptyString(leg.to, 'labels[0].to'),
          },
        };
      }),
  };

  return {
    ...returns,
    reserveStock: ({ offerId, quantity, idempotencyKey }) =>
      catalog.execute(op.reserveStock, { input: { offerId, quantity, idempotencyKey } }, (data) => {
        const value = field(data, 'reserveStock');
        const offer = asRecord(value.offer, 'reserveStock.offer');
        const seller = asRecord(offer.seller, 'reserveStock.offer.seller');
        const marketplace = asRecord(offer.marketplace, 'reserveStock.offer.marketplace');
        return {
          reservationId: asNonEmptyString(value.id, 'reserveStock.id'),
          status: asNonEmptyString(value.status, 'reserveStock.status'),
          expiresAt: asString(value.expiresAt, 'reserveStock.expiresAt'),
          offer: {
            title: asNonEmptyString(offer.title, 'reserveStock.offer.title'),
            // The checked code (the seller's when it exists in HS 2022, else the one classified from the title) goes on the customs form.
            hsCode:
              optional(
                asRecord(offer.hsClassification, 'reserveStock.offer.hsClassification').hsCode,
                'reserveStock.offer.hsClassification.hsCode',
                asString,
              ) ?? null,
            weightGrams: asNonNegativeInteger(offer.weightGrams, 'reserveStock.offer.weightGrams'),
            originCountry: asNonEmptyString(offer.originCountry, 'reserveStock.offer.originCountry'),
            sellerId: asNonEmptyString(seller.id, 'reserveStock.offer.seller.id'),
            sellerName: asNonEmptyString(seller.name, 'reserveStock.offer.seller.name'),
            sellerCountry: asNonEmptyString(seller.country, 'reserveStock.offer.seller.country'),
            sellerDispatchAddress: readDispatchAddress(seller.dispatchAddress, 'reserveStock.offer.seller.dispatchAddress'),
            marketplaceId: asNonEmptyString(marketplace.id, 'reserveStock.offer.marketplace.id'),
            marketplaceName: asNonEmptyString(marketplace.name, 'reserveStock.offer.marketplace.name'),
            sellerStanding: readSellerStanding(seller, 'reserveStock.offer.seller'),
          },
        };
      }),

    releaseStock: (input) => catalog.execute(op.releaseStock, { input }, (data) => void field(data, 'releaseStock')),

    placeMarketplaceOrder: (input) =>
      catalog.execute(op.placeMarketplaceOrder, { input }, (data) => {
        const value = field(data, 'placeMarketplaceOrder');
        return {
          marketplaceOrderId: asNonEmptyString(value.id, 'placeMarketplaceOrder.id'),
          total: asMoneyOutput(value.total, 'placeMarketplaceOrder.total'),
        };
      }),

    cancelMarketplaceOrder: (input) =>
      catalog.execute(op.cancelMarketplaceOrder, { input }, (data) => void field(data, 'cancelMarketplaceOrder')),

    createShipment: (input) =>
      logistics.execute(op.createShipment, { input }, (data) => {
        const value = field(data, 'createShipment');
        return {
          shipmentId: asNonEmptyString(value.id, 'createShipment.id'),
          trackingNumber: asString(value.trackingNumber, 'createShipment.trackingNumber'),
          carrierId: asNonEmptyString(asRecord(value.carrier, 'createShipment.carrier').id, 'createShipment.carrier.id'),
          legs: asArray(value.labels, 'createShipment.labels').map((label, n) => {
            const leg = asRecord(label, `createShipment.labels[${n}]`);
            return {
              carrierId: asNonEmptyString(asRecord(leg.carrier, `labels[${n}].carrier`).id, `labels[${n}].carrier.id`),
              mode: asNonEmptyString(leg.mode, `labels[${n}].mode`),
              from: asNonEmptyString(leg.from, `labels[${n}].from`),
              to: asNonEmptyString(leg.to, `labels[${n}].to`),
            };
          }),
        };
      }),

    cancelShipment: (input) => logistics.execute(op.cancelShipment, { input }, (data) => void field(data, 'cancelShipment')),

    authorizePayment: (input) => payments.execute(op.authorizePayment, { input }, payment('authorizePayment')),
    capturePayment: (input) => payments.execute(op.capturePayment, { input }, payment('capturePayment')),
    voidPayment: (input) => payments.execute(op.voidPayment, { input }, payment('voidPayment')),
    releaseEscrow: (input) => payments.execute(op.releaseEscrow, { input }, payment('releaseEscrow')),
    refundPayment: ({ paymentId, amount, reason, idempotencyKey }) =>
      payments.execute(
        op.refundPayment,
        {
          input: {
            paymentId,
            idempotencyKey,
            ...(amount && { amount: amount.amount, currency: amount.currency }),
            ...(reason !== undefined && { reason }),
          },
        },
        payment('refundPayment'),
      ),

    async trackShipments(shipmentIds) {
      const tracked = new Map<string, ShipmentTracking | TrackingRefused | undefined>();
      if (shipmentIds.length === 0) return tracked;
      const representations = shipmentIds.map((id) => ({ __typename: 'Shipment', id }));
      // one parcel the carrier will not track must not keep the others from being followed
      const [entities, errors] = await logistics.executePartial(op.trackShipments, { representations }, (data, errors) => [
        asArray(asRecord(data, '$')._entities, '_entities'),
        errors,
      ]);
      shipmentIds.forEach((id, index) => {
        const error = errors.find((each) => each.path[0] === '_entities' && each.path[1] === index);
        if (error !== undefined) return tracked.set(id, { refused: !error.transient, reason: `${error.code}: ${error.message}` });
        const entity = entities[index];
        if (entity == null) return tracked.set(id, undefined);
        const tracking = asRecord(asRecord(entity, `_entities[${index}]`).tracking, `_entities[${index}].tracking`);
        const events = asArray(tracking.events, `_entities[${index}].tracking.events`).map((event, n) => {
          const record = asRecord(event, `events[${n}]`);
          return { status: asNonEmptyString(record.status, `events[${n}].status`), at: asString(record.at, `events[${n}].at`) };
        });
        const firstReportedAt: Record<string, string> = {};
        for (const event of events) firstReportedAt[event.status] ??= event.at; // events come oldest first
        tracked.set(id, {
          status: asNonEmptyString(tracking.status, `_entities[${index}].tracking.status`),
          eventStatuses: events.map((event) => event.status),
          firstReportedAt,
        });
      });
      return tracked;
    },

    async shippingAlternatives({ offerId, to, quantity }) {
      // What the gateway's plan does for `offer { shippingOptions(to:) }`: the offer's facts from
      // catalog, then logistics quotes with them (a carrier that does not answer offers nothing).
      const [facts] = await catalog.execute(op.offerShippingFacts, { representations: [{ __typename: 'Offer', id: offerId }] }, (data) =>
        asArray(asRecord(data, '$')._entities, '_entities'),
      );
      if (facts == null) return [];
      const representation = { ...asRecord(facts, '_entities[0]'), __typename: 'Offer' };
      const [offer] = await logistics.execute(op.offerShippingOptions, { representations: [representation], to, quantity }, (data) =>
        asArray(asRecord(data, '$')._entities, '_entities'),
      );
      if (offer == null) return [];
      return asArray(asRecord(offer, '_entities[0]').shippingOptions, 'shippingOptions').map((value, index) => {
        const option = asRecord(value, `shippingOptions[${index}]`);
        const carrier = asRecord(option.carrier, `shippingOptions[${index}].carrier`);
        return {
          shippingOptionId: asNonEmptyString(option.id, `shippingOptions[${index}].id`),
          offerId,
          mode: asNonEmptyString(option.mode, `shippingOptions[${index}].mode`),
          carrierId: asNonEmptyString(carrier.id, `shippingOptions[${index}].carrier.id`),
          carrierName: asNonEmptyString(carrier.name, `shippingOptions[${index}].carrier.name`),
        };
      });
    },

    sellerTrust: ({ sellerId, standing }) =>
      trust.execute(op.sellerTrust, { representations: [{ __typename: 'Seller', id: sellerId, ...standing }] }, (data) => {
        const entity = asRecord(asArray(asRecord(data, '$')._entities, '_entities')[0], '_entities[0]');
        const value = asRecord(entity.trust, '_entities[0].trust');
        const level = asNonEmptyString(value.level, '_entities[0].trust.level');
        if (level !== 'NEW' && level !== 'BASIC' && level !== 'ESTABLISHED' && level !== 'TRUSTED') {
          throw new PayloadError('_entities[0].trust.level', 'a trust level', level);
        }
        const score = value.score;
        if (typeof score !== 'number' || !(score >= 0 && score <= 1))
          throw new PayloadError('_entities[0].trust.score', 'a score from 0 to 1', score);
        return { level, score };
      }),

    async close() {
      await Promise.all([catalog.close(), logistics.close(), payments.close(), trust.close()]);
    },
  };
}

function asMoneyOutput(value: unknown, path: string): MoneyOutput {
  const money = asRecord(value, path);
  const currency = asNonEmptyString(money.currency, `${path}.currency`);
  if (!isCurrencyCode(currency)) throw new PayloadError(`${path}.currency`, 'an ISO 4217 code', currency);
  return { amount: asDecimalString(money.amount, `${path}.amount`), currency };
}

function readSellerStanding(seller: Record<string, unknown>, path: string): SellerStanding {
  const verification = seller.verification == null ? null : asRecord(seller.verification, `${path}.verification`);
  const rating = seller.rating == null ? null : asRecord(seller.rating, `${path}.rating`);
  const number = (value: unknown, at: string) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new PayloadError(at, 'a number', value);
    return value;
  };
  return {
    verification: verification && { level: asNonEmptyString(verification.level, `${path}.verification.level`) },
    rating: rating && {
      average: number(rating.average, `${path}.rating.average`),
      worst: number(rating.worst, `${path}.rating.worst`),
      best: number(rating.best, `${path}.rating.best`),
      count: asNonNegativeInteger(rating.count, `${path}.rating.count`),
    },
  };
}

function readDispatchAddress(value: unknown, path: string): DispatchAddress {
  const address = asRecord(value, path);
  return {
    lines: asArray(address.lines, `${path}.lines`).map((line, index) => asNonEmptyString(line, `${path}.lines[${index}]`)),
    city: asNonEmptyString(address.city, `${path}.city`),
    region: optional(address.region, `${path}.region`, asString) ?? null,
    postalCode: optional(address.postalCode, `${path}.postalCode`, asString) ?? null,
    country: asNonEmptyString(address.country, `${path}.country`),
  };
}
