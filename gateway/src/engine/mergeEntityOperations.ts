import { Kind, parse, print, visit, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { CompiledFetch } from './compilePlan.js';
import { hasOwn, type ResponseObject } from './responseTypes.js';

/** Several entity queries to one subgraph as one operation, each under its own alias. */
export interface MergedOperation {
  readonly query: string;
  /** The request body up to the variables, as `CompiledFetch.bodyPrefix`. */
  readonly bodyPrefix: string;
  /** For each query, in order: the alias its `_entities` answer comes under. */
  readonly aliases: readonly string[];
  /** For each query: the variable its representations go in. */
  readonly representationVariables: readonly string[];
  /** For each query: its own variable names, and what they are called in the merged operation. */
  readonly variableNames: ReadonlyArray<ReadonlyArray<readonly [own: string, merged: string]>>;
}

/**
 * Writes the entity queries of several fetches to one subgraph as one operation:
 * `{ _0: _entities(representations: $representations__0) { … } _1: _entities(…) { … } }`. Each
 * query keeps its own selection, fragments and variables (renamed apart with its index), so the
 * subgraph resolves each list of representations exactly as it would have alone; only the
 * requests are fewer. Built once per combination of queries and kept with the plan.
 */
export function mergeEntityOperations(serviceName: string, fetches: readonly CompiledFetch[]): MergedOperation {
  const definitions: string[] = [];
  const fields: string[] = [];
  const fragments: string[] = [];
  const aliases: string[] = [];
  const representationVariables: string[] = [];
  const variableNames: Array<Array<readonly [string, string]>> = [];
  fetches.forEach((fetch, index) => {
    const suffix = `__${index}`;
    const document = parse(fetch.node.operation, { noLocation: true });
    const renamed = visit(document, {
      Variable: (node) => ({ ...node, name: { ...node.name, value: `${node.name.value}${suffix}` } }),
      FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: `${node.name.value}${suffix}` } }),
      FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: `${node.name.value}${suffix}` } }),
    });
    const own: Array<readonly [string, string]> = [];
    for (const definition of renamed.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        fragments.push(print(definition));
        continue;
      }
      const operation = definition as OperationDefinitionNode;
      for (const variable of operation.variableDefinitions ?? []) {
        definitions.push(print(variable));
        const merged = variable.variable.name.value;
        own.push([merged.slice(0, -suffix.length), merged]);
      }
      const [entities] = operation.selectionSet.selections as FieldNode[];
      const argument = entities?.arguments?.find((each) => each.name.value === 'representations');
      if (!entities || entities.name.value !== '_entities' || argument?.value.kind !== Kind.VARIABLE) {
        throw new Error(`Not an entity query: ${fetch.node.operation}`);
      }
      const alias = `_${index}`;
      fields.push(print({ ...entities, alias: { kind: Kind.NAME, value: alias } }));
      aliases.push(alias);
      representationVariables.push(argument.value.name.value);
    }
    variableNames.push(own.filter(([name]) => name !== 'representations'));
  });
  const query = `query ${serviceName.replace(/\W/g, '_')}__merged(${definitions.join(',')}){${fields.join(' ')}}${fragments.length > 0 ? ` ${fragments.join(' ')}` : ''}`;
  return { query, bodyPrefix: `{"query":${JSON.stringify(query)},"variables":`, aliases, representationVariables, variableNames };
}

/** The merged operation's variables (without representations): each query's own, under their merged names. */
export function mergedVariables(merged: MergedOperation, variables: readonly ResponseObject[]): ResponseObject {
  const out: ResponseObject = {};
  merged.variableNames.forEach((names, index) => {
    const own = variables[index]!;
    for (const [name, renamed] of names) if (hasOwn(own, name)) out[renamed] = own[name];
  });
  return out;
}
