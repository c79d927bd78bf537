import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

/** One registered operation: what a client sends, under the hash it sends it with. */
export interface PersistedOperation {
  /** SHA-256 (hex) of `body`: the APQ hash (`extensions.persistedQuery.sha256Hash`). */
  readonly id: string;
  readonly name: string;
  readonly type: 'query' | 'mutation' | 'subscription';
  /** The document exactly as the typed client prints it (`print(document)`). */
  readonly body: string;
}

/**
 * Apollo's persisted query manifest format (as `@apollo/generate-persisted-query-manifest` writes
 * it), so the same file can feed other Apollo tooling.
 */
export interface PersistedOperationManifest {
  readonly format: 'apollo-persisted-query-manifest';
  readonly version: 1;
  readonly operations: readonly PersistedOperation[];
}

/** Hex SHA-256 of a text's UTF-8 (one-shot `crypto.hash`: no Hash object made). */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * The manifest of `.graphql` sources: one entry per operation, with the fragments it spreads,
 * printed as `graphql`'s `print` prints the typed client's documents, so the hash a client
 * computes from `operations/__generated__` matches. Sorted by name, so the file diffs cleanly.
 */
export function buildPersistedOperationManifest(sources: ReadonlyArray<{ file: string; text: string }>): PersistedOperationManifest {
  const documents = sources.map(({ file, text }) => ({ file, document: parse(text) }));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { document } of documents) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
  }
  const operations: PersistedOperation[] = [];
  for (const { file, document } of documents) {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      if (!definition.name) throw new Error(`${file}: every registered operation needs a name`);
      const body = print({ kind: Kind.DOCUMENT, definitions: [definition, ...fragmentsUsedBy(definition, fragments)] });
      operations.push({ id: sha256Hex(body), name: definition.name.value, type: definition.operation, body });
    }
  }
  operations.sort((a, b) => a.name.localeCompare(b.name));
  const names = new Set<string>();
  for (const { name } of operations) {
    if (names.has(name)) throw new Error(`Operation ${name} is defined twice`);
    names.add(name);
  }
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

/** Reads a manifest file, checking its shape and that every id is the hash of its body. */
export function readPersistedOperationManifest(path: string): PersistedOperationManifest {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<PersistedOperationManifest>;
  const operations: unknown = parsed.operations;
  if (parsed.format !== 'apollo-persisted-query-manifest' || parsed.version !== 1 || !Array.isArray(operations)) {
    throw new Error(`${path} is not an Apollo persisted query manifest (version 1)`);
  }
  for (const operation of parsed.operations ?? []) {
    if (sha256Hex(operation.body) !== operation.id)
      throw new Error(`${path}: operation ${operation.name}'s id is not the hash of its body`);
  }
  return parsed as PersistedOperationManifest;
}

/** The manifest as written to disk: stable, two-space JSON with a final newline. */
export function formatPersistedOperationManifest(manifest: PersistedOperationManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** Fragments an operation spreads, directly or through other fragments, in first-use order. */
function fragmentsUsedBy(root: DefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: DocumentNode | DefinitionNode): void => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`Fragment ${name} is spread but not defined`);
        if (used.has(name)) return;
        used.set(name, fragment);
        collect(fragment);
      },
    });
  };
  collect(root);
  return [...used.values()];
}
