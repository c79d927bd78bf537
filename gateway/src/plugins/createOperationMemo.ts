import type { DocumentNode } from 'graphql';

/** Answers kept per document: one per operation name and variable values (or per caller's scopes), at most. */
const MAX_ANSWERS_PER_DOCUMENT = 64;
/** Longest key kept: variables of a request may be up to the body limit, and a memo must not hold megabytes of them. */
const MAX_KEY_LENGTH = 2_000;

/**
 * What a plugin decides from an operation alone (its cost, its arguments' forms, the access it
 * needs), computed once and kept with the operation's parsed document. Apollo Server keeps each
 * document it parsed and validated (its document store, keyed by the query's hash) and hands the
 * same `DocumentNode` to every request of that query, so this memo lives and dies with it: a
 * supergraph reload brings a new schema, hence new entries, and an evicted document takes its
 * answers with it. `owner` is what the answer also depends on (the schema, an access policy).
 * What it holds is bounded: at most 64 answers per document, keys of at most 2,000 characters
 * (longer ones, i.e. large variable values, are computed each time).
 */
export interface OperationMemo<T> {
  get(owner: object, document: DocumentNode, key: string, compute: () => T): T;
}

export function createOperationMemo<T>(): OperationMemo<T> {
  const byOwner = new WeakMap<object, WeakMap<DocumentNode, Map<string, T>>>();
  return {
    get(owner, document, key, compute) {
      if (key.length > MAX_KEY_LENGTH) return compute();
      let byDocument = byOwner.get(owner);
      if (byDocument === undefined) byOwner.set(owner, (byDocument = new WeakMap()));
      let answers = byDocument.get(document);
      if (answers === undefined) byDocument.set(document, (answers = new Map<string, T>()));
      if (answers.has(key)) return answers.get(key)!;
      const answer = compute();
      // one document sent with ever new variable values must not grow without bound: beyond the cap, computed each time
      if (answers.size < MAX_ANSWERS_PER_DOCUMENT) answers.set(key, answer);
      return answer;
    },
  };
}

/**
 * The part of a request an operation's answer depends on besides its document: the operation's
 * name and, when it declares variables, their values as sent (`JSON.stringify`; different
 * spellings of equal values only cost a second entry).
 */
export function operationKey(operationName: string | null | undefined, hasVariables: boolean, variables: unknown): string {
  return hasVariables ? `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}` : (operationName ?? '');
}
