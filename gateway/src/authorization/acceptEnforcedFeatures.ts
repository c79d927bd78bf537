import { Kind, parse, print, visit } from 'graphql';
import { ACCESS_RULE_SPECS } from './readAuthorizationPolicy.js';

/**
 * The supergraph as @apollo/gateway is handed it. @apollo/gateway refuses any feature linked
 * `for: SECURITY` that it does not enforce itself, rightly: a gateway must not serve rules it would
 * ignore. It does not enforce `@authenticated` and `@requiresScopes` (Apollo Router does, in its
 * enterprise edition); this gateway does (useSupergraphAuthorization), so their links lose their
 * `for:` here and only here. Any other security feature (e.g. `@policy`) still makes the supergraph
 * refused, as it should.
 */
export function acceptEnforcedFeatures(supergraphSdl: string): string {
  let changed = false;
  const document = visit(parse(supergraphSdl), {
    Directive(directive) {
      if (directive.name.value !== 'link') return undefined;
      const url = directive.arguments?.find((argument) => argument.name.value === 'url')?.value;
      if (url?.kind !== Kind.STRING || !ACCESS_RULE_SPECS.some((spec) => url.value.startsWith(spec))) return undefined;
      changed = true;
      return { ...directive, arguments: directive.arguments?.filter((argument) => argument.name.value !== 'for') };
    },
  });
  return changed ? print(document) : supergraphSdl;
}
