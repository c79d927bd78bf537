import { setting } from '#packages/config/index.js';
import { UpstreamError } from '#packages/errors/index.js';
import { createUpstreamClient } from '#packages/http/index.js';
import { asRecord, asString, optional, parseJson, type VendorRecord } from '#packages/validate/index.js';
import type { MarketplaceAdapterModule } from '../ports.js';
import { createMarktplatzBooking } from './createMarktplatzBooking.js';
import { MARKETPLACE_ID, embeddedItems, nextHref, toOfferRecord, toSellerRecord } from './map.js';

const PAGE_SIZE = 25;
/** The vendor's limit on ids per `/items?ids=` and `/sellers?ids=` call. */
const IDS_PER_CALL = 25;

const settings = {
  /** Marktplatz API base URL. Default: the sandbox on 127.0.0.1:4104. */
  DE_MARKTPLATZ_URL: setting.url({ default: 'http://127.0.0.1:4104' }),
  /** API client id, sent as the HTTP Basic user name. Default: the sandbox's. */
  DE_MARKTPLATZ_CLIENT_ID: setting.string({ default: 'marktplatz-sandbox-client' }),
  /** API client secret, sent as the HTTP Basic password. Default: the sandbox's. */
  DE_MARKTPLATZ_CLIENT_SECRET: setting.string({ default: 'marktplatz-sandbox-secret' }),
};

export default {
  id: MARKETPLACE_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: MARKETPLACE_ID,
      baseUrl: config.DE_MARKTPLATZ_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });
    const base = new URL(config.DE_MARKTPLATZ_URL + '/');
    const credentials = Buffer.from(`${config.DE_MARKTPLATZ_CLIENT_ID}:${config.DE_MARKTPLATZ_CLIENT_SECRET}`, 'utf8').toString('base64');

    /**
     * GETs a resource, given as a URL under the API base (a link the vendor sent, or one we
     * start from), and reads its HAL body. Problem details become `rejected` errors.
     */
    async function getHal(url: URL, signal?: AbortSignal): Promise<VendorRecord> {
      const path = url.pathname.slice(base.pathname.length - 1) + url.search;
      const response = await client.request({
        path,
        headers: { authorization: `Basic ${credentials}`, accept: 'application/hal+json, application/problem+json' },
        signal,
      });
      if (response.status !== 200) {
        throw new UpstreamError({
          upstream: MARKETPLACE_ID,
          failure: 'rejected',
          status: response.status,
          message: `${MARKETPLACE_ID} refused GET ${url.pathname} (HTTP ${response.status})`,
          detail: problemSummary(response.text),
        });
      }
      return readPayload(url.pathname, () => asRecord(parseJson(response.text), '$'));
    }

    /**
     * Resolves a link (RFC 3986 §5, against the document that carried it) and refuses one that
     * leaves the API: positions come back to us inside client cursors, and following a forged
     * one would send our Basic credentials to whoever it names. A bad position is the caller's
     * (`rejected`); a bad link in a page is the vendor's (`bad-response`).
     */
    function withinApi(href: string, from: URL, failure: 'rejected' | 'bad-response'): URL {
      const url = URL.canParse(href, from.href) ? new URL(href, from) : undefined;
      if (url?.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
        throw new UpstreamError({
          upstream: MARKETPLACE_ID,
          failure,
          message: `${MARKETPLACE_ID}: refusing to follow a link outside ${base.href}`,
          detail: href.slice(0, 200),
        });
      }
      return url;
    }

    async function lookUp<T>(
      resource: 'items' | 'sellers',
      ids: readonly string[],
      read: (value: unknown, path: string) => T,
      signal?: AbortSignal,
    ): Promise<T[]> {
      const chunks: string[][] = [];
      for (let i = 0; i < ids.length; i += IDS_PER_CALL) chunks.push(ids.slice(i, i + IDS_PER_CALL));
      const pages = await Promise.all(
        chunks.map(async (chunk) => {
          const url = new URL(resource, base);
          url.search = new URLSearchParams({ ids: chunk.join(',') }).toString();
          const body = await getHal(url, signal);
          return readPayload(url.pathname, () => embeddedItems(body).map((item, index) => read(item, `$._embedded.items[${index}]`)));
        }),
      );
      return pages.flat();
    }

    return {
      marketplace: { id: MARKETPLACE_ID, name: 'Marktplatz', country: 'DE', currency: 'EUR', continent: 'EUROPE' },

      async searchPage({ query, position, signal }) {
        // Only the first page is ours to address; later pages are exactly the `next` links the vendor sent.
        const url =
          position === null
            ? new URL(`items?${new URLSearchParams({ q: query, proSeite: String(PAGE_SIZE) }).toString()}`, base)
            : withinApi(position, base, 'rejected');
        const body = await getHal(url, signal);
        return readPayload(url.pathname, () => {
          const offers = embeddedItems(body).map((item, index) => toOfferRecord(item, `$._embedded.items[${index}]`, logger));
          const next = nextHref(body);
          return { offers, next: next === undefined ? null : withinApi(next, url, 'bad-response').href };
        });
      },

      async getOffers(nativeIds, signal) {
        const offers = await lookUp('items', nativeIds, (item, path) => toOfferRecord(item, path, logger), signal);
        return new Map(offers.map((offer) => [offer.nativeId, offer]));
      },

      async getSellers(nativeIds, signal) {
        const sellers = await lookUp('sellers', nativeIds, toSellerRecord, signal);
        return new Map(sellers.map((seller) => [seller.nativeId, seller]));
      },

      ...createMarktplatzBooking(client, `Basic ${credentials}`),

      close: () => client.close(),
    };
  },
} satisfies MarketplaceAdapterModule<typeof settings>;

/** "title: detail" from an RFC 9457 problem body, for logs; the raw body if it is not one. */
function problemSummary(text: string): string {
  try {
    const problem = asRecord(parseJson(text), '$');
    const title = optional(problem.title, '$.title', asString) ?? '';
    const detail = optional(problem.detail, '$.detail', asString) ?? '';
    return `${title}: ${detail} (${optional(problem.type, '$.type', asString) ?? 'about:blank'})`;
  } catch {
    return text.slice(0, 300);
  }
}

function readPayload<T>(endpoint: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    throw new UpstreamError({
      upstream: MARKETPLACE_ID,
      failure: 'bad-response',
      message: `${MARKETPLACE_ID} sent an unreadable ${endpoint} answer`,
      detail: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
}
