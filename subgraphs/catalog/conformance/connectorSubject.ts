import { isCountryCode } from '#packages/countries/index.js';
import { createLogger } from '#packages/log/index.js';
import { isCurrencyCode } from '#packages/money/index.js';
import type { ConnectorCredentials, ConnectorMarketplace } from '../src/adapters/connector/ConnectorMarketplace.js';
import { createConnectorClient } from '../src/adapters/connector/createConnectorClient.js';
import { Info, Listings, MAX_IDS_PER_REQUEST, SearchPage } from '../src/adapters/connector/protocol.js';
import { CONNECTOR_ADAPTER } from '../src/adapters/registry.js';
import type { CountedEndpoint, MarketplaceSubject } from './ConformanceCheck.js';
import { PROTOCOL_CHECKS } from './protocolChecks.js';
import type { ExchangeRecorder } from './recordExchanges.js';

export interface ConnectorSubjectOptions {
  readonly baseUrl: string;
  readonly credentials: ConnectorCredentials;
  /** Our id for it; by default made from its country and name (`ke-soko`). */
  readonly id?: string;
  readonly query: string;
  /** The run's recorder: calls are counted from what it saw, so no server statistics are needed. */
  readonly recorder: ExchangeRecorder;
  /** Time allowed for one call. */
  readonly timeoutMs: number;
  /** Where sellers ship, for an implementation whose seed the caller knows (the repository's own sandbox). */
  readonly expectedShipsTo?: MarketplaceSubject['expectedShipsTo'];
}

/** The protocol's operations, by the method and path the recorder sees. */
const OPERATIONS: Record<CountedEndpoint, { method: string; path: RegExp }> = {
  search: { method: 'GET', path: /\/listings\/search\?/ },
  lookup: { method: 'GET', path: /\/listings\?/ },
  reserve: { method: 'POST', path: /\/holds$/ },
  release: { method: 'POST', path: /\/holds\/release$/ },
  place: { method: 'POST', path: /\/orders$/ },
  cancel: { method: 'POST', path: /\/orders\/cancel$/ },
};

/**
 * Any implementation of the connector protocol as the suite's subject: it describes itself
 * (`/info`), counts its own matches (`total`) and stock (`availableQuantity`), and the run counts
 * the calls it made. A sandbox's `/__sandbox/*` controls, where the implementation has them, let
 * the fault checks run too.
 */
export async function createConnectorSubject(options: ConnectorSubjectOptions): Promise<MarketplaceSubject> {
  const logger = createLogger('conformance', { level: 'silent' });
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  // Only the id of the marketplace matters to a client; the rest is what /info is asked for.
  const probeEntry: ConnectorMarketplace = {
    marketplace: { id: options.id ?? 'conformance', name: 'conformance', country: 'ZZ', currency: 'USD', continent: 'AFRICA' },
    baseUrl,
    credentials: options.credentials,
  };
  const probe = createConnectorClient(probeEntry, { logger, timeoutMs: options.timeoutMs });
  const info = await probe.call({ operation: 'getInfo', method: 'GET', path: '/info', answer: Info });
  await probe.close();
  if (!isCountryCode(info.country)) throw new Error(`/info: country "${info.country}" is not an ISO 3166-1 alpha-2 code`);
  const currency = info.currency;
  if (!isCurrencyCode(currency)) throw new Error(`/info: currency "${currency}" is not an ISO 4217 code`);
  const id =
    options.id ??
    `${info.country}-${info.name}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const entry: ConnectorMarketplace = {
    marketplace: { id, name: info.name, country: info.country, currency, continent: info.continent },
    baseUrl,
    credentials: options.credentials,
  };
  const client = createConnectorClient(entry, { logger, timeoutMs: options.timeoutMs });
  const controlsUrl = new URL('/__sandbox/', baseUrl).href;
  const hasControls = await fetch(`${controlsUrl}faults`).then(
    (response) => response.ok,
    () => false,
  );
  let mark = 0;
  const sinceMark = () => options.recorder.exchanges().slice(mark);

  return {
    id,
    query: options.query,
    idsPerLookup: MAX_IDS_PER_REQUEST,
    connector: entry,
    reachesThisMachine: ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(baseUrl).hostname),
    createAdapter: ({ timeoutMs = options.timeoutMs, badCredentials = false } = {}) =>
      CONNECTOR_ADAPTER.create(badCredentials ? { ...entry, credentials: wrong(entry.credentials) } : entry, {
        logger,
        upstreamTimeoutMs: timeoutMs,
      }),
    async countMatches(query) {
      const params = new URLSearchParams({ q: query, limit: '1' });
      return (
        await client.call({ operation: 'searchListings', method: 'GET', path: `/listings/search?${params.toString()}`, answer: SearchPage })
      ).total;
    },
    async availableOf(nativeId) {
      const path = `/listings?${new URLSearchParams({ ids: nativeId }).toString()}`;
      const { listings } = await client.call({ operation: 'getListings', method: 'GET', path, answer: Listings });
      const listing = listings.find((candidate) => candidate.id === nativeId);
      if (!listing) throw new Error(`the marketplace no longer lists ${nativeId}`);
      return listing.availableQuantity;
    },
    async callsTo(endpoint) {
      const { method, path } = OPERATIONS[endpoint];
      return sinceMark().filter((exchange) => exchange.method === method && exchange.url.startsWith(baseUrl) && path.test(exchange.url))
        .length;
    },
    async resetCalls() {
      mark = options.recorder.exchanges().length;
    },
    ...(options.expectedShipsTo && { expectedShipsTo: options.expectedShipsTo }),
    ...(hasControls && {
      controls: {
        async setFault(fault: string | null) {
          await post(`${controlsUrl}faults`, { fault });
        },
        async setHoldSeconds(seconds: number) {
          await post(`${controlsUrl}stock-hold`, { seconds });
        },
      },
    }),
    extraChecks: PROTOCOL_CHECKS,
    close: () => client.close(),
  };
}

/** The same credentials with the secret part wrong: the marketplace must refuse them. */
function wrong(credentials: ConnectorCredentials): ConnectorCredentials {
  switch (credentials.scheme) {
    case 'hmac':
      return { ...credentials, secret: `${credentials.secret}-not` };
    case 'oauth2':
      return { ...credentials, clientSecret: `${credentials.clientSecret}-not` };
    case 'missing':
      return credentials;
  }
}

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
}
