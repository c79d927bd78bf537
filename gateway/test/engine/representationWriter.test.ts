import { describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import type { QueryPlanSelectionNode } from '@apollo/query-planner';
import { buildEntityBatch, compileRepresentation } from '../../src/engine/buildRepresentations.js';

const schema = buildSchema(`
  type Query { options: [ShippingOption] }
  interface Priced { id: ID! }
  type ShippingOption implements Priced { id: ID! }
  type Offer implements Priced { id: ID! }
`);

const field = (name: string, selections?: QueryPlanSelectionNode[]): QueryPlanSelectionNode =>
  selections ? { kind: 'Field', name, selections } : { kind: 'Field', name };
const on = (typeCondition: string, selections: QueryPlanSelectionNode[]): QueryPlanSelectionNode[] => [
  { kind: 'InlineFragment', typeCondition, selections },
];

// customs' @requires on a shipping option: nested objects, a list of objects, a level of 14 fields
const consignment = field('consignment', [
  ...['originCountry', 'destinationCountry', 'hsCode', 'hsCodeStatus', 'hsCodeConfidence', 'rejectedHsCode', 'quantity'].map((name) =>
    field(name),
  ),
  field('goodsValue', [field('amount'), field('currency')]),
  ...['alreadyImported', 'destinationRegion', 'customsMode', 'containsLithiumBattery'].map((name) => field(name)),
  field('carrierFees', [field('carrier'), field('fixed', [field('amount'), field('currency')]), field('constructor')]),
]);
const requires = (typeCondition: string) =>
  on(typeCondition, [field('__typename'), field('id'), field('cost', [field('amount'), field('currency')]), consignment, field('tags')]);

const option = (id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  __typename: 'ShippingOption',
  id,
  mode: 'POSTAL',
  cost: { amount: '3.80', currency: 'USD', note: 'not asked for' },
  consignment: {
    originCountry: 'US',
    destinationCountry: 'DE',
    hsCode: '090210',
    hsCodeStatus: 'DECLARED',
    hsCodeConfidence: null,
    rejectedHsCode: null,
    quantity: 1,
    goodsValue: { amount: '15.10', currency: 'USD' },
    alreadyImported: false,
    destinationRegion: null,
    customsMode: 'POSTAL',
    containsLithiumBattery: false,
    carrierFees: [{ carrier: 'post-intl', fixed: { amount: '6.00', currency: 'EUR' }, constructor: 'fee → “table”' }],
  },
  tags: { any: ['json', 1] },
  ...overrides,
});

/** What the representation closures give, before the writer: each entity built, then stringified. */
function builtTexts(typeCondition: string, entities: unknown[]): Array<string | undefined> {
  const { build } = compileRepresentation(schema, requires(typeCondition));
  return entities.map((entity) => {
    const representation = build(entity);
    return representation?.__typename ? JSON.stringify(representation) : undefined;
  });
}

describe('representations of a nested @requires written by a compiled writer', () => {
  const entities: unknown[] = [
    option('a'),
    option('b', { cost: null }),
    option('c', { cost: 'a scalar where an object was expected' }),
    option('d', { consignment: { ...(option('d').consignment as object), quantity: undefined } }),
    option('e', { consignment: { ...(option('e').consignment as object), carrierFees: [null, 7, [1], { carrier: 'x' }] } }),
    option('f', { consignment: { ...(option('f').consignment as object), carrierFees: { carrier: 'one', fixed: null, constructor: 1 } } }),
    option('g', { consignment: { ...(option('g').consignment as object), goodsValue: ['amount', 'currency'] } }),
    option('h', { consignment: { ...(option('h').consignment as object), carrierFees: [{ carrier: 'inherited', fixed: null }] } }),
    option('i', { id: undefined }),
    { ...option('j'), __typename: 'Offer' },
    { ...option('k'), __typename: '' },
    option('l', { tags: [1, { deep: ['x'] }] }),
    null,
    'a string',
    [option('m')],
  ];

  it('writes, for a concrete type condition, what the closures build, each distinct text once', () => {
    const { writer } = compileRepresentation(schema, requires('ShippingOption'));
    expect(writer).toBeDefined();
    expect(entities.map((entity) => writer!(entity))).toEqual(builtTexts('ShippingOption', entities));
    // the entity with every field: the text of the fields asked for, in their order
    expect(JSON.parse(writer!(entities[0])!)).toEqual({
      __typename: 'ShippingOption',
      id: 'a',
      cost: { amount: '3.80', currency: 'USD' },
      consignment: { ...(option('a').consignment as object) },
      tags: { any: ['json', 1] },
    });
    // each distinct representation sent once, for every entity that asked
    const batch = buildEntityBatch(
      [option('a'), option('b', { cost: null }), option('a'), null],
      compileRepresentation(schema, requires('ShippingOption')),
      undefined,
    );
    expect(batch.unique).toEqual(builtTexts('ShippingOption', [option('a'), option('b', { cost: null })]));
    expect(batch.uniqueIndexOf).toEqual([0, 1, 0]);
    expect(batch.entityIndexOf).toEqual([0, 1, 2]);
    // shapes it does not cover are left to the closures
    const repeated = on('ShippingOption', [field('__typename'), field('cost', [field('amount')]), field('cost', [field('currency')])]);
    const nestedFragment = on('ShippingOption', [field('__typename'), field('cost', on('Money', [field('amount')]))]);
    const withoutTypename = on('ShippingOption', [field('id'), field('cost', [field('amount')])]);
    for (const shape of [repeated, nestedFragment, withoutTypename]) expect(compileRepresentation(schema, shape).writer).toBeUndefined();
  });

  it('writes, for an abstract type condition, what the closures build', () => {
    const { writer } = compileRepresentation(schema, requires('Priced'));
    expect(writer).toBeDefined();
    expect(entities.map((entity) => writer!(entity))).toEqual(builtTexts('Priced', entities));
  });
});
