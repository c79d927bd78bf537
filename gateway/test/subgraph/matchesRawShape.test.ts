import fc from 'fast-check';
import { Kind, parse, type FieldNode, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { RawJson } from '#packages/server/RawJson.js';
import { writeResponseBytes } from '#packages/server/writeResponseBytes.js';
import { compileProjection } from '../../src/engine/compileProjection.js';
import { compileRawShape } from '../../src/engine/compileRawShape.js';
import { matchesRawShape } from '../../src/subgraph/matchesRawShape.js';
import { canonicalLines as canonical, linesShape as shape, operation, schema } from './support/linesShape.js';

const project = compileProjection(schema, operation, {});

/** The client's response bytes for an item whose `lines` is this value, and the projection's errors. */
function written(lines: unknown): { bytes: string; errors: number } {
  const { data, errors } = project({ items: [{ lines }] }, {});
  return { bytes: Buffer.from(writeResponseBytes({ data })).toString('latin1'), errors: errors.length };
}

describe('matchesRawShape', () => {
  it('accepts what a subgraph writes for the selection (JSON.stringify of values of its types, numbers of at most 15 significant digits), and the projection then writes those bytes', () => {
    fc.assert(
      fc.property(canonical, (value) => {
        const bytes = Buffer.from(value, 'utf8');
        expect(matchesRawShape(bytes, shape)).toBe(true);
        const raw = written(new RawJson(bytes, shape.key));
        expect(raw).toStrictEqual(written(JSON.parse(value)));
        expect(raw.errors).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('accepts a text with a byte changed, removed or added only where parsing and projecting it would give the same bytes', () => {
    const bytesOf = fc
      .tuple(
        canonical,
        fc.nat(),
        fc.constantFrom('change', 'remove', 'add'),
        fc.constantFrom(...' \t\n{}[],:"\\/u0159.eE+-nulltrfaIMSxyz', '\u0001', '\u00e9'),
      )
      .map(([value, at, how, character]) => {
        const bytes = Buffer.from(value, 'utf8');
        const index = at % (bytes.length + 1);
        const inserted = Buffer.from(character, 'utf8');
        if (how === 'remove') return Buffer.concat([bytes.subarray(0, index), bytes.subarray(index + 1)]);
        if (how === 'add') return Buffer.concat([bytes.subarray(0, index), inserted, bytes.subarray(index)]);
        return Buffer.concat([bytes.subarray(0, index), inserted, bytes.subarray(index + 1)]);
      });
    let accepted = 0;
    fc.assert(
      fc.property(bytesOf, (bytes) => {
        if (!matchesRawShape(bytes, shape)) return;
        accepted++;
        const parsed: unknown = JSON.parse(bytes.toString('utf8'));
        const expected = written(parsed);
        expect(expected.errors).toBe(0);
        expect(written(new RawJson(bytes, shape.key))).toStrictEqual(expected);
        expect(expected.bytes).toContain(`"lines":${bytes.toString('latin1')}`);
      }),
      { numRuns: 3000 },
    );
    // the property is not vacuous: some changed texts are still exactly a subgraph's (a digit for a digit, a letter in a string)
    expect(accepted).toBeGreaterThan(50);
  });

  it('refuses what the projection would change or report, each named', () => {
    const refused = {
      whitespace: '[ ]',
      'a member out of order':
        '[{"note":null,"kind":"ITEM","count":null,"ratio":null,"ok":null,"id":null,"stamp":null,"money":{"amount":"1.00","currency":null},"tags":null}]',
      'a missing member': '[{"kind":"ITEM"}]',
      'null where the type forbids it': '[null]',
      'an unknown enum value':
        '[{"kind":"OTHER","note":null,"count":null,"ratio":null,"ok":null,"id":null,"stamp":null,"money":{"amount":"1.00","currency":null},"tags":null}]',
      'a float for an Int': line1({ count: '1.5' }),
      'an integer written as 1.0': line1({ count: '1.0' }),
      'minus zero': line1({ count: '-0' }),
      'a number beyond a double': line1({ ratio: '1e400' }),
      'a trailing zero': line1({ ratio: '1.50' }),
      // as String(number) writes them, but beyond what is passed through as bytes: parsed instead
      'a double of 17 significant digits': line1({ ratio: '0.30000000000000004' }),
      'a double written with an exponent': line1({ ratio: '5e-324' }),
      'a decimal below 0.000001': line1({ ratio: '0.0000001' }),
      'an integer past 2^53': line1({ count: '9007199254740993' }),
      'a \\u escape': line1({ note: '"\\u0041"' }),
      'an escaped slash': line1({ note: '"a\\/b"' }),
      'a raw control character': line1({ note: '"a\u0001b"' }),
      'a custom scalar holding an object': line1({ stamp: '{}' }),
      'a string for a Boolean': line1({ ok: '"true"' }),
    };
    for (const [what, value] of Object.entries(refused)) expect(matchesRawShape(Buffer.from(value, 'utf8'), shape), what).toBe(false);
    const invalid = Buffer.from(line1({ note: '"a#b"' }), 'utf8');
    invalid[invalid.indexOf('#')] = 0xff;
    expect(matchesRawShape(invalid, shape), 'invalid UTF-8').toBe(false);
    expect(matchesRawShape(Buffer.from(line1({ note: '"a\u00ffb"' }), 'utf8'), shape), 'ÿ as UTF-8').toBe(true);
  });

  it('gives the client selection and the subgraph selection the same key only when they are the same', () => {
    const item = schema.getType('Item') as GraphQLObjectType;
    const keyOf = (selection: string) => compileRawShape(schema, item, fieldOf(`{ ${selection} }`))?.key;
    expect(keyOf('lines { kind money { amount } }')).toBe(keyOf('lines{kind money{amount}}'));
    expect(keyOf('lines { kind money { amount } }')).not.toBe(keyOf('lines { money { amount } kind }'));
    expect(keyOf('lines { kind money { amount currency } }')).not.toBe(keyOf('lines { kind money { amount } }'));
    expect(keyOf('other: lines { kind }'), 'an alias').toBeUndefined();
    expect(keyOf('lines @skip(if: false) { kind }'), 'a directive').toBeUndefined();
    expect(keyOf('lines { __typename kind }'), '__typename').toBeUndefined();
    expect(keyOf('lines { ... on Line { kind } }'), 'a fragment').toBeUndefined();
    expect(keyOf('lines { kind kind }'), 'a name twice').toBeUndefined();
  });
});

/** One line with every member null but `kind` and `money`, and the given members' texts. */
function line1(members: Record<string, string>): string {
  const all: Record<string, string> = {
    kind: '"ITEM"',
    note: 'null',
    count: 'null',
    ratio: 'null',
    ok: 'null',
    id: 'null',
    stamp: 'null',
    money: '{"amount":"1.00","currency":null}',
    tags: 'null',
    ...members,
  };
  return `[{${Object.entries(all)
    .map(([key, value]) => `"${key}":${value}`)
    .join(',')}}]`;
}

function fieldOf(selection: string): FieldNode {
  const parsed = parse(selection).definitions[0] as OperationDefinitionNode;
  const [field] = parsed.selectionSet.selections;
  if (field?.kind !== Kind.FIELD) throw new Error('not a field');
  return field;
}

describe('the projection of a value kept as bytes', () => {
  it('parses it where a second selection of the same field adds to what the first placed as bytes', () => {
    const twice = parse('{ items { lines { kind } ... on Item { lines { note } } } }').definitions[0] as OperationDefinitionNode;
    const first = (twice.selectionSet.selections[0] as FieldNode).selectionSet!.selections[0] as FieldNode satisfies FieldNode;
    const kindOnly = compileRawShape(schema, schema.getType('Item') as GraphQLObjectType, first)!;
    const projectTwice = compileProjection(schema, twice, {});
    const text = '[{"kind":"ITEM"}]';
    const write = (lines: unknown) => Buffer.from(writeResponseBytes({ data: projectTwice({ items: [{ lines }] }, {}).data })).toString();
    expect(matchesRawShape(Buffer.from(text), kindOnly)).toBe(true);
    expect(write(new RawJson(Buffer.from(text), kindOnly.key))).toBe(write(JSON.parse(text)));
    expect(write(JSON.parse(text))).toBe('{"data":{"items":[{"lines":[{"kind":"ITEM","note":null}]}]}}');
  });
});
