import { parseArgs } from 'node:util';
import { commonSettings, readConfig, setting, type Environment, type Setting } from '#packages/config/index.js';
import { perTier, type PerTier } from './keys/tiers.js';
import { parseNameValues, positiveInteger } from './parseNameValues.js';

export const gatewaySettings = {
  ...commonSettings,
  /** Port the gateway serves `/graphql` on. Default: 4000. `--port` overrides. */
  PORT: setting.port({ default: 4000 }),
  /** Interface to listen on. Default: 127.0.0.1. `--host` overrides. */
  HOST: setting.string({ default: '127.0.0.1' }),
  /** Composed supergraph to serve; subgraphs are reached at its routing URLs. Default: schema/supergraph.graphql. `--supergraph` overrides. */
  SUPERGRAPH_PATH: setting.string({ default: 'schema/supergraph.graphql' }),
  /** Where `npm run build:web` put the web pages the gateway serves (`/`, `/insights`). Default: web/dist. */
  WEB_DIST_DIR: setting.string({ default: 'web/dist' }),
  /**
   * The explorer (GraphiQL, bundled: no network) at `GET /` and at `GET /graphql` from a browser.
   * Default: true outside production, false in production.
   */
  EXPLORER: { parse: (raw, key) => (raw === undefined ? undefined : setting.boolean().parse(raw, key)) } satisfies Setting<
    boolean | undefined
  >,
  /**
   * A test-mode key (`tg_test_…`) that the development stack makes once per data directory (`npm
   * start`): accepted with `orders:write` and `insights:read`, and filled into the explorer's
   * headers. Refused in production. Default: none.
   */
  DEVELOPMENT_API_KEY: setting.optionalString(),
  /** How often the supergraph file is checked for changes, in ms; 0 reloads on SIGHUP only. Default: 2000. */
  SUPERGRAPH_POLL_MS: setting.int({ default: 2_000, min: 0, max: 3_600_000 }),
  /** Time allowed for one subgraph request. Default: 10000 ms. */
  SUBGRAPH_TIMEOUT_MS: setting.int({ default: 10_000, min: 10, max: 120_000 }),
  /** Per-subgraph timeouts overriding SUBGRAPH_TIMEOUT_MS, `name=ms,…`. Default: none. */
  SUBGRAPH_TIMEOUTS: setting.custom((raw) => parseNameValues(raw, positiveInteger) as ReadonlyMap<string, number>),
  /** Keep-alive connections per subgraph. Default: 64. */
  SUBGRAPH_CONNECTIONS: setting.int({ default: 64, min: 1, max: 4096 }),
  /** Extra attempts of a subgraph query after a connection failure or a 502/503 (never a mutation). Default: 1. */
  SUBGRAPH_RETRIES: setting.int({ default: 1, min: 0, max: 3 }),
  /**
   * Who executes query plans: `tradegraph` (gateway/src/engine: Apollo's planner, shared with
   * @apollo/gateway, and our executor; see BENCHMARKS.md) or `stock` (@apollo/gateway's own
   * executor). Both call subgraphs through the same data sources (entity cache, retries, headers,
   * per-subgraph metrics) and answer alike. Default: tradegraph.
   */
  GATEWAY_ENGINE: setting.oneOf(['tradegraph', 'stock'], { default: 'tradegraph' }),
  /**
   * De-duplication of identical work in flight (tradegraph engine only): `subgraph` sends identical
   * subgraph queries once; `on` also runs identical client queries (same operation, variables and
   * forwarded headers) once and sends each the same answer. Default: off.
   */
  GATEWAY_DEDUPE: setting.oneOf(['off', 'subgraph', 'on'], { default: 'off' }),
  /**
   * The lean request path (tradegraph engine, tracing off): a JSON POST of one operation the engine
   * runs is served without Apollo Server's request pipeline, with the same plugins' decisions and
   * the same answers (gateway/src/lean); `off` serves every request through Apollo Server. Default: on.
   */
  GATEWAY_LEAN: setting.oneOf(['on', 'off'], { default: 'on' }),
  /** Apollo's anonymous usage reporting from @apollo/gateway. Default: true (disabled); set false to send it. */
  APOLLO_TELEMETRY_DISABLED: setting.boolean({ default: true }),

  /** Redis shared by every gateway replica (APQ, response cache, rate limits). Default: none, an in-process LRU per replica. */
  REDIS_URL: setting.optionalString(),
  /** Namespace of this deployment's keys in a shared Redis; the gateway's live under `<prefix>:gateway:`. Default: tradegraph. */
  CACHE_KEY_PREFIX: setting.string({ default: 'tradegraph' }),
  /** Entries the in-process store keeps when there is no Redis. Default: 10000. */
  STORE_MAX_ENTRIES: setting.int({ default: 10_000, min: 1, max: 10_000_000 }),
  /** Bytes the in-process store (APQ, responses, subgraph fetches) keeps when there is no Redis; least recently used out first. Default: 67108864 (64 MiB). */
  STORE_MAX_BYTES: setting.int({ default: 64 * 1024 * 1024, min: 1_024, max: 64 * 1024 * 1024 * 1024 }),
  /** Largest single value the store keeps, in Redis or in process (an APQ document, a cached response); larger ones are not cached. Default: 1000000 bytes. */
  STORE_MAX_VALUE_BYTES: setting.int({ default: 1_000_000, min: 1_024, max: 512 * 1024 * 1024 }),

  /** `apq`: Apollo's automatic persisted queries; `allowlist`: only operations of the manifest run; `off`. Default: apq. */
  PERSISTED_QUERIES: setting.oneOf(['off', 'apq', 'allowlist'], { default: 'apq' }),
  /** Registered operations (hash → document), written by `npm run persisted-operations`. Default: schema/persisted-operations.json. */
  PERSISTED_QUERIES_MANIFEST: setting.string({ default: 'schema/persisted-operations.json' }),
  /** How long an APQ registration is kept in the store. Default: 86400 s. */
  APQ_TTL_SECONDS: setting.int({ default: 86_400, min: 1, max: 31_536_000 }),

  /** Whole-response cache for queries whose subgraphs all answer `cache-control: public, max-age>0`. Default: true. */
  RESPONSE_CACHE: setting.boolean({ default: true }),
  /** Cache of subgraph query fetches (entity lookups included) that their subgraph marks public. Default: true. */
  SUBGRAPH_CACHE: setting.boolean({ default: true }),

  /** Deepest field nesting an operation may have (introspection fields aside). Default: 10. */
  MAX_DEPTH: setting.int({ default: 10, min: 1, max: 100 }),
  /** Most aliased fields in one operation. Default: 30. */
  MAX_ALIASES: setting.int({ default: 30, min: 0, max: 10_000 }),
  /** Most `search` fields in one operation (aliases and fragments included): each one calls every marketplace. Default: 2. */
  MAX_SEARCHES_PER_OPERATION: setting.int({ default: 2, min: 1, max: 100 }),
  /** Most tokens in one document, so an oversized one is refused while parsing, before validation. Default: 5000. */
  MAX_QUERY_TOKENS: setting.int({ default: 5_000, min: 100, max: 1_000_000 }),
  /** Longest query text, in characters, refused (400) before it is parsed, hashed for APQ or stored. Default: 100000. */
  MAX_QUERY_LENGTH: setting.int({ default: 100_000, min: 1_000, max: 100_000_000 }),
  /** Longest string literal in a query, in characters, refused before parsing (one literal is one token, whatever its length). Default: 10000. */
  MAX_STRING_LITERAL_LENGTH: setting.int({ default: 10_000, min: 10, max: 100_000_000 }),
  /**
   * Static cost budget of one operation per tier, `tier=cost,…` over the defaults; the contract's full
   * search.graphql at the catalog's largest page (first: 50) costs about 10500. Default: developer=15000,marketplace=15000,analyst=60000.
   */
  COST_BUDGETS: setting.custom((raw): PerTier<number> =>
    perTier(parseNameValues(raw, positiveInteger), { developer: 15_000, marketplace: 15_000, analyst: 60_000 }),
  ),

  /** API keys file, one key a line: `<id> <tier> <scopes|-> <sha256> [revoked]` (`npm run apikey -- create`). Default: none. */
  API_KEYS_FILE: setting.optionalString(),
  /** API keys in the same line format, `;`-separated, added to API_KEYS_FILE's. Default: none. */
  API_KEYS: setting.optionalString(),
  /** Requests per key per window, by tier, `tier=n,…` over the defaults; keyless requests count per client address. Default: developer=60,marketplace=1200,analyst=300. */
  RATE_LIMITS: setting.custom((raw): PerTier<number> =>
    perTier(parseNameValues(raw, positiveInteger), { developer: 60, marketplace: 1_200, analyst: 300 }),
  ),
  /** APQ registrations (a query sent with its hash, to be stored) per key per window, by tier, `tier=n,…` over the defaults; counted besides RATE_LIMITS. Default: developer=20,marketplace=200,analyst=60. */
  APQ_REGISTRATION_LIMITS: setting.custom((raw): PerTier<number> =>
    perTier(parseNameValues(raw, positiveInteger), { developer: 20, marketplace: 200, analyst: 60 }),
  ),
  /** Requests with an unknown, revoked or malformed API key one client address may send per window; beyond it, requests with a key from that address get 429 until the window frees. Default: 10. */
  FAILED_KEY_LIMIT: setting.int({ default: 10, min: 1, max: 1_000_000 }),
  /** Length of the sliding rate-limit window. Default: 60 s. */
  RATE_LIMIT_WINDOW_SECONDS: setting.int({ default: 60, min: 1, max: 86_400 }),

  /**
   * Shared with the subgraphs (32+ characters): the gateway signs each request's principal (API key
   * id, tier, scopes, marketplace) with a key derived from it, and subgraphs answer nothing else.
   * Default: required outside development; in development one made once and kept in DATA_DIR (`service.secret`).
   */
  SERVICE_SECRET: setting.optionalString(),
  /** Where the development service secret is kept, shared with the subgraphs of the stack. Default: .data */
  DATA_DIR: setting.string({ default: '.data' }),
  /** Largest request body accepted; larger ones get 413. Default: 1000000 bytes. */
  MAX_BODY_BYTES: setting.int({ default: 1_000_000, min: 1_000, max: 100_000_000 }),
  /** Whether clients may introspect the schema. Default: true outside production, false in production. */
  INTROSPECTION: { parse: (raw, key) => (raw === undefined ? undefined : setting.boolean().parse(raw, key)) } satisfies Setting<
    boolean | undefined
  >,
  /** OpenTelemetry tracing of requests, plans and subgraph fetches, exported as JSON log lines. Default: false. */
  OTEL_TRACES: setting.boolean({ default: false }),
  /** Longest a shutdown waits for in-flight requests before closing their connections. Default: 10000 ms. */
  SHUTDOWN_GRACE_MS: setting.int({ default: 10_000, min: 0, max: 300_000 }),
};

export type GatewayConfig = ReturnType<typeof readConfig<typeof gatewaySettings>>;

/** Environment first, then command-line flags (`--supergraph FILE --port N --host H`) over it. */
export function readGatewayConfig(env?: Environment, argv: readonly string[] = process.argv.slice(2)): GatewayConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: { supergraph: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
    strict: true,
  });
  const base = env ?? process.env;
  return readConfig(gatewaySettings, {
    ...base,
    ...(values.supergraph !== undefined && { SUPERGRAPH_PATH: values.supergraph }),
    ...(values.port !== undefined && { PORT: values.port }),
    ...(values.host !== undefined && { HOST: values.host }),
  });
}
