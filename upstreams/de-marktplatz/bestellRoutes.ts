import {
  type MarketplaceOrderEntry,
  type Outcome,
  type Reservation,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxRoute,
  type StockLedger,
  type StockRefusal,
  textOf,
} from '#packages/sandbox/index.js';
import { fingerprintOf } from '#packages/sandbox/index.js';
import { findListing } from './catalog.js';

/** Marktplatz's problem types (RFC 9457) for the ledger's refusals. */
const PROBLEMS: Record<StockRefusal, [status: number, type: string, title: string]> = {
  UNKNOWN_ITEM: [404, 'artikel-nicht-gefunden', 'Artikel nicht gefunden'],
  BAD_QUANTITY: [400, 'ungueltiger-parameter', 'Ungültige Menge'],
  OUT_OF_STOCK: [409, 'bestand-unzureichend', 'Bestand unzureichend'],
  UNKNOWN_RESERVATION: [404, 'reservierung-nicht-gefunden', 'Reservierung nicht gefunden'],
  RESERVATION_EXPIRED: [409, 'reservierung-abgelaufen', 'Reservierung abgelaufen'],
  RESERVATION_CLOSED: [409, 'reservierung-nicht-aktiv', 'Reservierung nicht aktiv'],
  RESERVATION_ORDERED: [409, 'reservierung-verbraucht', 'Reservierung bereits bestellt'],
  PRICE_CHANGED: [409, 'preis-geaendert', 'Preis geändert'],
  UNKNOWN_ORDER: [404, 'bestellung-nicht-gefunden', 'Bestellung nicht gefunden'],
};

const RESERVATION_STATUS: Record<Reservation['state'], string> = {
  HELD: 'GEHALTEN',
  RELEASED: 'FREIGEGEBEN',
  ORDERED: 'VERBRAUCHT',
  EXPIRED: 'ABGELAUFEN',
};
const ORDER_STATUS: Record<MarketplaceOrderEntry['state'], string> = { PLACED: 'AUFGEGEBEN', CANCELLED: 'STORNIERT' };

type Body = Record<string, unknown>;
type Problem = (status: number, type: string, title: string, detail: string) => SandboxResponse;
type Authorized = (handler: (request: SandboxRequest) => SandboxResponse) => (request: SandboxRequest) => SandboxResponse;

const HAL = { 'content-type': 'application/hal+json; charset=utf-8' };

/**
 * Marktplatz's write resources: `POST /reservierungen` (+ `/freigabe`), `POST /bestellungen`
 * (+ `/stornierung`), HAL+JSON answers, gross prices with VAT, problem+json refusals. Every write
 * takes an `Idempotency-Key` header (IETF httpapi draft): the same key and body answer the first
 * result again; the same key with another body is 422, a missing key 400.
 */
export function bestellRoutes(ledger: StockLedger, authorized: Authorized, problem: Problem): SandboxRoute[] {
  const write = (path: string, endpoint: string, fields: readonly string[], run: (body: Body) => Outcome<Body>): SandboxRoute => ({
    method: 'POST',
    path,
    endpoint,
    handle: authorized((request) => {
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || key === '') {
        return problem(400, 'idempotenz-schluessel-fehlt', 'Idempotency-Key fehlt', 'Schreibende Aufrufe brauchen einen Idempotency-Key.');
      }
      const body = readBody(request.body);
      if (body === undefined) return problem(400, 'ungueltiger-parameter', 'Ungültiger Parameter', 'Der Body ist kein JSON-Objekt.');
      const result = ledger.once(endpoint, key, fingerprintOf(Object.fromEntries(fields.map((name) => [name, body[name]]))), () =>
        run(body),
      );
      if (result.kind === 'conflict') {
        return problem(
          422,
          'idempotenz-schluessel-wiederverwendet',
          'Idempotency-Key wiederverwendet',
          'Der Schlüssel gehört zu einer anderen Anfrage.',
        );
      }
      if (!result.value.ok) {
        const [status, type, title] = PROBLEMS[result.value.refusal];
        return problem(status, type, title, title);
      }
      return { status: 201, headers: HAL, body: result.value.value };
    }),
  });
  return [
    write('/reservierungen', 'reservierungen.anlegen', ['artikelnummer', 'menge'], (body) =>
      map(ledger.reserve(String(body.artikelnummer), Number(body.menge)), toReservierung),
    ),
    write('/reservierungen/freigabe', 'reservierungen.freigeben', ['reservierungsnummer'], (body) =>
      map(ledger.release(String(body.reservierungsnummer)), toReservierung),
    ),
    write('/bestellungen', 'bestellungen.anlegen', ['reservierungsnummer', 'erwarteterPreis', 'kaeufer'], (body) => {
      const cents = grossCents(body.erwarteterPreis);
      if (cents === undefined) return { ok: false, refusal: 'PRICE_CHANGED' };
      const kaeufer = (typeof body.kaeufer === 'object' && body.kaeufer !== null ? body.kaeufer : {}) as Body;
      return map(
        ledger.placeOrder(String(body.reservierungsnummer), cents, {
          name: textOf(kaeufer.name),
          country: textOf(kaeufer.land),
        }),
        toBestellung,
      );
    }),
    write('/bestellungen/stornierung', 'bestellungen.stornieren', ['bestellnummer'], (body) =>
      map(ledger.cancelOrder(String(body.bestellnummer)), toBestellung),
    ),
  ];
}

function map<T>(outcome: Outcome<T>, render: (value: T) => Body): Outcome<Body> {
  return outcome.ok ? { ok: true, value: render(outcome.value) } : outcome;
}

const euros = (cents: number): string => (cents / 100).toFixed(2);

const toReservierung = (reservation: Reservation): Body => ({
  reservierungsnummer: reservation.id,
  artikelnummer: reservation.itemId,
  menge: reservation.quantity,
  status: RESERVATION_STATUS[reservation.state],
  gueltigBis: new Date(reservation.expiresAt).toISOString(),
  _links: { self: { href: `/reservierungen?nummer=${reservation.id}` }, artikel: { href: `/items?ids=${reservation.itemId}` } },
});

/** The order with its sum gross (as shops show it) and net (what an export delivery is invoiced at). */
function toBestellung(order: MarketplaceOrderEntry): Body {
  const netCents = (findListing(order.itemId)?.priceMinor ?? 0) * order.quantity;
  return {
    bestellnummer: order.id,
    reservierungsnummer: order.reservationId,
    status: ORDER_STATUS[order.state],
    artikelnummer: order.itemId,
    menge: order.quantity,
    einzelpreis: { gross: euros(order.unitMinor), currency: 'EUR' },
    summe: { brutto: euros(order.totalMinor), netto: euros(netCents), currency: 'EUR' },
    kaeufer: { name: order.buyerName, land: order.buyerCountry },
    _links: { self: { href: `/bestellungen?nummer=${order.id}` } },
  };
}

/** `{gross: "21.40", currency: "EUR"}` → 2140; anything else cannot match a price. */
function grossCents(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { gross, currency } = value as Body;
  if (currency !== 'EUR' || typeof gross !== 'string' || !/^\d+\.\d{2}$/.test(gross)) return undefined;
  return Number(gross.replace('.', ''));
}

function readBody(text: string): Body | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}
