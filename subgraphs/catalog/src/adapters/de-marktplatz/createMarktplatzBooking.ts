import { parseMoney, toDecimalString, fromMinor, type Money } from '#packages/money/index.js';
import type { UpstreamClient } from '#packages/http/index.js';
import {
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  parseJson,
  type VendorRecord,
} from '#packages/validate/index.js';
import { refusedWrite, type MarketplaceRefusalReason } from '../MarketplaceRefusal.js';
import type { MarketplaceBooking, MarketplaceOrderRecord, ReservationStatus, StockReservationRecord } from '../ports.js';
import { readStatus, readWriteAnswer } from '../readWriteAnswer.js';
import { GERMAN_STANDARD_VAT_PERCENT } from './exportPriceExcludingGermanVat.js';
import { MARKETPLACE_ID } from './map.js';

/** The last segment of Marktplatz's problem `type`s for refused writes, in our words. */
const REFUSALS: Readonly<Record<string, MarketplaceRefusalReason>> = {
  'bestand-unzureichend': 'OUT_OF_STOCK',
  'preis-geaendert': 'PRICE_CHANGED',
  'reservierung-abgelaufen': 'RESERVATION_EXPIRED',
  'reservierung-nicht-aktiv': 'RESERVATION_CLOSED',
  'reservierung-verbraucht': 'RESERVATION_ORDERED',
  'artikel-nicht-gefunden': 'NOT_FOUND',
  'reservierung-nicht-gefunden': 'NOT_FOUND',
  'bestellung-nicht-gefunden': 'NOT_FOUND',
  'idempotenz-schluessel-wiederverwendet': 'IDEMPOTENCY_KEY_REUSED',
  'idempotenz-schluessel-fehlt': 'INVALID_REQUEST',
  'ungueltiger-parameter': 'INVALID_REQUEST',
};

const RESERVATION_STATUSES: Readonly<Record<string, ReservationStatus>> = {
  GEHALTEN: 'HELD',
  FREIGEGEBEN: 'RELEASED',
  VERBRAUCHT: 'ORDERED',
  ABGELAUFEN: 'EXPIRED',
};
const ORDER_STATUSES: Readonly<Record<string, MarketplaceOrderRecord['status']>> = {
  AUFGEGEBEN: 'PLACED',
  VERSANDT: 'PLACED',
  STORNIERT: 'CANCELLED',
};

/**
 * Marktplatz's writes: `POST /reservierungen` (+ `/freigabe`), `POST /bestellungen` (+ `/stornierung`),
 * HTTP Basic, our idempotency key as the vendor's `Idempotency-Key` header. Orders are checked
 * against the shelf price the shop shows (gross, with 19 % VAT), so the expected export price is
 * sent gross; the order's total is read net, the export price, like `Offer.price`.
 */
export function createMarktplatzBooking(client: UpstreamClient, authorization: string): MarketplaceBooking {
  async function post(path: string, body: Record<string, unknown>, key: string, signal?: AbortSignal): Promise<VendorRecord> {
    const response = await client.request({
      method: 'POST',
      path,
      headers: {
        authorization,
        'content-type': 'application/json',
        accept: 'application/hal+json, application/problem+json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
      idempotent: true, // the vendor honours Idempotency-Key: a repeat answers the first result
      signal,
    });
    if (response.status === 200 || response.status === 201) {
      return readWriteAnswer(MARKETPLACE_ID, path, () => asRecord(parseJson(response.text), '$'));
    }
    const problem = problemOf(response.text);
    throw refusedWrite({
      upstream: MARKETPLACE_ID,
      operation: `POST ${path}`,
      code: problem.type.split('/').pop() ?? '',
      refusals: REFUSALS,
      status: response.status,
      detail: problem.detail,
    });
  }

  return {
    async reserveStock(request, signal) {
      const body = await post(
        '/reservierungen',
        { artikelnummer: request.offerNativeId, menge: request.quantity },
        request.idempotencyKey,
        signal,
      );
      return readWriteAnswer(MARKETPLACE_ID, 'reservierungen.anlegen', () => toReservation(body));
    },
    async releaseStock(request, signal) {
      const body = await post(
        '/reservierungen/freigabe',
        { reservierungsnummer: request.reservationNativeId },
        request.idempotencyKey,
        signal,
      );
      return readWriteAnswer(MARKETPLACE_ID, 'reservierungen.freigeben', () => toReservation(body));
    },
    async placeOrder(request, signal) {
      const order = {
        reservierungsnummer: request.reservationNativeId,
        erwarteterPreis: { gross: toDecimalString(grossOf(request.expectedUnitPrice)), currency: 'EUR' },
        kaeufer: { name: request.buyer.name, land: request.buyer.country },
      };
      const body = await post('/bestellungen', order, request.idempotencyKey, signal);
      return readWriteAnswer(MARKETPLACE_ID, 'bestellungen.anlegen', () => toOrder(body));
    },
    async cancelOrder(request, signal) {
      const body = await post('/bestellungen/stornierung', { bestellnummer: request.orderNativeId }, request.idempotencyKey, signal);
      return readWriteAnswer(MARKETPLACE_ID, 'bestellungen.stornieren', () => toOrder(body));
    },
  };
}

/**
 * Net export price → the shop's gross price: net × 1.19, half-up to the cent, as the shop rounds.
 * It is the inverse of `exportPriceExcludingGermanVat` (see there why the round trip is exact).
 */
function grossOf(net: Money): Money {
  if (net.currency !== 'EUR') throw new RangeError(`Marktplatz prices are in EUR, not ${net.currency}`);
  return fromMinor((net.minor * (100n + GERMAN_STANDARD_VAT_PERCENT) + 50n) / 100n, 'EUR');
}

function toReservation(body: VendorRecord): StockReservationRecord {
  const expires = Date.parse(asString(body.gueltigBis, '$.gueltigBis'));
  if (Number.isNaN(expires)) throw new Error(`$.gueltigBis: not a date "${String(body.gueltigBis)}"`);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: asNonEmptyString(body.reservierungsnummer, '$.reservierungsnummer'),
    offerNativeId: asNonEmptyString(body.artikelnummer, '$.artikelnummer'),
    quantity: asNonNegativeInteger(body.menge, '$.menge'),
    status: readStatus(RESERVATION_STATUSES, asString(body.status, '$.status'), '$.status'),
    expiresAt: new Date(expires).toISOString(),
  };
}

function toOrder(body: VendorRecord): MarketplaceOrderRecord {
  const summe = asRecord(body.summe, '$.summe');
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: asNonEmptyString(body.bestellnummer, '$.bestellnummer'),
    status: readStatus(ORDER_STATUSES, asString(body.status, '$.status'), '$.status'),
    total: parseMoney(asString(summe.netto, '$.summe.netto'), asNonEmptyString(summe.currency, '$.summe.currency')),
  };
}

function problemOf(text: string): { type: string; detail: string } {
  try {
    const problem = asRecord(parseJson(text), '$');
    return {
      type: optional(problem.type, '$.type', asString) ?? '',
      detail: `${optional(problem.title, '$.title', asString) ?? ''}: ${optional(problem.detail, '$.detail', asString) ?? ''}`,
    };
  } catch {
    return { type: '', detail: text.slice(0, 300) };
  }
}
