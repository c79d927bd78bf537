import { setting } from '#packages/config/index.js';
import { UpstreamError } from '#packages/errors/index.js';
import { createUpstreamClient } from '#packages/http/index.js';
import type { MarketplaceAdapterModule } from '../ports.js';
import { createIchibaBooking } from './createIchibaBooking.js';
import {
  MARKETPLACE_ID,
  listOf,
  openResponse,
  readError,
  readSearchResult,
  toOfferRecord,
  toSellerRecord,
  type IchibaError,
} from './map.js';
import { readXml, type XmlElement } from '#packages/validate/index.js';

const HITS_PER_PAGE = 30;
/** The vendor serves no page after the 100th, whatever `pageCount` says. */
const LAST_PAGE = 100;
/** The vendor's limit on codes per item or shop lookup. */
const CODES_PER_CALL = 30;
/** Item codes read `shopCode:itemNumber`; a string of another shape cannot be one, so is not sent. */
const ITEM_CODE = /^[a-z0-9-]+:\d+$/;
const SHOP_CODE = /^[a-z0-9-]+$/;

const SEARCH = '/services/api/IchibaItem/Search/20220601';
const ITEM_LOOKUP = '/services/api/IchibaItem/Lookup/20220601';
const SHOP_LOOKUP = '/services/api/IchibaShop/Lookup/20220601';

const settings = {
  /** Ichiba Japan API base URL. Default: the sandbox on 127.0.0.1:4106. */
  JP_ICHIBA_URL: setting.url({ default: 'http://127.0.0.1:4106' }),
  /** Application id registered with Ichiba Japan, sent on every call. Default: the sandbox's, 1012345678901234567. */
  JP_ICHIBA_APPLICATION_ID: setting.string({ default: '1012345678901234567' }),
};

export default {
  id: MARKETPLACE_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: MARKETPLACE_ID,
      baseUrl: config.JP_ICHIBA_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });

    /**
     * One GET, read as XML. `undefined` means the vendor's 404 `not_found`, which is how it says
     * "no results" for a search or lookup; every other refusal is an error.
     */
    async function call(apiPath: string, params: Record<string, string | number>, signal?: AbortSignal): Promise<XmlElement | undefined> {
      const response = await client.request({
        path: apiPath,
        query: { applicationId: config.JP_ICHIBA_APPLICATION_ID, format: 'xml', ...params },
        headers: { accept: 'application/xml' },
        signal,
      });
      if (response.status === 200) return readPayload(apiPath, () => openResponse(readXml(response.text)));
      const refusal = vendorError(response.text);
      if (response.status === 404 && refusal?.code === 'not_found') return undefined;
      throw new UpstreamError({
        upstream: MARKETPLACE_ID,
        failure: 'rejected',
        status: response.status,
        message: `${MARKETPLACE_ID} refused ${apiPath}: ${refusal?.code ?? `HTTP ${response.status}`}`,
        detail: refusal?.message ?? response.text.slice(0, 300),
      });
    }

    async function lookup<T>(
      apiPath: string,
      param: string,
      codes: readonly string[],
      read: (root: XmlElement) => T[],
      signal?: AbortSignal,
    ) {
      const chunks: string[][] = [];
      for (let i = 0; i < codes.length; i += CODES_PER_CALL) chunks.push(codes.slice(i, i + CODES_PER_CALL));
      const pages = await Promise.all(
        chunks.map(async (chunk) => {
          const root = await call(apiPath, { [param]: chunk.join(',') }, signal);
          return root === undefined ? [] : readPayload(apiPath, () => read(root));
        }),
      );
      return pages.flat();
    }

    return {
      marketplace: { id: MARKETPLACE_ID, name: 'Ichiba Japan', country: 'JP', currency: 'JPY', continent: 'ASIA' },

      async searchPage({ query, position, signal }) {
        const page = position === null ? 1 : Number(position);
        const root = await call(SEARCH, { keyword: query, page, hits: HITS_PER_PAGE }, signal);
        if (root === undefined) return { offers: [], next: null };
        return readPayload(SEARCH, () => {
          const { offers, pageCount } = readSearchResult(root, logger);
          return { offers, next: page < Math.min(pageCount, LAST_PAGE) ? String(page + 1) : null };
        });
      },

      async getOffers(nativeIds, signal) {
        const codes = [...new Set(nativeIds.filter((id) => ITEM_CODE.test(id)))];
        const offers = await lookup(
          ITEM_LOOKUP,
          'itemCodes',
          codes,
          (root) => listOf(root, 'Items', 'Item', '$', (item, path) => toOfferRecord(item, path, logger)),
          signal,
        );
        return new Map(offers.map((offer) => [offer.nativeId, offer]));
      },

      async getSellers(nativeIds, signal) {
        const codes = [...new Set(nativeIds.filter((id) => SHOP_CODE.test(id)))];
        const sellers = await lookup(SHOP_LOOKUP, 'shopCodes', codes, (root) => listOf(root, 'Shops', 'Shop', '$', toSellerRecord), signal);
        return new Map(sellers.map((seller) => [seller.nativeId, seller]));
      },

      ...createIchibaBooking(client, config.JP_ICHIBA_APPLICATION_ID),

      close: () => client.close(),
    };
  },
} satisfies MarketplaceAdapterModule<typeof settings>;

/** The vendor's own words for a refusal, if the body is its XML error; the status speaks otherwise. */
function vendorError(body: string): IchibaError | undefined {
  try {
    return readError(readXml(body));
  } catch {
    return undefined;
  }
}

function readPayload<T>(apiPath: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UpstreamError({
      upstream: MARKETPLACE_ID,
      failure: 'bad-response',
      message: `${MARKETPLACE_ID} sent an unreadable ${apiPath} answer`,
      detail: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
}
