import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';
import {
  execute,
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { BytesGraphQLResponse, GraphQLPostRequest, ServeGraphQLPost } from './createGraphQLHttpServer.js';
import { errorFormattingOf, formatResultErrors, type ErrorFormatting } from './formatResultErrors.js';
import { cacheControlHeader, OperationCachePolicies } from './operationCachePolicy.js';
import { hoistLiteralVariables } from './hoistLiteralVariables.js';
import { newResponseWriting, writeResponseBytes, type ResponseWriting } from './writeResponseBytes.js';
import { acceptsJson, isJson, isOneOperation, isRecord, JSON_CONTENT_TYPE } from './leanRequestBody.js';

/** Query texts kept parsed and validated, at most, and their characters in all. */
const MAX_DOCUMENTS = 500;
const MAX_DOCUMENT_CHARS = 10_000_000;
/** Operation names kept compiled per text, at most. */
const MAX_OPERATIONS_PER_DOCUMENT = 16;

export interface LeanRequestPathOptions {
  /**
   * Whether the server writes its results with Apollo Server's own `stringifyResult` (JSON and a
   * newline, none given to it): the lean path then writes the same bytes in pieces
   * (`writeResponseBytes`) instead of one string. Default: false (the server's `stringifyResult`).
   */
  readonly apolloStringify?: boolean;
}

/** The Apollo Server settings a lean answer must share, read from the server once it has started. */
interface ServerSettings {
  readonly formatting: ErrorFormatting;
  readonly validationRules: readonly ValidationRule[];
  readonly parseOptions: ParseOptions;
  readonly stringifyResult: (result: object) => string | Promise<string>;
}

/** A query text as parsed and validated once: `null` when it does not parse or validate (Apollo Server answers it). */
interface KnownDocument {
  readonly document: DocumentNode;
  /** The operation each `operationName` selects, compiled; `null` when none does. */
  readonly operations: Map<string | undefined, KnownOperation | null>;
}

interface KnownOperation {
  readonly operation: OperationDefinitionNode;
  /** Executes the operation: graphql-jit's compiled query, or graphql-js's `execute` where graphql-jit refuses it. */
  readonly execute: (contextValue: unknown, variables: Record<string, unknown> | undefined) => Promise<ExecutionResult>;
  /** How its responses are written (`writeResponseBytes`): whole while they fit one string. */
  readonly responseWriting: ResponseWriting;
}

/**
 * A subgraph's lean request path: a JSON POST of one query text seen before (the gateway sends a
 * small, fixed set of them) is answered without Apollo Server's request pipeline, whose per-request
 * work (hashing the text, a promise per hook and plugin, the request context's bookkeeping) costs
 * about as much as executing a typical subgraph operation. The text is parsed and validated once
 * (with Apollo Server's own rules: no introspection in production) and each of its operations
 * compiled once by graphql-jit (`compileQuery`: the selections, arguments and variable coercion
 * written out as JavaScript, about an eighth of payments' CPU per search less than graphql-js's
 * `execute`, BENCHMARKS.md); it runs with the server's context, its errors are made graphql-js's
 * and formatted by the server's `formatError`, and it is written with the server's
 * `stringifyResult` (or as the bytes of Apollo Server's own, `apolloStringify`) and the
 * `cache-control` header `staticCacheControlPlugin` gives it.
 *
 * Anything else goes to Apollo Server (`viaApollo`), decided before anything runs: GETs, batches,
 * `extensions` (APQ), other content types or `accept` headers, texts that do not parse or validate,
 * an unknown or missing operation, subscriptions, a cache policy that depends on the data, a
 * context that cannot be made, variables that do not coerce (refused before any resolver runs),
 * and every request while the server is not started.
 */
export function createLeanRequestPath<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  schema: GraphQLSchema,
  options: LeanRequestPathOptions = {},
): ServeGraphQLPost<TContext> {
  const policies = new OperationCachePolicies(schema, 0);
  const documents = new Map<string, KnownDocument | null>();
  let documentChars = 0;
  let settings: ServerSettings | undefined;

  const documentOf = (text: string, server: ServerSettings): KnownDocument | null => {
    const known = documents.get(text);
    if (known !== undefined) return known;
    let document: DocumentNode | undefined;
    try {
      document = parse(text, server.parseOptions);
    } catch {
      document = undefined;
    }
    const entry =
      document !== undefined && validate(schema, document, [...specifiedRules, ...server.validationRules]).length === 0
        ? { document, operations: new Map() }
        : null;
    // the oldest texts make room: the gateway's handful stay, a caller sending new texts gets no growing map
    for (const [oldest] of documents) {
      if (documents.size < MAX_DOCUMENTS && documentChars + text.length <= MAX_DOCUMENT_CHARS) break;
      documents.delete(oldest);
      documentChars -= oldest.length;
    }
    documents.set(text, entry);
    documentChars += text.length;
    return entry;
  };

  return async (request: GraphQLPostRequest<TContext>): Promise<HTTPGraphQLResponse | BytesGraphQLResponse> => {
    const { body, headers, viaApollo } = request;
    if (!isOneOperation(body) || !isJson(headers['content-type']) || !acceptsJson(headers.accept)) return viaApollo();
    settings ??= settingsOf(apollo);
    if (settings === undefined || !isStarted(apollo)) return viaApollo();
    const known = documentOf(body.query, settings);
    if (known === null) return viaApollo();
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    let knownOperation = known.operations.get(operationName);
    if (knownOperation === undefined) {
      knownOperation = compile(schema, known.document, operationName);
      // a text holds a few operations; names beyond them are not kept
      if (known.operations.size < MAX_OPERATIONS_PER_DOCUMENT) known.operations.set(operationName, knownOperation);
    }
    if (knownOperation === null) return viaApollo();
    const variables = isRecord(body.variables) ? body.variables : undefined;
    const policy = policies.policyOf(known.document, knownOperation.operation, variables);
    if (policy === undefined) return viaApollo();

    const made = request.context();
    let contextValue: TContext;
    try {
      contextValue = await made;
    } catch {
      // the same rejection, for Apollo Server to answer as its own context factory's
      return viaApollo(() => made);
    }
    let result: ExecutionResult;
    try {
      result = await knownOperation.execute(contextValue, variables);
    } catch {
      // both executors throw only on what they refuse before running anything
      return viaApollo(() => Promise.resolve(contextValue));
    }
    // no data: refused before any resolver ran (variables that do not coerce); Apollo Server words that refusal
    if (!('data' in result) || result.data === undefined) return viaApollo(() => Promise.resolve(contextValue));

    const responseHeaders = new HeaderMap();
    let status: number | undefined;
    let errors;
    if (result.errors !== undefined) {
      const formatted = formatResultErrors(result.errors, settings.formatting);
      errors = formatted.errors;
      status = formatted.status;
      for (const [name, value] of formatted.headers) responseHeaders.set(name, value);
    }
    responseHeaders.set('cache-control', cacheControlHeader(policy, errors !== undefined));
    if (!responseHeaders.get('content-type')) responseHeaders.set('content-type', JSON_CONTENT_TYPE);
    const response = { errors, data: result.data, extensions: result.extensions };
    if (options.apolloStringify) {
      // Apollo Server's text (JSON and a newline) as bytes, written whole while the operation's
      // answers fit one string, else in pieces: payments' answer to a search is 150,000
      // characters, some beyond Latin-1, a large object in V8 as one string
      const bytes = writeResponseBytes(response, '\n', knownOperation.responseWriting);
      return { status, headers: responseHeaders, body: { kind: 'bytes', bytes } };
    }
    const string = await settings.stringifyResult(response);
    return { status, headers: responseHeaders, body: { kind: 'complete', string } };
  };
}

/**
 * What the lean path needs of Apollo Server's private settings (`internals`); undefined (every
 * request goes to Apollo Server) when they are not as this path expects, or when the server was
 * given anything that changes execution (a root value, a field resolver, validation off).
 */
function settingsOf(apollo: object): ServerSettings | undefined {
  const formatting = errorFormattingOf(apollo);
  const internals = (apollo as unknown as { internals?: Record<string, unknown> }).internals;
  if (formatting === undefined || internals === undefined) return undefined;
  const { validationRules, laterValidationRules, parseOptions, stringifyResult, rootValue, fieldResolver } = internals;
  if (rootValue !== undefined || fieldResolver !== undefined || internals.dangerouslyDisableValidation !== false) return undefined;
  if (internals.gatewayExecutor !== null || !Array.isArray(validationRules) || typeof stringifyResult !== 'function') return undefined;
  return {
    formatting,
    validationRules: [...(validationRules as ValidationRule[]), ...((laterValidationRules as ValidationRule[] | undefined) ?? [])],
    parseOptions: (parseOptions as ParseOptions | undefined) ?? {},
    stringifyResult: stringifyResult as ServerSettings['stringifyResult'],
  };
}

function isStarted(apollo: object): boolean {
  const state = (apollo as unknown as { internals?: { state?: { phase?: unknown } } }).internals?.state;
  return state?.phase === 'started';
}

/** The operation `operationName` selects, compiled; null when none does or it is a subscription. */
function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): KnownOperation | null {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation === 'subscription') return null;
  return {
    operation,
    execute:
      compileWithJit(schema, document, operationName) ??
      (async (contextValue, variableValues) => execute({ schema, document, contextValue, variableValues, operationName })),
    responseWriting: newResponseWriting(),
  };
}

/**
 * The operation compiled by graphql-jit, which reads literals when it compiles: an argument whose
 * literal holds a variable is first made a variable (`hoistLiteralVariables`). Undefined where
 * graphql-jit cannot run it.
 */
function compileWithJit(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
): KnownOperation['execute'] | undefined {
  const hoisted = hoistLiteralVariables(schema, document);
  if (hoisted === undefined) return undefined;
  let compiled;
  try {
    compiled = compileQuery(schema, hoisted.document, operationName);
  } catch {
    return undefined;
  }
  if (!isCompiledQuery(compiled)) return undefined;
  const query = compiled.query.bind(compiled);
  const { variablesOf } = hoisted;
  return async (contextValue, variables) => asGraphQLJsResult(await query(undefined, contextValue, variablesOf(variables)));
}

/** graphql-jit's errors as graphql-js makes them: a GraphQLError with its locations, path, original error and extensions. */
function asGraphQLJsResult(result: ExecutionResult): ExecutionResult {
  if (result.errors === undefined) return result;
  const errors = result.errors.map((jitError) => {
    // graphql-js locates an Error of its own (a null in a non-null field) as it does a resolver's
    const original = jitError.originalError ?? new Error(jitError.message);
    const error = new GraphQLError(jitError.message, { path: jitError.path, originalError: original });
    (error as { locations?: unknown }).locations = jitError.locations;
    return error;
  });
  return { ...result, errors };
}
