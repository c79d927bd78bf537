/**
 * A field of a request body as a sandbox records it: a string as it is, a number or boolean as
 * text, anything else (absent, an object, an array) as empty, never `[object Object]`.
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
