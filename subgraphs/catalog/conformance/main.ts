/**
 * `npm run conformance -- marketplace <baseUrl> [options]`: the marketplace conformance suite (the
 * same checks the built-in adapters pass) against any implementation of the connector protocol.
 * Prints each check, and for a failure what was sent and what came back; exits 1 when a check
 * failed, 2 when it could not start. It places and cancels orders: point it at a test environment.
 */
import { parseArgs } from 'node:util';
import { environmentSnapshot } from '#packages/config/index.js';
import type { ConnectorCredentials } from '../src/adapters/connector/ConnectorMarketplace.js';
import { createConnectorSubject } from './connectorSubject.js';
import { formatEvidence, formatResult, formatSummary } from './formatReport.js';
import { recordExchanges } from './recordExchanges.js';
import { runConformance } from './runConformance.js';

const USAGE = `Usage: npm run conformance -- marketplace <baseUrl> [options]

Signed requests (HMAC-SHA256):
  --key-id <id>               the key id the marketplace issued (or --key-id-env NAME; default: $CONNECTOR_KEY_ID)
  --secret-env <NAME>         the variable holding the shared secret (default: CONNECTOR_SECRET)
OAuth 2.0 client credentials instead:
  --token-url <url> --client-id-env <NAME> --client-secret-env <NAME> [--scope connector]
Other:
  --query <text>              a query with 60+ matches, 7+ of them with 10+ in stock (default: tea)
  --id <id>                   our id for the marketplace (default: from its country and name)
  --timeout-ms <ms>           time allowed per call (default: 2000)`;

const env = environmentSnapshot();
const fail = (message: string): never => {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'key-id': { type: 'string' },
    'key-id-env': { type: 'string', default: 'CONNECTOR_KEY_ID' },
    'secret-env': { type: 'string', default: 'CONNECTOR_SECRET' },
    'token-url': { type: 'string' },
    'client-id-env': { type: 'string' },
    'client-secret-env': { type: 'string' },
    scope: { type: 'string', default: 'connector' },
    query: { type: 'string', default: 'tea' },
    id: { type: 'string' },
    'timeout-ms': { type: 'string', default: '2000' },
  },
});
const [kind, baseUrl] = positionals;
if (kind !== 'marketplace' || baseUrl === undefined || !URL.canParse(baseUrl)) fail('Say what to check: marketplace <baseUrl>.');
const timeoutMs = Number(values['timeout-ms']);
if (!Number.isInteger(timeoutMs) || timeoutMs < 50) fail('--timeout-ms: a whole number of milliseconds, 50 or more.');

function credentialsFromArguments(): ConnectorCredentials {
  const variable = (name: string | undefined, flag: string) => {
    if (name === undefined) return fail(`${flag} is required with --token-url.`);
    return env[name] || fail(`${flag}: the variable ${name} is not set.`);
  };
  if (values['token-url'] !== undefined) {
    return {
      scheme: 'oauth2',
      tokenUrl: values['token-url'],
      clientId: variable(values['client-id-env'], '--client-id-env'),
      clientSecret: variable(values['client-secret-env'], '--client-secret-env'),
      scope: values.scope,
    };
  }
  const keyId = values['key-id'] ?? (env[values['key-id-env']] || fail(`--key-id: give it, or set ${values['key-id-env']}.`));
  const secret = env[values['secret-env']] || fail(`--secret-env: the variable ${values['secret-env']} is not set.`);
  return { scheme: 'hmac', keyId, secret };
}

const recorder = recordExchanges();
const credentials = credentialsFromArguments();
process.stdout.write(`Marketplace Connector conformance: ${baseUrl}\n`);
const subject = await createConnectorSubject({
  baseUrl: baseUrl!,
  credentials,
  query: values.query,
  id: values.id,
  recorder,
  timeoutMs,
}).catch((error: unknown) => {
  process.stdout.write(
    `  ✗ describes itself at /info\n      ${error instanceof Error ? error.message : String(error)}\n${formatEvidence(recorder.exchanges())}\n`,
  );
  process.exit(1);
});
process.stdout.write(`as ${subject.id}, searching "${subject.query}"\n\n`);
const results = await runConformance(subject, recorder, (result) => process.stdout.write(`${formatResult(result)}\n`));
await subject.close?.();
recorder.stop();
const failed = results.some((result) => result.outcome === 'failed');
process.stdout.write(`\n${formatSummary(results)}\n${failed ? 'Not conformant: fix the failed checks, then run again.' : 'Conformant.'}\n`);
process.exit(failed ? 1 : 0);
