/**
 * Small readers for vendor JSON. Upstream payloads are checked field by field at the edge:
 * a missing or mistyped field throws a `PayloadError` naming its path, which adapters turn into
 * an upstream `bad-response` — never a crash and never a half-read offer.
 */
export class PayloadError extends Error {
  override name = 'PayloadError';
  constructor(
    readonly path: string,
    expected: string,
    actual: unknown,
  ) {
    super(`${path}: expected ${expected}, got ${describe(actual)}`);
  }
}

export type VendorRecord = Readonly<Record<string, unknown>>;

export function parseJson(text: string, path = '$'): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadError(path, 'JSON', text.slice(0, 40));
  }
}

export function asRecord(value: unknown, path: string): VendorRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PayloadError(path, 'an object', value);
  return value as VendorRecord;
}

export function asArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new PayloadError(path, 'an array', value);
  return value;
}

export function asString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new PayloadError(path, 'a string', value);
  return value;
}

export function asNonEmptyString(value: unknown, path: string): string {
  const text = asString(value, path);
  if (text.trim() === '') throw new PayloadError(path, 'a non-empty string', value);
  return text;
}

export function asFiniteNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new PayloadError(path, 'a number', value);
  return value;
}

export function asNonNegativeInteger(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new PayloadError(path, 'a whole number ≥ 0', value);
  return value;
}

export function asBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new PayloadError(path, 'true or false', value);
  return value;
}

export function optional<T>(value: unknown, path: string, read: (value: unknown, path: string) => T): T | undefined {
  return value === undefined || value === null ? undefined : read(value, path);
}

/** A decimal written as text, e.g. a price "128.00" or a weight "0.250". */
export function asDecimalString(value: unknown, path: string): string {
  const text = asString(value, path);
  if (!/^\d+(\.\d+)?$/.test(text)) throw new PayloadError(path, 'a decimal string', value);
  return text;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}
