/**
 * Writes the JSON Schemas of the customs rule files (`subgraphs/customs/rules/schemas/*.json`) and of
 * the restriction files (`packages/restrictions/schemas/`) from their zod schemas, for the people who edit the files (editors validate and complete against
 * them through each file's `$schema`). With `--check`, fails when a checked-in schema is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { restrictionFile } from '#packages/restrictions/index.js';
import { agreementsFile, destinationFile, dutyRateTable } from '#subgraphs/customs/rules/schema/index.js';

const customs = new URL('../subgraphs/customs/rules/schemas/', import.meta.url);
const restrictions = new URL('../packages/restrictions/schemas/', import.meta.url);
const schemas: { name: string; folder: URL; title: string; schema: z.ZodType }[] = [
  { name: 'destination', folder: customs, title: 'Tradegraph customs rules: destination', schema: destinationFile },
  { name: 'dutyRates', folder: customs, title: 'Tradegraph customs rules: dutyRates', schema: dutyRateTable },
  { name: 'agreements', folder: customs, title: 'Tradegraph customs rules: agreements', schema: agreementsFile },
  {
    name: 'restrictions',
    folder: restrictions,
    title: 'Tradegraph restrictions: what may not cross, or only under conditions',
    schema: restrictionFile,
  },
];
const check = process.argv.includes('--check');
let stale = 0;

for (const { name, folder, title, schema } of schemas) {
  const file = new URL(`${name}.schema.json`, folder);
  // `input`: what an author writes (fields with defaults may be left out).
  const json = {
    ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', reused: 'ref' }),
    title,
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
process.stdout.write(check ? 'Rule and restriction schemas are up to date.\n' : 'Rule and restriction schemas written.\n');
