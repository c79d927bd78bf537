import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { errorCodeOf } from '../errorCodeOf.js';
import { GatewayErrorCode, gatewayError } from '../gatewayError.js';
import type { GatewayContext } from '../GatewayContext.js';
import type { PersistedOperationManifest } from '../persisted/PersistedOperationManifest.js';

export type PersistedQueryOutcome = 'hit' | 'miss' | 'registered';

/**
 * Apollo Server runs the APQ protocol itself over our store (see createPersistedQueryStore); this
 * plugin adds the allow-list: with `allowlist`, an operation whose hash is not in the manifest is
 * refused before it is planned, whether it came as a hash or as full text. It also reports each
 * persisted-query outcome, for metrics.
 */
export function usePersistedQueries(options: {
  manifest: PersistedOperationManifest;
  allowlist: boolean;
  /** The allow-list's decision, when shared (createGatewayDecisions). Default: made here from `manifest` and `allowlist`. */
  allowList?: AllowList;
  onOutcome?: (outcome: PersistedQueryOutcome) => void;
  /** Which `persistedQuery` extensions the gateway made from a request's text (see createQueryHashes): not an APQ hit. */
  isRewritten?: (persistedQuery: unknown) => boolean;
}): ApolloServerPlugin<GatewayContext> {
  const allowList = options.allowList ?? createAllowList(options.manifest, options.allowlist);
  return {
    async requestDidStart() {
      return {
        async didResolveSource({ metrics, request }) {
          if (metrics.persistedQueryHit) {
            if (!options.isRewritten?.(request.extensions?.persistedQuery)) options.onOutcome?.('hit');
          } else if (metrics.persistedQueryRegister) options.onOutcome?.('registered');
        },
        async didEncounterErrors({ errors }) {
          if (errors.some((error) => errorCodeOf(error) === 'PERSISTED_QUERY_NOT_FOUND')) options.onOutcome?.('miss');
        },
        async didResolveOperation({ queryHash, operationName }) {
          const refusal = allowList.refusal(queryHash, operationName);
          if (refusal !== undefined) throw refusal;
        },
      };
    },
  };
}

/** The allow-list's decision, shared by the Apollo Server plugin and the gateway's lean request path. */
export interface AllowList {
  /** The error an operation of this hash gets (400, not in the list); undefined when it may run or no allow-list is on. */
  refusal(queryHash: string, operationName: string | null | undefined): GraphQLError | undefined;
}

export function createAllowList(manifest: PersistedOperationManifest, on: boolean): AllowList {
  const registered = new Set(manifest.operations.map((operation) => operation.id));
  return {
    refusal(queryHash, operationName) {
      if (!on || registered.has(queryHash)) return undefined;
      return gatewayError(
        `Only registered operations run here; ${operationName ?? 'this anonymous operation'} is not in the persisted operation list`,
        { code: GatewayErrorCode.PERSISTED_QUERY_NOT_IN_LIST, status: 400 },
      );
    },
  };
}
