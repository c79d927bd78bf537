import { Kind, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { FallbackReason } from './engineMetrics.js';

/**
 * What in an operation document the engine leaves to the stock executor: subscriptions,
 * incremental delivery (`@defer`, `@stream`), and introspection (`__schema`, `__type`, answered
 * by graphql-js over the API schema in stock). `__typename` is ours.
 */
export function findUnsupported(document: DocumentNode, operation: OperationDefinitionNode): FallbackReason | undefined {
  if (operation.operation === 'subscription') return 'subscription';
  let reason: FallbackReason | undefined;
  visit(document, {
    Directive(node) {
      if (node.name.value === 'defer' || node.name.value === 'stream') reason ??= 'defer';
    },
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') reason ??= 'introspection';
    },
    OperationDefinition(node) {
      // another operation of the same document is not executed; its selections do not count
      if (node !== operation && node.kind === Kind.OPERATION_DEFINITION) return false;
      return undefined;
    },
  });
  return reason;
}
