import { UpstreamError } from '#packages/errors/index.js';
import { createUpstreamClient } from '#packages/http/index.js';
import type { Logger } from '#packages/log/index.js';
import { asArray, asRecord, parseJson } from '#packages/validate/index.js';
import { isTrustLevel, type TrustLevel } from './TrustLevel.js';

/** What trust requires of a seller (its `@requires` on `Seller.trust`): the catalog's own fields. */
export interface SellerStandingRepresentation {
  /** The catalog's global Seller id. */
  readonly id: string;
  readonly verification: { readonly level: string } | null;
  readonly rating: { readonly average: number; readonly worst: number; readonly best: number; readonly count: number } | null;
}

export interface SellerTrustClient {
  /** The trust level of each seller, in one `_entities` request to the trust subgraph; in order. */
  levels(sellers: readonly SellerStandingRepresentation[], signal?: AbortSignal): Promise<TrustLevel[]>;
  close(): Promise<void>;
}

const SELLER_TRUST = /* GraphQL */ `
  query SellerTrustLevels($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Seller {
        trust {
          level
        }
      }
    }
  }
`;

/**
 * Asks the trust subgraph directly (not through the gateway), signed with the service secret as
 * the booking saga does: the search filter `minTrustLevel` needs levels before a page is made,
 * where the gateway's plan would only fetch them after. One request for many sellers.
 */
export function createSellerTrustClient(options: {
  url: string;
  serviceSecret: string;
  timeoutMs: number;
  logger: Logger;
}): SellerTrustClient {
  const url = new URL(options.url);
  const client = createUpstreamClient({
    upstream: 'trust',
    baseUrl: url.origin,
    timeoutMs: options.timeoutMs,
    retries: 1,
    logger: options.logger,
  });
  return {
    async levels(sellers, signal) {
      if (sellers.length === 0) return [];
      const representations = sellers.map((seller) => ({ __typename: 'Seller', ...seller }));
      const response = await client.request({
        method: 'POST',
        path: url.pathname,
        headers: { 'content-type': 'application/json', 'x-service-secret': options.serviceSecret },
        body: JSON.stringify({ query: SELLER_TRUST, variables: { representations } }),
        idempotent: true, // a read
        signal,
      });
      try {
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
        const body = asRecord(parseJson(response.text), '$');
        const entities = asArray(asRecord(body.data, '$.data')._entities, '$.data._entities');
        return sellers.map((_, index) => {
          const level = asRecord(asRecord(entities[index], `_entities[${index}]`).trust, `_entities[${index}].trust`).level;
          if (!isTrustLevel(level)) throw new Error(`_entities[${index}].trust.level: not a trust level (${String(level)})`);
          return level;
        });
      } catch (error) {
        throw new UpstreamError({
          upstream: 'trust',
          failure: 'bad-response',
          status: response.status,
          message: `trust answered seller levels unreadably: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    },
    close: () => client.close(),
  };
}
