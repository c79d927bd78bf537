/**
 * `npm run apikey -- create --tier developer --scopes orders:write [--id acme-shop]`
 * `npm run apikey -- create --tier marketplace --marketplace cn-jademarket --scopes insights:read`
 *
 * Prints a new API key once, and the line that stores it (its SHA-256, never the key) for
 * API_KEYS_FILE or API_KEYS. To revoke a key, add ` revoked` to its line, or delete the line.
 */
import { parseArgs } from 'node:util';
import { parseApiKeyLines } from './ApiKeyRecord.js';
import { generateApiKey } from './generateApiKey.js';
import { TIERS, isTier } from './tiers.js';

const usage = `Usage: npm run apikey -- create --tier <${TIERS.join('|')}> [--scopes a:b,c:d] [--id <name>] [--marketplace <marketplace-id>]\n`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}`);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  options: { tier: { type: 'string' }, scopes: { type: 'string', default: '' }, id: { type: 'string' }, marketplace: { type: 'string' } },
  allowPositionals: true,
  strict: true,
});
if (positionals[0] !== 'create' || positionals.length !== 1) fail('Only "create" is supported.');
if (values.tier === undefined || !isTier(values.tier)) fail(`--tier must be one of ${TIERS.join(', ')}.`);
const scopes = values.scopes.split(',').filter((scope) => scope !== '');
if (values.tier === 'marketplace' && values.marketplace === undefined)
  fail('A marketplace-tier key acts for one marketplace: give --marketplace <id>.');
const generated = generateApiKey({
  tier: values.tier,
  scopes,
  ...(values.id !== undefined && { id: values.id }),
  ...(values.marketplace !== undefined && { marketplaceId: values.marketplace }),
});
try {
  parseApiKeyLines(generated.line, '--id/--scopes'); // the same checks the gateway makes at start-up
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
process.stdout.write(
  [
    `API key (shown once, give it to its holder): ${generated.key}`,
    `Add this line to API_KEYS_FILE (or to API_KEYS, entries separated by ";"):`,
    generated.line,
    '',
  ].join('\n'),
);
