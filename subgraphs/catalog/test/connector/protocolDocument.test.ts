import { readFileSync } from 'node:fs';
import { validate } from '@readme/openapi-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as protocol from '../../src/adapters/connector/protocol.js';

const DOCUMENT_URL = new URL('../../connector/openapi.yaml', import.meta.url);
const document = parse(readFileSync(DOCUMENT_URL, 'utf8')) as OpenApiDocument;

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { operationId?: string; responses: Record<string, JsonSchema> }>>;
  components: { schemas: Record<string, JsonSchema> };
}
type JsonSchema = Record<string, unknown>;

/**
 * A schema reduced to what a message's reader depends on: kinds, fields, which are required,
 * nullability, enum values. Descriptions, formats and bounds are left out, so the published
 * document and the adapter's zod validators can be compared field by field.
 */
function shapeOf(schema: JsonSchema, resolve: (ref: string) => JsonSchema): unknown {
  if (typeof schema.$ref === 'string') return shapeOf(resolve(schema.$ref), resolve);
  const alternatives = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (alternatives) {
    const shapes = alternatives.filter((alternative) => alternative.type !== 'null').map((alternative) => shapeOf(alternative, resolve));
    const nullable = alternatives.length !== shapes.length;
    const union = shapes.length === 1 ? shapes[0] : { oneOf: shapes.map((shape) => JSON.stringify(shape)).sort() };
    return nullable ? { nullable: union } : union;
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  if (types.includes('null') && types.length > 1)
    return { nullable: shapeOf({ ...schema, type: types.find((type) => type !== 'null') }, resolve) };
  if ('const' in schema) return { const: schema.const };
  if (Array.isArray(schema.enum)) return { enum: [...(schema.enum as string[])].sort() };
  switch (types[0]) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return {
        object: Object.fromEntries(
          Object.keys(properties)
            .sort()
            .map((name) => [name, shapeOf(properties[name]!, resolve)]),
        ),
        required: [...((schema.required ?? []) as string[])].sort(),
      };
    }
    case 'array':
      return { array: shapeOf(schema.items as JsonSchema, resolve) };
    default:
      return types[0];
  }
}

const documentShape = (schema: JsonSchema) =>
  shapeOf(schema, (ref) => {
    const name = ref.replace('#/components/schemas/', '');
    const target = document.components.schemas[name];
    if (!target) throw new Error(`unresolved ${ref}`);
    return target;
  });
const zodShape = (schema: z.ZodType) => {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  const definitions = (json.$defs ?? {}) as Record<string, JsonSchema>;
  return shapeOf(json, (ref) => definitions[ref.replace('#/$defs/', '')]!);
};
const okAnswer = (path: string, method: string) => {
  const responses = document.paths[path]![method]!.responses;
  const ok = (responses['200'] ?? responses['201']) as { content: { 'application/json': { schema: JsonSchema } } };
  return ok.content['application/json'].schema;
};

describe('the Marketplace Connector protocol document (connector/openapi.yaml)', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors.map((error) => error.message)).toEqual([]);
  });

  it('names every operation, and answers every one with the one error envelope otherwise', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
        expect(operation.responses.default, `${method} ${path}`).toEqual({ $ref: '#/components/responses/Error' });
      }
    }
  });

  it.each([
    ['Info', protocol.Info, () => document.components.schemas.Info!],
    ['SearchPage', protocol.SearchPage, () => document.components.schemas.SearchPage!],
    ['Listing', protocol.Listing, () => document.components.schemas.Listing!],
    ['getListings answer', protocol.Listings, () => okAnswer('/listings', 'get')],
    ['getSellers answer', protocol.Sellers, () => okAnswer('/sellers', 'get')],
    ['SellerProfile', protocol.SellerProfile, () => document.components.schemas.SellerProfile!],
    ['Hold', protocol.Hold, () => document.components.schemas.Hold!],
    ['Order', protocol.Order, () => document.components.schemas.Order!],
    ['getOrders answer', protocol.Orders, () => okAnswer('/orders/lookup', 'get')],
    ['OrderStatusEvent', protocol.OrderStatusEvent, () => document.components.schemas.OrderStatusEvent!],
    ['Error', protocol.ErrorBody, () => document.components.schemas.Error!],
  ] as const)('%s: the adapter reads exactly the fields the document publishes', (_name, validator, published) => {
    expect(zodShape(validator)).toEqual(documentShape(published()));
  });

  it('would notice a field the document and the adapter disagree on', () => {
    const drifted = protocol.Hold.extend({ reservedUntil: z.string() });
    expect(zodShape(drifted)).not.toEqual(documentShape(document.components.schemas.Hold!));
  });
});
