import type { PlanNode, QueryPlan, SubscriptionNode } from '@apollo/query-planner';
import {
  Kind,
  parse,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The first root field of the operation that no fetch of its plan asks any subgraph for.
 *
 * Apollo's query planner leaves out a root field it finds no way to resolve: one whose interface has
 * no implementation but `@interfaceObject`s with `resolvable: false` keys, and a selection only those
 * can answer. `@apollo/gateway` then answers the field as null, with no error, as if a subgraph had
 * said so. The engine refuses such an operation instead (`prepareOperation`).
 *
 * Counted: every root field of the operation, through its fragments, but `__typename` and fields
 * under a `@skip` or `@include` whose condition is a variable (whether those are asked for is known
 * only per request, and the plan's conditions carry them). A field under a literal `@skip(if: true)`
 * or `@include(if: false)` is not asked for.
 */
export function findUnplannedRootField(
  plan: QueryPlan,
  definition: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): FieldNode | undefined {
  const asked: FieldNode[] = [];
  collectRootFields(definition.selectionSet, fragments, asked, new Set());
  if (asked.length === 0) return undefined;
  const fetched = new Set<string>();
  if (plan.node) collectFetchedRootNames(plan.node, fetched);
  return asked.find((field) => !fetched.has((field.alias ?? field.name).value));
}

function collectRootFields(
  selectionSet: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  into: FieldNode[],
  spread: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (!isAlwaysAsked(selection.directives)) continue;
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) into.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectRootFields(selection.selectionSet, fragments, into, spread);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (fragment === undefined || spread.has(name)) continue;
      spread.add(name);
      collectRootFields(fragment.selectionSet, fragments, into, spread);
    }
  }
}

/** Whether a selection is asked for whatever the variables: no literal `@skip(if: true)` or `@include(if: false)`, no condition on a variable. */
function isAlwaysAsked(directives: readonly DirectiveNode[] | undefined): boolean {
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const condition = directive.arguments?.find((argument) => argument.name.value === 'if')?.value;
    if (condition?.kind !== Kind.BOOLEAN || condition.value === (name === 'skip')) return false;
  }
  return true;
}

/** The response names that the plan's root fetches (not those under a `Flatten`) ask their subgraphs for. */
function collectFetchedRootNames(node: PlanNode | SubscriptionNode, into: Set<string>): void {
  switch (node.kind) {
    case 'Subscription':
      collectFetchedRootNames(node.primary, into);
      return;
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) collectFetchedRootNames(child, into);
      return;
    case 'Condition':
      if (node.ifClause) collectFetchedRootNames(node.ifClause, into);
      if (node.elseClause) collectFetchedRootNames(node.elseClause, into);
      return;
    case 'Defer':
      if (node.primary.node) collectFetchedRootNames(node.primary.node, into);
      for (const deferred of node.deferred) if (deferred.node) collectFetchedRootNames(deferred.node, into);
      return;
    case 'Fetch': {
      const document = node.operationDocumentNode ?? parse(node.operation);
      const operation = document.definitions.find((each) => each.kind === Kind.OPERATION_DEFINITION);
      if (operation) collectResponseNames(operation.selectionSet, fragmentsOf(document), into, new Set());
      return;
    }
    case 'Flatten':
      return;
  }
}

function collectResponseNames(
  selectionSet: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  into: Set<string>,
  spread: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) into.add((selection.alias ?? selection.name).value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collectResponseNames(selection.selectionSet, fragments, into, spread);
    else {
      const fragment = fragments[selection.name.value];
      if (fragment === undefined || spread.has(selection.name.value)) continue;
      spread.add(selection.name.value);
      collectResponseNames(fragment.selectionSet, fragments, into, spread);
    }
  }
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = Object.create(null) as Record<string, FragmentDefinitionNode>;
  for (const each of document.definitions) if (each.kind === Kind.FRAGMENT_DEFINITION) fragments[each.name.value] = each;
  return fragments;
}
