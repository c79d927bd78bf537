import { context as otelContext, propagation } from '@opentelemetry/api';
import { REQUEST_ID_HEADER } from '#packages/log/index.js';
import { PRINCIPAL_HEADER } from '#packages/principal/index.js';
import type { GatewayContext } from '../GatewayContext.js';

/**
 * What every subgraph request of a client's operation carries, whichever engine sends it: the
 * client's request id, the buyer's language (`*` when none was given or it was not a language,
 * as undici's fetch sent it before) and the caller's principal, signed (`x-tradegraph-principal`).
 * API keys and anything else of the client's stay here.
 */
export function subgraphRequestHeaders(
  context: Pick<GatewayContext, 'requestId' | 'acceptLanguage' | 'principalHeader'>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (context.requestId !== undefined) headers[REQUEST_ID_HEADER] = context.requestId;
  if (context.principalHeader !== undefined) headers[PRINCIPAL_HEADER] = context.principalHeader;
  headers['accept-language'] = context.acceptLanguage ?? '*';
  return headers;
}

/** The headers with the active span's `traceparent` added (a no-op unless tracing is on). */
export function withTraceContext(headers: Readonly<Record<string, string>>): Record<string, string> {
  const carrier = { ...headers };
  propagation.inject(otelContext.active(), carrier);
  return carrier;
}
