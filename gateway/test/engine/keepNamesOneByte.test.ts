import { randomBytes } from 'node:crypto';
import { serialize } from 'node:v8';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { keepNamesOneByte } from '../../src/engine/index.js';

/** Whether V8 holds a text as two bytes a character (the tag of its serialisation: `c`, after any padding). */
function isTwoByte(text: string): boolean {
  const bytes = serialize(text);
  return (bytes[2] === 0 ? bytes[3] : bytes[2]) === 'c'.charCodeAt(0);
}

const COMPOSED = composeServices([
  { name: 'catalog', url: 'http://127.0.0.1:1/graphql', typeDefs: parse('type Query { placeholder: Int }') },
]);

/** A supergraph with a field name nothing in this process has interned yet, as the gateway reads it from its file. */
function supergraphWithFreshName(): { sdl: string; field: string } {
  if (COMPOSED.errors) throw new Error(COMPOSED.errors.map((error) => error.message).join('\n'));
  const field = `leadTime${randomBytes(6).toString('hex')}`;
  return { sdl: COMPOSED.supergraphSdl.replace('placeholder', field), field };
}

/** A subgraph answer naming the field, parsed, and the response text written from it. */
function responseText(field: string): string {
  return JSON.stringify(JSON.parse(`{"data":{"${field}":7}}`));
}

describe('supergraph names interned one byte a character', () => {
  it('without it, a name as federation builds its schema makes every response naming it two-byte', () => {
    const { sdl, field } = supergraphWithFreshName();
    Supergraph.build(sdl);
    expect(isTwoByte(responseText(field))).toBe(true);
  });

  it('with it, the response text of an ASCII answer stays one byte a character', () => {
    const { sdl, field } = supergraphWithFreshName();
    expect(keepNamesOneByte(sdl)).toBe(sdl);
    Supergraph.build(sdl);
    expect(isTwoByte(responseText(field))).toBe(false);
  });
});
