import { setting } from '#packages/config/index.js';
import { UpstreamError } from '#packages/errors/index.js';
import { createClientCredentialsTokens, createUpstreamClient, type UpstreamRequest, type UpstreamResponse } from '#packages/http/index.js';
import { asArray, asNonNegativeInteger, asRecord, parseJson } from '#packages/validate/index.js';
import type { MarketplaceAdapterModule } from '../ports.js';
import { createFeiraBooking } from './createFeiraBooking.js';

import { MARKETPLACE_ID, toOfferRecord, toSellerRecord } from './map.js';

const PAGE_SIZE = 50;
/** The vendor's limit on ids per multi-get. */
const IDS_PER_CALL = 20;

const settings = {
  /** Feira API base URL. Default: the sandbox on 127.0.0.1:4102. */
  BR_FEIRA_URL: setting.url({ default: 'http://127.0.0.1:4102' }),
  /** OAuth client id. Default: the sandbox's. */
  BR_FEIRA_CLIENT_ID: setting.string({ default: 'feira-sandbox-client' }),
  /** OAuth client secret. Default: the sandbox's. */
  BR_FEIRA_CLIENT_SECRET: setting.string({ default: 'feira-sandbox-secret' }),
};

export default {
  id: MARKETPLACE_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: MARKETPLACE_ID,
      baseUrl: config.BR_FEIRA_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });
    const tokens = createClientCredentialsTokens(client, {
      clientId: config.BR_FEIRA_CLIENT_ID,
      clientSecret: config.BR_FEIRA_CLIENT_SECRET,
      path: '/oauth/token',
      clientAuthentication: 'form',
    });

    /** A bearer-authenticated GET; a token refused as expired is renewed once and the call repeated. */
    async function get(path: string, query: UpstreamRequest['query'], signal?: AbortSignal): Promise<unknown> {
      let response: UpstreamResponse | undefined;
      for (let attempt = 0; attempt < 2; attempt++) {
        const token = await tokens.token(signal);
        response = await client.request({ path, query, headers: { authorization: `Bearer ${token}` }, signal });
        if (response.status !== 401) break;
        tokens.invalidate(token);
      }
      if (response === undefined || response.status !== 200) {
        throw new UpstreamError({
          upstream: MARKETPLACE_ID,
          failure: 'rejected',
          status: response?.status,
          message: `${MARKETPLACE_ID} refused GET ${path} (HTTP ${response?.status})`,
          detail: response?.text.slice(0, 300),
        });
      }
      return parseJson(response.text);
    }

    /** Multi-get answers `[{code, body}]`, one per id; 404s are simply absent. */
    async function multiGet<T>(
      path: string,
      ids: readonly string[],
      read: (value: unknown, path: string) => T,
      signal?: AbortSignal,
    ): Promise<T[]> {
      const chunks: string[][] = [];
      for (let i = 0; i < ids.length; i += IDS_PER_CALL) chunks.push(ids.slice(i, i + IDS_PER_CALL));
      const pages = await Promise.all(
        chunks.map(async (chunk) => {
          const body = await get(path, { ids: chunk.join(',') }, signal);
          return readPayload(path, () =>
            asArray(body, '$').flatMap((entry, index) => {
              const result = asRecord(entry, `$[${index}]`);
              return asNonNegativeInteger(result.code, `$[${index}].code`) === 200 ? [read(result.body, `$[${index}].body`)] : [];
            }),
          );
        }),
      );
      return pages.flat();
    }

    const readOffer = (value: unknown, path: string) => toOfferRecord(value, path, logger);

    return {
      marketplace: { id: MARKETPLACE_ID, name: 'Feira', country: 'BR', currency: 'BRL', continent: 'SOUTH_AMERICA' },

      async searchPage({ query, position, signal }) {
        const offset = position === null ? 0 : Number(position);
        const body = await get('/sites/MLB/search', { q: query, offset, limit: PAGE_SIZE }, signal);
        return readPayload('/sites/MLB/search', () => {
          const root = asRecord(body, '$');
          const paging = asRecord(root.paging, '$.paging');
          const total = asNonNegativeInteger(paging.total, '$.paging.total');
          const offers = asArray(root.results, '$.results').map((item, index) => readOffer(item, `$.results[${index}]`));
          return { offers, next: offset + PAGE_SIZE < total ? String(offset + PAGE_SIZE) : null };
        });
      },

      async getOffers(nativeIds, signal) {
        const offers = await multiGet('/items', nativeIds, readOffer, signal);
        return new Map(offers.map((offer) => [offer.nativeId, offer]));
      },

      async getSellers(nativeIds, signal) {
        const sellers = await multiGet('/users', nativeIds, toSellerRecord, signal);
        return new Map(sellers.map((seller) => [seller.nativeId, seller]));
      },

      ...createFeiraBooking(client, tokens),

      close: () => client.close(),
    };
  },
} satisfies MarketplaceAdapterModule<typeof settings>;

function readPayload<T>(endpoint: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UpstreamError({
      upstream: MARKETPLACE_ID,
      failure: 'bad-response',
      message: `${MARKETPLACE_ID} sent an unreadable ${endpoint} answer`,
      detail: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
}
