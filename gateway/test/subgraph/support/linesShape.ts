import fc from 'fast-check';
import { buildSchema, parse, type FieldNode, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { compileRawShape } from '../../../src/engine/compileRawShape.js';

/** A schema with a leaf of every kind, and the client's selection of `Item.lines`, for the tests of values kept as bytes. */
export const schema = buildSchema(`
  type Query { items: [Item!]! }
  enum Kind { ITEM SHIPPING }
  scalar Stamp
  type Money { amount: String! currency: String }
  type Line { kind: Kind! note: String count: Int ratio: Float ok: Boolean id: ID stamp: Stamp money: Money! tags: [String!] }
  type Item { lines: [Line!]! }
`);
export const operation = parse('{ items { lines { kind note count ratio ok id stamp money { amount currency } tags } } }')
  .definitions[0] as OperationDefinitionNode;
const linesField = (operation.selectionSet.selections[0] as FieldNode).selectionSet!.selections[0] as FieldNode;
/** The shape of `Item.lines` as the operation selects it. */
export const linesShape = compileRawShape(schema, schema.getType('Item') as GraphQLObjectType, linesField)!;

/** A character `JSON.stringify` writes as itself or with a short escape (never `\u`). */
function writtenWithoutUnicodeEscape(character: string): boolean {
  return character.charCodeAt(0) >= 0x20 || '\b\f\n\r\t'.includes(character);
}

// well-formed text (no lone surrogate, which JSON.stringify writes as a \u escape)
const text = fc
  .string({ unit: 'binary', maxLength: 12 })
  .filter((value) => Buffer.from(value, 'utf8').toString('utf8') === value && [...value].every(writtenWithoutUnicodeEscape));
const line = fc.record({
  kind: fc.constantFrom('ITEM', 'SHIPPING'),
  note: fc.option(text),
  count: fc.option(fc.integer()),
  // numbers of at most 15 significant digits, which are passed through as written (longer ones are parsed, see the refusals)
  ratio: fc.option(
    fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 })).map(([digits, places]) => digits / 10 ** places),
  ),
  ok: fc.option(fc.boolean()),
  id: fc.option(fc.oneof(text, fc.nat())),
  stamp: fc.option(fc.oneof(text, fc.integer(), fc.boolean())),
  money: fc.record({ amount: fc.stringMatching(/^[0-9]{1,4}\.[0-9]{2}$/), currency: fc.option(fc.constantFrom('EUR', 'USD')) }),
  tags: fc.option(fc.array(text, { maxLength: 3 })),
});
/** `lines` values as a subgraph writes them: `JSON.stringify` of values of their types (numbers of at most 15 significant digits). */
export const canonicalLines = fc.array(line, { maxLength: 4 }).map((lines) => JSON.stringify(lines));
