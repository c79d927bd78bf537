import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '#packages/federation/index.js';
import { SUBGRAPHS } from '../subgraphs.js';

const root = new URL('../', import.meta.url);
const apiSchema = buildSchema(readFileSync(new URL('schema/api.graphql', root), 'utf8'));
const operationFiles = readdirSync(new URL('operations/', root)).filter((file) => file.endsWith('.graphql'));
const sharedContract = new URL('../shared/contract/', root);

describe('the public contract', () => {
  it('composes the subgraphs of subgraphs.ts into the checked-in API schema', () => {
    const composed = composeSupergraph(SUBGRAPHS, { root });
    expect(composed.apiSchemaSdl).toBe(readFileSync(new URL('schema/api.graphql', root), 'utf8'));
  });

  it.each(operationFiles)('operations/%s validates against schema/api.graphql', (file) => {
    const document = parse(readFileSync(new URL(`operations/${file}`, root), 'utf8'));
    expect(validate(apiSchema, document).map((error) => error.message)).toEqual([]);
  });

  it.skipIf(!existsSync(sharedContract))('operations copied from the shared contract are unchanged', () => {
    for (const file of operationFiles) {
      const shared = new URL(file, sharedContract);
      if (existsSync(shared)) expect(readFileSync(new URL(`operations/${file}`, root), 'utf8'), file).toBe(readFileSync(shared, 'utf8'));
    }
  });
});
