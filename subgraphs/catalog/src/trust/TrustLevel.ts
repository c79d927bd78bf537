/** The trust subgraph's levels, lowest first (its `TrustLevel`). */
export const TRUST_LEVELS = ['NEW', 'BASIC', 'ESTABLISHED', 'TRUSTED'] as const;

export type TrustLevel = (typeof TRUST_LEVELS)[number];

export function isTrustLevel(value: unknown): value is TrustLevel {
  return typeof value === 'string' && (TRUST_LEVELS as readonly string[]).includes(value);
}

/** Whether `level` is `min` or above. */
export function atLeast(level: TrustLevel, min: TrustLevel): boolean {
  return TRUST_LEVELS.indexOf(level) >= TRUST_LEVELS.indexOf(min);
}
