import { describe, expect, it } from 'vitest';
import { ConfigError } from '#packages/config/index.js';
import { readGatewayConfig } from '../src/config.js';

describe('readGatewayConfig', () => {
  it('defaults every new setting as documented', () => {
    const config = readGatewayConfig({}, []);
    expect(config).toMatchObject({
      REDIS_URL: undefined,
      CACHE_KEY_PREFIX: 'tradegraph',
      PERSISTED_QUERIES: 'apq',
      PERSISTED_QUERIES_MANIFEST: 'schema/persisted-operations.json',
      RESPONSE_CACHE: true,
      SUBGRAPH_CACHE: true,
      SUBGRAPH_RETRIES: 1,
      MAX_DEPTH: 10,
      MAX_ALIASES: 30,
      MAX_QUERY_TOKENS: 5000,
      COST_BUDGETS: { developer: 15_000, marketplace: 15_000, analyst: 60_000 },
      RATE_LIMITS: { developer: 60, marketplace: 1_200, analyst: 300 },
      RATE_LIMIT_WINDOW_SECONDS: 60,
      MAX_BODY_BYTES: 1_000_000,
      INTROSPECTION: undefined,
      OTEL_TRACES: false,
      SHUTDOWN_GRACE_MS: 10_000,
      SUPERGRAPH_POLL_MS: 2_000,
    });
  });

  it('reads per-tier overrides over the defaults, and per-subgraph timeouts', () => {
    const config = readGatewayConfig({ RATE_LIMITS: 'analyst=5', COST_BUDGETS: 'developer=100', SUBGRAPH_TIMEOUTS: 'catalog=3000' }, []);
    expect(config.RATE_LIMITS).toEqual({ developer: 60, marketplace: 1_200, analyst: 5 });
    expect(config.COST_BUDGETS.developer).toBe(100);
    expect(config.SUBGRAPH_TIMEOUTS.get('catalog')).toBe(3000);
    expect(readGatewayConfig({ INTROSPECTION: 'off' }, []).INTROSPECTION).toBe(false);
  });

  it.each([
    [{ RATE_LIMITS: 'boss=5' }, 'RATE_LIMITS', /unknown tier "boss"/],
    [{ COST_BUDGETS: 'developer=0' }, 'COST_BUDGETS', /whole number from 1/],
    [{ PERSISTED_QUERIES: 'maybe' }, 'PERSISTED_QUERIES', /one of off, apq, allowlist/],
    [{ INTROSPECTION: 'sometimes' }, 'INTROSPECTION', /true or false/],
    [{ SUBGRAPH_TIMEOUTS: 'catalog' }, 'SUBGRAPH_TIMEOUTS', /<name>=<value>/],
  ])('fails fast naming the bad key (%o)', (env, key, problem) => {
    let error: unknown;
    try {
      readGatewayConfig(env, []);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe(key);
    expect((error as ConfigError).message).toMatch(problem);
  });
});
