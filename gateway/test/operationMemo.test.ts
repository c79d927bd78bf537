import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createOperationMemo, operationKey } from '#gateway/src/plugins/createOperationMemo.js';

describe('decisions kept with the parsed document', () => {
  it('computes once per document, owner and key, and again for another document, owner or key', () => {
    const memo = createOperationMemo<number>();
    let computed = 0;
    const compute = () => ++computed;
    const schema = {};
    const document = parse('query Offers($first: Int) { offers(first: $first) { id } }');
    const key = operationKey('Offers', true, { first: 10 });
    expect(memo.get(schema, document, key, compute)).toBe(1);
    expect(memo.get(schema, document, key, compute)).toBe(1);
    expect(memo.get(schema, document, operationKey('Offers', true, { first: 50 }), compute)).toBe(2);
    expect(memo.get({}, document, key, compute)).toBe(3); // a reloaded supergraph's schema
    expect(memo.get(schema, parse('query Offers($first: Int) { offers(first: $first) { id } }'), key, compute)).toBe(4);
  });

  it('keeps a bounded number of answers per document: ever new variables are computed each time beyond it', () => {
    const memo = createOperationMemo<number>();
    const schema = {};
    const document = parse('query Offers($first: Int) { offers(first: $first) { id } }');
    let computed = 0;
    for (let first = 0; first < 200; first++) memo.get(schema, document, operationKey('Offers', true, { first }), () => ++computed);
    memo.get(schema, document, operationKey('Offers', true, { first: 199 }), () => ++computed);
    expect(computed).toBe(201);
    memo.get(schema, document, operationKey('Offers', true, { first: 0 }), () => ++computed);
    expect(computed).toBe(201);
  });

  it('keys an operation without variables by its name alone, whatever variables are sent', () => {
    expect(operationKey('Top', false, { ignored: 1 })).toBe(operationKey('Top', false, undefined));
    expect(operationKey('Top', true, { a: 1 })).not.toBe(operationKey('Top', true, { a: 2 }));
  });
});

describe('what the memo holds', () => {
  it('does not keep answers under keys longer than 2,000 characters (large variable values)', () => {
    const memo = createOperationMemo<number>();
    const schema = {};
    const document = parse('query Search($text: String) { search(text: $text) { id } }');
    const key = operationKey('Search', true, { text: 'x'.repeat(5_000) });
    let computed = 0;
    memo.get(schema, document, key, () => ++computed);
    memo.get(schema, document, key, () => ++computed);
    expect(computed).toBe(2);
  });
});
