/** What a lean request path (the gateway's and the subgraphs') answers itself: the shape of a request it may take. */

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
/** `accept` headers Apollo Server answers with `application/json; charset=utf-8`; any other goes to Apollo Server. */
const JSON_ACCEPTS = new Set(['*/*', 'application/json', JSON_CONTENT_TYPE, 'application/json;charset=utf-8']);

export interface OneOperation {
  readonly query: string;
  readonly operationName?: unknown;
  readonly variables?: unknown;
}

/** A body of one operation as text (at most `maxTextLength` characters), with nothing Apollo Server would refuse nor any extension. */
export function isOneOperation(body: unknown, maxTextLength = Number.POSITIVE_INFINITY): body is OneOperation {
  if (!isRecord(body)) return false;
  const { query, operationName, variables, extensions } = body;
  if (typeof query !== 'string' || query === '' || query.length > maxTextLength) return false;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return false;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return false;
  return extensions === undefined || extensions === null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `application/json`, with parameters or none: what passes Apollo Server's CSRF check without a preflight header. */
export function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const end = contentType.indexOf(';');
  return (end === -1 ? contentType : contentType.slice(0, end)).trim().toLowerCase() === 'application/json';
}

export function acceptsJson(accept: string | undefined): boolean {
  return accept === undefined || accept === '' || JSON_ACCEPTS.has(accept.trim().toLowerCase());
}
