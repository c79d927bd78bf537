import { readFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * The public schema teaches itself: every type, field, argument, input field and enum value a
 * client can see (the API schema: without `@inaccessible`) has a description, and none of them
 * speaks of the federation's internals.
 */
const apiSchema = buildSchema(readFileSync(new URL('../schema/api.graphql', import.meta.url), 'utf8'));

/** Every public schema element without a description, as `Type`, `Type.field`, `Type.field(arg)`, `Enum.VALUE`. */
function undescribedElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const lacks = (description: string | null | undefined) => (description ?? '').trim() === '';
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (lacks(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (lacks(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (lacks(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) if (lacks(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (lacks(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

/** Descriptions that talk about how the graph is built rather than what it means to a client. */
function internalNotes(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  const check = (where: string, description: string | null | undefined) => {
    if (/@inaccessible|x-service-secret|service secret|SERVICE_SECRET/i.test(description ?? '')) found.push(where);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
  }
  return found;
}

describe('the public schema', () => {
  it('describes every type, field, argument, input field and enum value', () => {
    expect(undescribedElements(apiSchema)).toEqual([]);
  });

  it('carries no internal notes (federation directives, service secrets)', () => {
    expect(internalNotes(apiSchema)).toEqual([]);
  });

  it('the check finds what is missing', () => {
    const bare = buildSchema('"Q." type Query { "F." f(a: Int): E } enum E { "V." V W }');
    expect(undescribedElements(bare)).toEqual(['Query.f(a)', 'E', 'E.W']);
  });
});
