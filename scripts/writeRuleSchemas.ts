/**
 * Writes the JSON Schemas of the customs rule files (`subgraphs/customs/rules/schemas/*.json`) from
 * their zod schemas, for the people who edit the files (editors validate and complete against
 * them through each file's `$schema`). With `--check`, fails when a checked-in schema is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { agreementsFile, destinationFile, dutyRateTable } from '#subgraphs/customs/rules/schema/index.js';

const folder = new URL('../subgraphs/customs/rules/schemas/', import.meta.url);
const schemas = { destination: destinationFile, dutyRates: dutyRateTable, agreements: agreementsFile };
const check = process.argv.includes('--check');
let stale = 0;

for (const [name, schema] of Object.entries(schemas)) {
  const file = new URL(`${name}.schema.json`, folder);
  // `input`: what an author writes (fields with defaults may be left out).
  const json = {
    ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', reused: 'ref' }),
    title: `Tradegraph customs rules: ${name}`,
  };
  const text = JSON.stringify(json, null, 2) + '\n';
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing: stale
  }
  if (current === text) continue;
  if (check) {
    process.stderr.write(`${file.pathname} is stale; run \`npm run rule-schemas\` and commit.\n`);
    stale += 1;
  } else writeFileSync(file, text);
}
if (stale > 0) process.exit(1);
process.stdout.write(check ? 'Customs rule schemas are up to date.\n' : 'Customs rule schemas written.\n');
