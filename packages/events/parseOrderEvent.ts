import { isOrderEvent } from './schema/isOrderEvent.js';
import { OrderEventSchema } from './schema/orderEventSchemas.js';
import type { OrderEvent } from './OrderEvent.js';

export type ParsedOrderEvent = { readonly ok: true; readonly event: OrderEvent } | { readonly ok: false; readonly error: string };

/**
 * Reads an event a reader received (JSON text or a value) against the schema. A malformed event
 * is answered with what is wrong, path by path, so it can be kept in a dead-letter table with its
 * error rather than dropped or retried forever.
 */
export function parseOrderEvent(input: unknown): ParsedOrderEvent {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
    // Fresh from JSON, a value the quick check accepts is what zod would give back: used as it is.
    if (isOrderEvent(value)) return { ok: true, event: value };
  }
  const result = OrderEventSchema.safeParse(value);
  if (result.success) return { ok: true, event: result.data };
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '$'}: ${issue.message}`);
  return { ok: false, error: problems.slice(0, 5).join('; ') };
}
