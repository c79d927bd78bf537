/**
 * A response kept in the shared store, with when it was stored and for how long it holds, so a
 * replica serving it later can say how old it is (`age`) and how long it may still be reused.
 */
export interface CachedResponse<T> {
  readonly value: T;
  readonly storedAt: number;
  readonly maxAgeSeconds: number;
}

export function encodeCachedResponse<T>(value: T, maxAgeSeconds: number, now: number = Date.now()): string {
  return JSON.stringify({ value, storedAt: now, maxAgeSeconds } satisfies CachedResponse<T>);
}

/** The entry with its age and remaining life in whole seconds, or undefined when unreadable or expired. */
export function decodeCachedResponse<T>(
  text: string | undefined,
  now: number = Date.now(),
): { value: T; ageSeconds: number; remainingSeconds: number } | undefined {
  if (text === undefined) return undefined;
  let entry: CachedResponse<T>;
  try {
    entry = JSON.parse(text) as CachedResponse<T>;
  } catch {
    return undefined; // written by another version, or cut short: a miss, not a failure
  }
  if (typeof entry.storedAt !== 'number' || typeof entry.maxAgeSeconds !== 'number') return undefined;
  const ageSeconds = Math.max(0, Math.floor((now - entry.storedAt) / 1000));
  const remainingSeconds = entry.maxAgeSeconds - ageSeconds;
  return remainingSeconds > 0 ? { value: entry.value, ageSeconds, remainingSeconds } : undefined;
}

/** `max-age` of a `cache-control` header that says `public`, else 0 (private, no-store, absent). */
export function publicMaxAge(header: string | null | undefined): number {
  if (!header) return 0;
  const directives = header
    .toLowerCase()
    .split(',')
    .map((part) => part.trim());
  if (!directives.includes('public') || directives.includes('no-store') || directives.includes('private')) return 0;
  const maxAge = directives.find((part) => part.startsWith('max-age='))?.slice('max-age='.length);
  return maxAge !== undefined && /^\d+$/.test(maxAge) ? Number(maxAge) : 0;
}
