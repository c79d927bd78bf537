import { Kind, parse, valueFromASTUntyped, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import type { AccessRequirement, AuthorizationPolicy } from './AuthorizationPolicy.js';

/** The federation specs whose directives carry access rules, and their directives' default names. */
const SPECS = {
  authenticated: { url: 'https://specs.apollo.dev/authenticated/', name: 'authenticated' },
  requiresScopes: { url: 'https://specs.apollo.dev/requiresScopes/', name: 'requiresScopes' },
} as const;

/** The URLs (without version) of the specs this gateway enforces. */
export const ACCESS_RULE_SPECS: readonly string[] = Object.values(SPECS).map((spec) => spec.url);

/**
 * Reads `@authenticated` and `@requiresScopes` from a composed supergraph (Federation 2.5+ keeps
 * them there, linked `for: SECURITY`), under the names its `@link`s give them (`as:`). A directive
 * of that name without its spec linked means something else and is ignored.
 */
export function readAuthorizationPolicy(supergraphSdl: string): AuthorizationPolicy {
  const document = parse(supergraphSdl, { noLocation: true });
  const names = linkedDirectiveNames(document);
  const policy = new Map<string, AccessRequirement>();
  if (names.authenticated === undefined && names.requiresScopes === undefined) return policy;

  const add = (coordinate: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    let authenticated = false;
    const scopes: string[][][] = [];
    for (const directive of directives ?? []) {
      if (directive.name.value === names.authenticated) authenticated = true;
      if (directive.name.value === names.requiresScopes) scopes.push(scopesOf(directive, coordinate));
    }
    if (!authenticated && scopes.length === 0) return;
    policy.set(coordinate, { authenticated, scopes });
  };
  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
        add(definition.name.value, definition.directives);
        for (const field of definition.fields ?? []) add(`${definition.name.value}.${field.name.value}`, field.directives);
        break;
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_DEFINITION:
        add(definition.name.value, definition.directives);
        break;
      default:
        break;
    }
  }
  return policy;
}

/** The local names of the two directives, from the schema's `@link(url:, as:, import:)`s. */
function linkedDirectiveNames(document: DocumentNode): { authenticated?: string; requiresScopes?: string } {
  const names: { authenticated?: string; requiresScopes?: string } = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'link') continue;
      const args = Object.fromEntries((directive.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)]));
      const url = typeof args.url === 'string' ? args.url : '';
      for (const [key, spec] of Object.entries(SPECS) as [keyof typeof SPECS, (typeof SPECS)[keyof typeof SPECS]][]) {
        if (!url.startsWith(spec.url)) continue;
        // A spec's own directive is named after the spec (`as:` renames it), with no `@spec__` prefix.
        names[key] = typeof args.as === 'string' ? args.as : spec.name;
      }
    }
  }
  return names;
}

function scopesOf(directive: ConstDirectiveNode, coordinate: string): string[][] {
  const argument = directive.arguments?.find((arg) => arg.name.value === 'scopes');
  const value: unknown = argument === undefined ? undefined : valueFromASTUntyped(argument.value);
  if (!Array.isArray(value) || !value.every((group) => Array.isArray(group) && group.every((scope) => typeof scope === 'string')))
    throw new Error(`@${directive.name.value} on ${coordinate}: scopes must be a list of lists of scopes`);
  return value;
}
