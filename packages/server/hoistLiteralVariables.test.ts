import { buildSchema, parse, print } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import { hoistLiteralVariables } from './hoistLiteralVariables.js';

const schema = buildSchema(`
  scalar Any
  enum Mode { POSTAL EXPRESS }
  input Filter { shipTo: String!, modes: [Mode!], maxKg: Float }
  type Query { search(query: String!, filter: Filter, first: Int = 10): String, entities(representations: [Any!]!): String }
`);
// each resolver answers the arguments it was given
const fields = schema.getQueryType()!.getFields();
fields.search!.resolve = (_root, args) => JSON.stringify(args);
fields.entities!.resolve = (_root, args) => JSON.stringify(args);

async function compiled(document: string, variables: Record<string, unknown>, hoist: boolean): Promise<{ data?: Record<string, string> }> {
  const hoisted = hoist ? hoistLiteralVariables(schema, parse(document)) : { document: parse(document), variablesOf: () => variables };
  const query = compileQuery(schema, hoisted!.document);
  if (!isCompiledQuery(query)) throw new Error(JSON.stringify(query));
  return (await query.query(undefined, {}, hoisted!.variablesOf(variables))) as { data?: Record<string, string> };
}

describe('hoistLiteralVariables', () => {
  it('makes each argument whose literal holds a variable a variable of the argument type', () => {
    const hoisted = hoistLiteralVariables(
      schema,
      parse('query S($q: String!, $to: String!) { search(query: $q, filter: { shipTo: $to, modes: [EXPRESS] }) }'),
    );
    expect(print(hoisted!.document)).toBe(
      'query S($q: String!, $to: String!, $__literal0: Filter) {\n  search(query: $q, filter: $__literal0)\n}',
    );
    expect(hoisted!.variablesOf({ q: 'tea', to: 'DE' })).toEqual({ q: 'tea', to: 'DE', __literal0: { shipTo: 'DE', modes: ['EXPRESS'] } });
  });

  it("gives graphql-jit's resolver a custom scalar's literal with its variable in, where the original document gives it none", async () => {
    const document = 'query ($id: String!) { entities(representations: [{ __typename: "Parcel", id: $id }]) }';
    const hoisted = await compiled(document, { id: 'p9' }, true);
    expect(JSON.parse(hoisted.data!.entities!)).toEqual({ representations: [{ __typename: 'Parcel', id: 'p9' }] });
    const original = await compiled(document, { id: 'p9' }, false);
    expect(JSON.parse(original.data!.entities!)).toEqual({ representations: [{ __typename: 'Parcel' }] });
  });

  it("puts in the variables' defaults, and leaves out those neither sent nor defaulted", async () => {
    const document =
      'query ($to: String = "NL", $kg: Float) { search(query: "tea", filter: { shipTo: $to, maxKg: $kg, modes: [POSTAL] }) }';
    const answer = await compiled(document, {}, true);
    expect(JSON.parse(answer.data!.search!)).toEqual({ query: 'tea', filter: { shipTo: 'NL', modes: ['POSTAL'] }, first: 10 });
  });

  it('fails before anything runs where the argument does not coerce once the variables are in; the original document lets a null pass', async () => {
    // a defaulted variable may stand where a null may not: sent as null, the argument does not coerce
    const document = 'query ($mode: Mode = POSTAL) { search(query: "tea", filter: { shipTo: "DE", modes: [$mode] }) }';
    const hoisted = await compiled(document, { mode: null }, true);
    expect(hoisted).not.toHaveProperty('data');
    expect(hoisted).toHaveProperty('errors');
    expect((await compiled(document, { mode: null }, false)).data?.search).toBeTypeOf('string');
  });

  it('keeps a document without such literals as it is, and leaves a text of several operations to graphql-js', () => {
    const plain = parse('query ($f: Filter) { search(query: "tea", filter: $f) }');
    expect(hoistLiteralVariables(schema, plain)?.document).toBe(plain);
    const two = parse('query A($to: String!) { search(query: "a", filter: { shipTo: $to }) } query B { search(query: "b") }');
    expect(hoistLiteralVariables(schema, two)).toBeUndefined();
  });

  it('names its variables past any the operation already has', () => {
    const hoisted = hoistLiteralVariables(
      schema,
      parse('query ($__literal0: String!) { search(query: "a", filter: { shipTo: $__literal0 }) }'),
    );
    expect(print(hoisted!.document)).toContain('$___literal0: Filter');
  });
});
