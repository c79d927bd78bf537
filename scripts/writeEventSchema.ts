/**
 * `npm run events:schema`: writes the JSON Schema of the order events
 * (`packages/events/schema/order-events.v1.schema.json`) from their zod definitions, for readers
 * in other languages. `--check` fails when the file is stale (run by `npm run check:generated`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { OrderEventSchema } from '#packages/events/index.js';

const file = new URL('../packages/events/schema/order-events.v1.schema.json', import.meta.url);
const schema = {
  ...z.toJSONSchema(OrderEventSchema, { target: 'draft-2020-12' }),
  title: 'Tradegraph order events, version 1',
  description:
    'What the orders service publishes through its outbox; see packages/events/EVENTS.md. Generated from packages/events/schema/orderEventSchemas.ts: do not edit.',
};
const text = `${JSON.stringify(schema, null, 2)}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== text) {
    process.stderr.write('packages/events/schema/order-events.v1.schema.json is stale; run `npm run events:schema` and commit.\n');
    process.exit(1);
  }
  process.stdout.write('The order events JSON Schema is up to date.\n');
} else {
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file.pathname}\n`);
}
