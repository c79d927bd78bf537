/**
 * The environment variable through which a service learns an upstream's base URL:
 * `cn-jademarket` → `CN_JADEMARKET_URL`. Adapters name their URL setting this way, so the dev
 * stack and the tests can point every adapter at its sandbox without a table.
 */
export const upstreamUrlVariable = (id: string): string => `${id.toUpperCase().replaceAll('-', '_')}_URL`;
