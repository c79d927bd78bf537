/**
 * How much an operation costs the platform, before it runs: a static estimate in the spirit of
 * the IBM GraphQL Cost spec and Apollo's `@cost`/`@listSize`, with the weights kept here in the
 * gateway rather than in subgraph SDL, so tuning them needs no recomposition.
 */
export interface FieldCost {
  /** Cost of resolving the field once. Default: 1 for a field returning an object, 0 for a scalar or enum. */
  readonly weight?: number;
  /** Arguments whose value is the list size, the first one given wins. Default: `first`, `limit`, `last`. */
  readonly slicingArguments?: readonly string[];
  /** For a connection: the child fields the slicing size applies to (e.g. `edges`), not the field itself. */
  readonly sizedFields?: readonly string[];
  /** List size assumed when no slicing argument says. Default: the model's `defaultListSize`. */
  readonly assumedSize?: number;
  /**
   * For a field that calls several upstreams at once (a search asks every marketplace): `weight`
   * is paid once per upstream called. Their number is the length of the list argument at
   * `argumentPath` (e.g. `filter.marketplaces`) when given, `assumedUpstreams` otherwise.
   */
  readonly fanOut?: { readonly argumentPath: readonly string[]; readonly assumedUpstreams: number };
}

export interface CostModel {
  /** Size assumed for a list nothing says more about. */
  readonly defaultListSize: number;
  /** Weight of a root mutation field: a write is worth many reads. */
  readonly mutationWeight: number;
  /** Per field, keyed `Type.field`. */
  readonly fields: Readonly<Record<string, FieldCost>>;
}

/** Slicing arguments every list field is read with, unless its `FieldCost` names others. */
export const DEFAULT_SLICING_ARGUMENTS: readonly string[] = ['first', 'limit', 'last'];
