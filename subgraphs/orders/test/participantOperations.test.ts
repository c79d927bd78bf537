import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { OPERATION_PARTICIPANT, PARTICIPANT_OPERATIONS } from '../src/participants/participantOperations.js';

const schemaOf = (participant: string) =>
  buildSubgraphSchema({ typeDefs: parse(readFileSync(new URL(`../../${participant}/schema.graphql`, import.meta.url), 'utf8')) });

describe('the operations orders sends its participants', () => {
  it.each(Object.entries(PARTICIPANT_OPERATIONS))('%s is valid against its participant’s own schema', (name, document) => {
    const participant = OPERATION_PARTICIPANT[name as keyof typeof PARTICIPANT_OPERATIONS];
    expect(validate(schemaOf(participant), parse(document)).map((error) => error.message)).toEqual([]);
  });
});
