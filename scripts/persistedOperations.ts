/**
 * Registers the typed client's operations for persisted queries: writes
 * `schema/persisted-operations.json` (hash → document, Apollo's manifest format) from
 * `operations/*.graphql`. The gateway serves them by hash, and in `PERSISTED_QUERIES=allowlist`
 * mode runs nothing else. With `--check`, writes nothing and fails when the file is stale.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { buildPersistedOperationManifest, formatPersistedOperationManifest } from '#gateway/src/persisted/PersistedOperationManifest.js';

const root = new URL('../', import.meta.url);
const file = 'schema/persisted-operations.json';
const check = process.argv.includes('--check');

const sources = readdirSync(new URL('operations/', root))
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => ({ file: `operations/${name}`, text: readFileSync(new URL(`operations/${name}`, root), 'utf8') }));
const content = formatPersistedOperationManifest(buildPersistedOperationManifest(sources));

if (check) {
  let current = '';
  try {
    current = readFileSync(new URL(file, root), 'utf8');
  } catch {
    // a missing file is stale
  }
  if (current !== content) {
    process.stderr.write(`${file} is stale: run \`npm run persisted-operations\` and commit it.\n`);
    process.exit(1);
  }
  process.stdout.write(`${file} is up to date with operations/.\n`);
} else {
  writeFileSync(new URL(file, root), content);
  process.stdout.write(`wrote ${file}\n`);
}
