import type {
  SandboxRequest,
  SandboxResponse,
  SandboxUpstream,
  SeedListing,
  SeedSeller,
  SeedShippingPolicy,
} from '#packages/sandbox/index.js';
import { createSandboxServer, createStockLedger, matchesQuery } from '#packages/sandbox/index.js';
import { bestellRoutes } from './bestellRoutes.js';
import {
  VAT_RATE_PERCENT,
  artikelnummerOf,
  findListing,
  findSeller,
  grossCentsOf,
  haendlerIdOf,
  rueckgabeOf,
  listings,
  sellers,
  versandadresseOf,
} from './catalog.js';
import { isAuthorized } from './credentials.js';

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 50;
const MAX_IDS_PER_CALL = 25;
const HAL = { 'content-type': 'application/hal+json; charset=utf-8' };
const PROBLEM_BASE = 'https://api.marktplatz.example/probleme/';

/**
 * Marktplatz (DE): HAL+JSON REST with HTTP Basic client credentials, `_links.next` paging,
 * gross prices including 19% VAT, weights as kilogram strings and RFC 9457 problem details.
 * Writes (reservations and orders, `bestellRoutes.ts`) take an `Idempotency-Key` header.
 */
export const marktplatzSandbox = {
  id: 'de-marktplatz',
  description: 'Marktplatz, a German marketplace (HAL+JSON, Basic auth, gross prices with VAT, problem+json)',
  defaultPort: 4104,
  create: ({ logger, fault }) => {
    // Orders are checked against the price the shop shows: gross, with VAT.
    const ledger = createStockLedger({
      listings,
      itemIdOf: artikelnummerOf,
      unitPriceOf: (listing) => grossCentsOf(listing.priceMinor),
      reservationPrefix: 'R-',
      orderPrefix: 'B-',
    });
    const stockOf: StockOf = (listing) => ledger.available(artikelnummerOf(listing)) ?? listing.stock;
    return createSandboxServer({
      id: 'de-marktplatz',
      listings,
      sellers,
      logger,
      fault,
      routes: [
        {
          method: 'GET',
          path: '/items',
          endpoint: (request) => (request.query.has('ids') ? 'items.batch' : 'items.search'),
          handle: authorized((request) => (request.query.has('ids') ? itemsByIds(request, stockOf) : searchItems(request, stockOf))),
        },
        { method: 'GET', path: '/sellers', endpoint: 'sellers.batch', handle: authorized(sellersByIds) },
        ...bestellRoutes(ledger, authorized, problem),
        ...ledger.routes,
      ],
      garbage: () => ({
        headers: HAL,
        body: { _embedded: { items: [{ artikelnummer: 4711, preis: { gross: 'auf Anfrage' } }] }, _links: { next: { href: 17 } } },
      }),
    });
  },
} satisfies SandboxUpstream;

/** Live stock: the seeded count less what reservations hold and orders took. */
type StockOf = (listing: SeedListing) => number;

function authorized(handler: (request: SandboxRequest) => SandboxResponse) {
  return (request: SandboxRequest): SandboxResponse =>
    isAuthorized(request.headers.authorization)
      ? handler(request)
      : {
          ...problem(401, 'nicht-authentifiziert', 'Nicht authentifiziert', 'Client-ID oder Client-Secret ist ungültig.'),
          headers: { ...problemHeaders, 'www-authenticate': 'Basic realm="marktplatz-api", charset="UTF-8"' },
        };
}

function searchItems(request: SandboxRequest, stockOf: StockOf): SandboxResponse {
  const q = request.query.get('q') ?? '';
  const seite = Number(request.query.get('seite') ?? '1');
  const proSeite = Number(request.query.get('proSeite') ?? String(DEFAULT_PAGE_SIZE));
  if (!Number.isInteger(seite) || seite < 1) return problem(400, 'ungueltiger-parameter', 'Ungültiger Parameter', `seite=${seite}: ab 1`);
  if (!Number.isInteger(proSeite) || proSeite < 1 || proSeite > MAX_PAGE_SIZE) {
    return problem(400, 'ungueltiger-parameter', 'Ungültiger Parameter', `proSeite=${proSeite}: 1 bis ${MAX_PAGE_SIZE}`);
  }
  const matching = q.trim() === '' ? listings : listings.filter((listing) => matchesQuery(listing, q));
  const page = matching.slice((seite - 1) * proSeite, seite * proSeite);
  // Links are absolute, built from the Host the client used, as Spring HATEOAS and most HAL servers do.
  const link = (n: number) => ({
    href: `http://${request.headers.host ?? 'localhost'}/items?${new URLSearchParams({ q, seite: String(n), proSeite: String(proSeite) }).toString()}`,
  });
  return {
    headers: HAL,
    body: {
      _links: { self: link(seite), ...(seite * proSeite < matching.length && { next: link(seite + 1) }) },
      _embedded: { items: page.map((listing) => toItem(listing, stockOf)) },
      seite: { nummer: seite, groesse: proSeite, gesamtAnzahl: matching.length },
    },
  };
}

function itemsByIds(request: SandboxRequest, stockOf: StockOf): SandboxResponse {
  const ids = idsOf(request);
  if (ids.length === 0 || ids.length > MAX_IDS_PER_CALL) {
    return problem(400, 'ungueltiger-parameter', 'Ungültiger Parameter', `ids: 1 bis ${MAX_IDS_PER_CALL} Artikelnummern`);
  }
  const found = ids.map(findListing).filter((listing) => listing !== undefined);
  return {
    headers: HAL,
    body: {
      _links: { self: { href: `/items?ids=${ids.join(',')}` } },
      _embedded: { items: found.map((listing) => toItem(listing, stockOf)) },
    },
  };
}

function sellersByIds(request: SandboxRequest): SandboxResponse {
  const ids = idsOf(request);
  if (ids.length === 0 || ids.length > MAX_IDS_PER_CALL) {
    return problem(400, 'ungueltiger-parameter', 'Ungültiger Parameter', `ids: 1 bis ${MAX_IDS_PER_CALL} Händler-IDs`);
  }
  const found = ids.map(findSeller).filter((seller) => seller !== undefined);
  return { headers: HAL, body: { _links: { self: { href: `/sellers?ids=${ids.join(',')}` } }, _embedded: { items: found.map(toSeller) } } };
}

const idsOf = (request: SandboxRequest): string[] => (request.query.get('ids') ?? '').split(',').filter((id) => id !== '');

function toItem(listing: SeedListing, stockOf: StockOf): Record<string, unknown> {
  const seller = sellers[listing.sellerIndex];
  const [laenge, breite, hoehe] = listing.dimensionsCm;
  return {
    artikelnummer: artikelnummerOf(listing),
    titel: listing.titleNative,
    titelEnglisch: listing.titleEnglish,
    preis: { gross: (grossCentsOf(listing.priceMinor) / 100).toFixed(2), currency: 'EUR', vatRate: String(VAT_RATE_PERCENT) },
    bestand: stockOf(listing),
    ...(listing.declaredHsCode === undefined ? {} : { zolltarifnummer: listing.declaredHsCode }),
    gewichtKg: (listing.weightGrams / 1000).toFixed(3),
    abmessungenCm: { laenge, breite, hoehe },
    herkunftsland: listing.originCountry,
    lithiumAkku: listing.archetype.lithiumBattery === true,
    auslandslager: listing.warehouseCountry ? [listing.warehouseCountry] : [],
    haendler: seller ? { id: haendlerIdOf(seller), name: seller.name } : null,
    versand: versandOf(seller?.shipping ?? { kind: 'DOMESTIC' }, listing.originCountry),
    _links: {
      self: { href: `/items?ids=${artikelnummerOf(listing)}` },
      ...(seller && { haendler: { href: `/sellers?ids=${haendlerIdOf(seller)}` } }),
    },
  };
}

/** Marktplatz's style: `versand.gebiet` "INLAND", "AUSWAHL" with `versandLaender`, or "WELTWEIT" with `ausgenommeneLaender`. */
function versandOf(policy: SeedShippingPolicy, inland: string): Record<string, unknown> {
  switch (policy.kind) {
    case 'DOMESTIC':
      return { gebiet: 'INLAND', versandLaender: [inland] };
    case 'REGIONAL':
      return { gebiet: 'AUSWAHL', versandLaender: policy.countries };
    case 'WORLDWIDE':
      return { gebiet: 'WELTWEIT', ausgenommeneLaender: policy.except };
  }
}

function toSeller(seller: SeedSeller): Record<string, unknown> {
  return {
    id: haendlerIdOf(seller),
    firmenname: seller.name,
    land: seller.country,
    aktivSeitMonaten: seller.monthsActive,
    positiveBewertungenProzent: (seller.positiveFeedbackPermille / 10).toFixed(1),
    versandadresse: versandadresseOf(seller),
    rueckgabe: rueckgabeOf(seller),
    _links: { self: { href: `/sellers?ids=${haendlerIdOf(seller)}` } },
  };
}

const problemHeaders = { 'content-type': 'application/problem+json; charset=utf-8' };

/** RFC 9457 problem details, the vendor's only error shape. */
function problem(status: number, type: string, title: string, detail: string): SandboxResponse {
  return { status, headers: problemHeaders, body: { type: PROBLEM_BASE + type, title, status, detail } };
}
