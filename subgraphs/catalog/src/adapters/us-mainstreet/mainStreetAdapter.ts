import { setting } from '#packages/config/index.js';
import { UpstreamError } from '#packages/errors/index.js';
import { createUpstreamClient, type UpstreamRequest } from '#packages/http/index.js';
import { asRecord, asString, optional, parseJson, type VendorRecord } from '#packages/validate/index.js';
import type { MarketplaceAdapterModule } from '../ports.js';
import { createMainStreetBooking } from './createMainStreetBooking.js';
import { MARKETPLACE_ID, listOf, readSearchAnswer, toOfferRecord, toSellerRecord } from './map.js';

const PAGE_SIZE = 50;
/** The vendor's limit on ids per `:batchGet` call. */
const IDS_PER_CALL = 50;

const settings = {
  /** Main Street Market API base URL. Default: the sandbox on 127.0.0.1:4105. */
  US_MAINSTREET_URL: setting.url({ default: 'http://127.0.0.1:4105' }),
  /** API key, sent as `x-api-key`; the vendor meters requests per key. Default: the sandbox's key. */
  US_MAINSTREET_API_KEY: setting.string({ default: 'mainstreet-sandbox-key' }),
};

export default {
  id: MARKETPLACE_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: MARKETPLACE_ID,
      baseUrl: config.US_MAINSTREET_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });

    async function call(endpoint: string, request: UpstreamRequest): Promise<VendorRecord> {
      const response = await client.request({ ...request, headers: { ...request.headers, 'x-api-key': config.US_MAINSTREET_API_KEY } });
      if (response.status !== 200) {
        // 429 and 5xx never get here (the client retries them, then throws); what is left is a
        // refusal of our key (403) or of our parameters (400, e.g. InvalidNextToken).
        throw new UpstreamError({
          upstream: MARKETPLACE_ID,
          failure: 'rejected',
          status: response.status,
          message: `${MARKETPLACE_ID} refused ${endpoint} (HTTP ${response.status})`,
          detail: errorSummary(response.text),
        });
      }
      return readPayload(endpoint, () => asRecord(parseJson(response.text), '$'));
    }

    /** `:batchGet` is a POST but only reads, so it is safe to repeat after a 429 or a 503. */
    async function batchGet<T>(
      resource: 'listings' | 'sellers',
      idField: string,
      ids: readonly string[],
      read: (value: unknown, path: string) => T,
      signal?: AbortSignal,
    ): Promise<T[]> {
      const chunks: string[][] = [];
      for (let i = 0; i < ids.length; i += IDS_PER_CALL) chunks.push(ids.slice(i, i + IDS_PER_CALL));
      const endpoint = `${resource}:batchGet`;
      const pages = await Promise.all(
        chunks.map(async (chunk) => {
          const root = await call(endpoint, {
            method: 'POST',
            path: `/v1/${endpoint}`,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ [idField]: chunk }),
            idempotent: true,
            signal,
          });
          return readPayload(endpoint, () => listOf(root, resource).map((item, index) => read(item, `$.${resource}[${index}]`)));
        }),
      );
      return pages.flat();
    }

    return {
      marketplace: { id: MARKETPLACE_ID, name: 'Main Street Market', country: 'US', currency: 'USD', continent: 'NORTH_AMERICA' },

      async searchPage({ query, position, signal }) {
        const root = await call('listings.search', {
          path: '/v1/listings',
          query: { keywords: query, maxResults: PAGE_SIZE, nextToken: position ?? undefined },
          signal,
        });
        return readPayload('listings.search', () => {
          const { listings, nextToken } = readSearchAnswer(root);
          return { offers: listings.map((item, index) => toOfferRecord(item, `$.listings[${index}]`, logger)), next: nextToken ?? null };
        });
      },

      async getOffers(nativeIds, signal) {
        const offers = await batchGet('listings', 'listingIds', nativeIds, (item, path) => toOfferRecord(item, path, logger), signal);
        return new Map(offers.map((offer) => [offer.nativeId, offer]));
      },

      async getSellers(nativeIds, signal) {
        const sellers = await batchGet('sellers', 'sellerIds', nativeIds, toSellerRecord, signal);
        return new Map(sellers.map((seller) => [seller.nativeId, seller]));
      },

      ...createMainStreetBooking(client, config.US_MAINSTREET_API_KEY),

      close: () => client.close(),
    };
  },
} satisfies MarketplaceAdapterModule<typeof settings>;

/** "code: message" from `{error: {code, message}}`, for logs; the raw body if it is not one. */
function errorSummary(text: string): string {
  try {
    const error = asRecord(asRecord(parseJson(text), '$').error, '$.error');
    return `${optional(error.code, '$.error.code', asString) ?? 'unknown'}: ${optional(error.message, '$.error.message', asString) ?? ''}`;
  } catch {
    return text.slice(0, 300);
  }
}

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
