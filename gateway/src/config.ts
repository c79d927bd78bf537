import { parseArgs } from 'node:util';
import { commonSettings, readConfig, setting, type Environment } from '../../packages/config/index.js';

export const gatewaySettings = {
  ...commonSettings,
  /** Port the gateway serves `/graphql` on. Default: 4000. `--port` overrides. */
  PORT: setting.port({ default: 4000 }),
  /** Interface to listen on. Default: 127.0.0.1. `--host` overrides. */
  HOST: setting.string({ default: '127.0.0.1' }),
  /** Composed supergraph to serve; subgraphs are reached at its routing URLs. Default: schema/supergraph.graphql. `--supergraph` overrides. */
  SUPERGRAPH_PATH: setting.string({ default: 'schema/supergraph.graphql' }),
  /** Time allowed for one subgraph request. Default: 10000 ms. */
  SUBGRAPH_TIMEOUT_MS: setting.int({ default: 10_000, min: 10, max: 120_000 }),
  /** Per-subgraph timeouts overriding SUBGRAPH_TIMEOUT_MS, `name=ms,…`. Default: none. */
  SUBGRAPH_TIMEOUTS: setting.custom(parseTimeouts),
  /** Keep-alive connections per subgraph. Default: 64. */
  SUBGRAPH_CONNECTIONS: setting.int({ default: 64, min: 1, max: 4096 }),
  /** Apollo's anonymous usage reporting from @apollo/gateway. Default: true (disabled); set false to send it. */
  APOLLO_TELEMETRY_DISABLED: setting.boolean({ default: true }),
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

function parseTimeouts(raw: string | undefined): ReadonlyMap<string, number> {
  const timeouts = new Map<string, number>();
  for (const entry of (raw ?? '').split(',')) {
    if (entry.trim() === '') continue;
    const [name, ms] = entry.split('=');
    const value = Number(ms);
    if (!name || !Number.isInteger(value) || value <= 0) throw new Error(`"${entry}" should read <subgraph>=<milliseconds>`);
    timeouts.set(name.trim(), value);
  }
  return timeouts;
}
