import type { RawAnswer } from './sendRawRequest.js';

/** What the fuzzer sends: an operation valid against the schema, a bad GraphQL request, or a bad HTTP request. */
export type FuzzKind = 'valid' | 'invalid' | 'http';

/**
 * The rules every answer must keep, whatever was sent: no 5xx, no `INTERNAL_SERVER_ERROR`, no
 * internal address (a subgraph's URL: the sandboxes stand for vendors' public APIs, whose
 * addresses are shown where documented, e.g. the rates' source) in the body and, in production, no stack
 * trace (development shows one with every error, by design). Returns what was broken, or
 * undefined. A closed connection or a timeout breaks no rule by itself (a body cut short may end
 * so); whether the services are still running is checked separately.
 */
export function judgeAnswer(answer: RawAnswer, internalOrigins: readonly string[], production = false): string | undefined {
  if (answer.kind !== 'answered') return undefined;
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  if (errorCodesOf(answer).includes('INTERNAL_SERVER_ERROR')) return 'INTERNAL_SERVER_ERROR in the answer';
  if (production && /"stacktrace"|\n\s+at \S+ \(/.test(answer.body)) return 'a stack trace in the answer';
  const leaked = internalOrigins.find((origin) => answer.body.includes(origin));
  if (leaked !== undefined) return `an internal address in the answer (${leaked})`;
  return undefined;
}

/** The GraphQL error codes of an answer's body, for the summary (empty when it is not a GraphQL answer). */
export function errorCodesOf(answer: RawAnswer): string[] {
  if (answer.kind !== 'answered') return [];
  try {
    const parsed = JSON.parse(answer.body) as unknown;
    const bodies = Array.isArray(parsed) ? parsed : [parsed];
    return bodies.flatMap((body) =>
      body !== null && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors)
        ? (body as { errors: Array<{ extensions?: { code?: unknown } }> }).errors.map((error) =>
            typeof error.extensions?.code === 'string' ? error.extensions.code : 'NO_CODE',
          )
        : [],
    );
  } catch {
    return [];
  }
}
