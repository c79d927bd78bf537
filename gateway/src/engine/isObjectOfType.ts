import { isAbstractType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { isResponseObject } from './responseTypes.js';

/**
 * Whether an object of the response tree (by its `__typename`) matches a type condition of the
 * supergraph, as `@apollo/gateway` decides it when it builds representations and applies
 * rewrites: the same type, or an implementation/member of an abstract condition.
 */
export function isObjectOfType(schema: GraphQLSchema, object: unknown, typeCondition: string, whenUnknown = false): boolean {
  if (!isResponseObject(object)) return false;
  const typename = object.__typename;
  if (!typename) return whenUnknown;
  if (typename === typeCondition) return true;
  if (typeof typename !== 'string') return false;
  const type = schema.getType(typename);
  const condition = schema.getType(typeCondition);
  if (!type || !condition || !isAbstractType(condition)) return false;
  return (isObjectType(type) || isInterfaceType(type)) && schema.isSubType(condition, type);
}
