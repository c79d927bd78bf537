import type { ApolloServerPlugin } from '@apollo/server';
import { errorCodeOf } from '../errorCodeOf.js';
import type { GatewayContext } from '../GatewayContext.js';
import type { GatewayMetrics } from '../metrics/createGatewayMetrics.js';

/**
 * Counts every GraphQL request Apollo Server answers: by operation (a bounded label), type and
 * HTTP status, with its latency, and each error by code. Requests refused while the context is
 * built (bad key, rate limit) are counted too; those refused before Apollo Server (413, malformed
 * JSON) are counted by the HTTP server's `onRejected`.
 */
export function useMetrics(
  metrics: GatewayMetrics,
  operationLabel: (name: string | null | undefined) => string,
): ApolloServerPlugin<GatewayContext> {
  return {
    async contextCreationDidFail({ error }) {
      const status = (error as { extensions?: { http?: { status?: number } } }).extensions?.http?.status;
      metrics.request('__refused', 'unknown', status ?? 500);
      metrics.error(errorCodeOf(error));
    },
    async requestDidStart() {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) metrics.error(errorCodeOf(error));
        },
        async willSendResponse({ operationName, operation, response }) {
          const name = operation === undefined ? '__unresolved' : operationLabel(operationName);
          metrics.request(name, operation?.operation ?? 'unknown', response.http.status ?? 200, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
