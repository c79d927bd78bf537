/**
 * Composes the subgraphs listed in `subgraphs.ts` into `schema/supergraph.graphql` and
 * `schema/api.graphql`. With `--check`, writes nothing and fails when either file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph } from '#packages/federation/index.js';
import { SUBGRAPHS } from '../subgraphs.js';

const root = new URL('../', import.meta.url);
const check = process.argv.includes('--check');
const composed = composeSupergraph(SUBGRAPHS, { root });

const outputs = [
  { file: 'schema/supergraph.graphql', content: composed.supergraphSdl },
  { file: 'schema/api.graphql', content: composed.apiSchemaSdl },
];

let stale = 0;
for (const { file, content } of outputs) {
  const url = new URL(file, root);
  if (check) {
    let current = '';
    try {
      current = readFileSync(url, 'utf8');
    } catch {
      // a missing file is stale
    }
    if (current !== content) {
      stale++;
      process.stderr.write(`${file} is stale: run \`npm run compose\` and commit it.\n`);
    }
  } else {
    writeFileSync(url, content);
    process.stdout.write(`wrote ${file}\n`);
  }
}
if (stale > 0) process.exit(1);
if (check) process.stdout.write('schema/ is up to date with the subgraphs.\n');
