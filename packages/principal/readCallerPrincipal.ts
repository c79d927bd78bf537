import type { IncomingHttpHeaders } from 'node:http';
import type { CallerPrincipal } from './CallerPrincipal.js';
import { PRINCIPAL_HEADER, verifyPrincipal } from './signPrincipal.js';

/**
 * The principal a subgraph request carries, when its signature holds; undefined when there is no
 * header or it does not verify (the reason goes to `onInvalid`, for the log). Callers that reach a
 * subgraph without the gateway (internal writes with the service secret) carry none.
 */
export function readCallerPrincipal(
  headers: IncomingHttpHeaders,
  key: Buffer,
  nowMs: number,
  onInvalid?: (reason: string) => void,
): CallerPrincipal | undefined {
  const header = headers[PRINCIPAL_HEADER];
  if (typeof header !== 'string') return undefined;
  const verified = verifyPrincipal(header, key, nowMs);
  if (verified.ok) return verified.principal;
  onInvalid?.(verified.reason);
  return undefined;
}
