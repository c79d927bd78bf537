import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { getOperationAST, parse, specifiedRules, validate, type DocumentNode, type ParseOptions } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import type { RequestContexts } from '../createRequestContext.js';
import type { GatewayDecisions } from '../createGatewayDecisions.js';
import { shareKeyOf, type ExecutionEngine } from '../engine/createExecutionEngine.js';
import { responseBytes } from '../engine/ExecutionSharing.js';
import { PlanCache } from '../engine/planCache.js';
import { errorCodeOf } from '../errorCodeOf.js';
import type { GatewayContext } from '../GatewayContext.js';
import type { ReloadGate } from '../lifecycle/createReloadGate.js';
import { rateLimitHeaders } from '../limits/createRateLimiter.js';
import type { GatewayMetrics } from '../metrics/createGatewayMetrics.js';
import type { QueryHashes } from '../persisted/createQueryHashes.js';
import { unknownOperationRefusal } from '../plugins/useKnownOperation.js';
import { subgraphRequestHeaders } from '../subgraph/subgraphRequestHeaders.js';
import type { BytesGraphQLResponse, GraphQLPostRequest } from '#packages/server/index.js';
import { formatResultErrors, type ErrorFormatting } from '#packages/server/formatResultErrors.js';
import { newCachePolicy } from './newCachePolicy.js';
import { acceptsJson, isJson, isOneOperation, isRecord, JSON_CONTENT_TYPE } from '#packages/server/leanRequestBody.js';
import { cacheControlHeader } from '#packages/server/operationCachePolicy.js';

/** Documents parsed and validated, per engine (one per supergraph), at most. */
const MAX_DOCUMENTS = 1_000;
/** Longest query text served here; longer ones go to Apollo Server, which hashes them each time (createQueryHashes). */
const MAX_TEXT_LENGTH = 20_000;

export interface LeanRequestPathOptions {
  /** The engine serving the current supergraph; undefined with GATEWAY_ENGINE=stock. */
  engine: () => ExecutionEngine | undefined;
  contexts: RequestContexts;
  /** The plugins' decisions; one left out is not made (the benchmark's engine row runs none). */
  decisions: Partial<GatewayDecisions>;
  /** Where requests (labelled by `decisions.operationLabel`, without which they are not counted) and errors are counted. Default: nowhere. */
  metrics?: GatewayMetrics;
  queryHashes: QueryHashes;
  gate: ReloadGate;
  parseOptions: ParseOptions;
  /** How Apollo Server formats errors (errorFormattingOf); undefined serves nothing here. */
  errorFormatting: () => ErrorFormatting | undefined;
}

/**
 * The gateway's lean request path: a JSON POST of one operation that the Tradegraph engine runs is
 * served here, with every production feature, without Apollo Server's request pipeline (a promise
 * per hook and plugin, about a quarter of the gateway's CPU per request). The decisions are the
 * plugins' own (createGatewayDecisions), called directly: operation-only ones kept with the
 * document parsed and validated here per query hash and supergraph.
 *
 * Anything else goes to Apollo Server (`viaApollo`), decided before anything is counted: GETs,
 * batches, other bodies or content types, APQ and `persistedQuery` extensions, parse and
 * validation errors, introspection, `@defer`, subscriptions, what the engine does not run, the
 * query-plan header, an `accept` other than plain JSON, a refusal of any plugin (Apollo Server
 * refuses it again, identically), an operation the response cache may hold. A request refused by
 * its rate limit, or caught by a supergraph reload after it was counted, goes to Apollo Server with
 * the context (or refusal) already made, so nothing is counted twice.
 */
export interface LeanRequestPath {
  readonly serve: (request: GraphQLPostRequest<GatewayContext>) => Promise<HTTPGraphQLResponse | BytesGraphQLResponse>;
  /** Requests answered here, and handed to Apollo Server, since start. */
  readonly counts: { readonly served: number; readonly handedOver: number };
}

export function createLeanRequestPath(options: LeanRequestPathOptions): LeanRequestPath {
  const { contexts, decisions, metrics, queryHashes, gate } = options;
  const { allowList, authorization, demandControl, inputChecks, responseCache } = decisions;
  // per engine, so a supergraph reload starts afresh; `null` is a text that did not parse or validate
  const documentsByEngine = new WeakMap<ExecutionEngine, PlanCache<DocumentNode | null>>();
  const documentOf = (engine: ExecutionEngine, queryHash: string, text: string): DocumentNode | null => {
    let documents = documentsByEngine.get(engine);
    if (documents === undefined) documentsByEngine.set(engine, (documents = new PlanCache(MAX_DOCUMENTS)));
    let document = documents.get(queryHash);
    if (document === undefined) {
      document = parseAndValidate(engine, text, options.parseOptions);
      documents.set(queryHash, document, text.length);
    }
    return document;
  };

  const counts = { served: 0, handedOver: 0 };
  const serve: LeanRequestPath['serve'] = async ({ body, headers, info, viaApollo: apollo }) => {
    const viaApollo: typeof apollo = (context) => {
      counts.handedOver++;
      return apollo(context);
    };
    const started = performance.now();
    const engine = options.engine();
    const formatting = options.errorFormatting();
    if (engine === undefined || formatting === undefined || !isOneOperation(body, MAX_TEXT_LENGTH)) return viaApollo();
    if (!isJson(headers['content-type']) || !acceptsJson(headers.accept) || headers['apollo-query-plan-experimental'] !== undefined)
      return viaApollo();
    const query = body.query;
    const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
    const variables = isRecord(body.variables) ? body.variables : undefined;

    // the operation alone: a refusal here is Apollo Server's to make, before anything is counted
    const queryHash = queryHashes.hashOf(query);
    const document = documentOf(engine, queryHash, query);
    if (document === null) return viaApollo();
    const schema = engine.apiSchema;
    const operation = getOperationAST(document, operationName) ?? undefined;
    if (operation === undefined || unknownOperationRefusal(schema, operation, operationName) !== undefined) return viaApollo();
    const resolvedName = operation.name?.value ?? null;
    if (allowList?.refusal(queryHash, resolvedName) !== undefined) return viaApollo();
    if (operation.variableDefinitions?.length && getVariableValues(schema, operation.variableDefinitions, variables ?? {}).errors)
      return viaApollo();
    const estimate = demandControl?.estimate(schema, document, operation, operationName, variables);
    if (inputChecks?.refusal(schema, document, operation, operationName, variables) !== undefined) return viaApollo();
    const prepared = engine.prepare(`${operationName ?? ''}\n${queryHash}`, document, operation);
    if (prepared.kind === 'unsupported') return viaApollo();
    // a query the response cache may hold is looked up there; one lately answered uncacheable is served here
    const cachedQuery = responseCache !== undefined && operation.operation === 'query';
    if (cachedQuery && !responseCache.uncacheable.has('response', responseCache.operationId(queryHash, operationName))) return viaApollo();

    // the caller: still nothing counted
    let principal;
    try {
      principal = contexts.admit(info);
    } catch {
      return viaApollo();
    }
    if (authorization?.refusal(schema, document, operation, operationName, principal) !== undefined) return viaApollo();
    if (estimate !== undefined && demandControl?.refusal(estimate, principal.tier) !== undefined) return viaApollo();

    // counted from here on: Apollo Server, if it must answer after all, gets this context or refusal
    const completed = contexts.complete(info, principal);
    let context: GatewayContext;
    try {
      context = await completed;
    } catch {
      // the same rejection, handed over as Apollo Server's context factory (it fails the same way)
      return viaApollo(() => completed);
    }
    const cachePolicy = newCachePolicy();
    const subgraphHeaders = subgraphRequestHeaders(context);
    // an execution that throws is answered as Apollo Server answers it: its error alone, 500 unless it says otherwise
    let thrown = false;
    const result = await gate
      .run(async () =>
        // a reload since the document was validated: its plan may name subgraphs no longer served
        options.engine() !== engine
          ? undefined
          : engine.run(prepared, variables, {
              headers: subgraphHeaders,
              ...(context.acceptLanguage !== undefined && { acceptLanguage: context.acceptLanguage }),
              shareKey: shareKeyOf(subgraphHeaders),
              cachePolicy,
            }),
      )
      .catch((error: unknown) => {
        thrown = true;
        return { errors: [error as Error], data: undefined, extensions: undefined };
      });
    if (result === undefined) return viaApollo(() => Promise.resolve(context));

    // what the plugins do once an operation ran, in their order
    if (estimate !== undefined) demandControl?.onEstimate(estimate.cost);
    if (cachedQuery) responseCache.onOutcome('miss');
    const responseHeaders = new HeaderMap();
    let status: number | undefined;
    let errors;
    if (result.errors !== undefined) {
      if (metrics !== undefined) for (const error of result.errors) metrics.error(errorCodeOf(error));
      const formatted = formatResultErrors(result.errors, formatting);
      errors = formatted.errors;
      status = formatted.status;
      for (const [name, value] of formatted.headers) responseHeaders.set(name, value);
      if (thrown) status ??= 500;
      else if (formatting.status400ForVariableCoercionErrors && errors.length > 0 && result.data === undefined && !status) status = 400;
    }
    if (metrics !== undefined && decisions.operationLabel !== undefined)
      metrics.request(decisions.operationLabel(resolvedName), operation.operation, status ?? 200, (performance.now() - started) / 1000);
    if (context.rateLimit !== undefined) for (const [name, value] of rateLimitHeaders(context.rateLimit)) responseHeaders.set(name, value);
    if (cachedQuery) {
      responseHeaders.set('x-cache', 'MISS');
      await responseCache.answered({
        queryHash,
        operationName,
        variables,
        acceptLanguage: context.acceptLanguage,
        data: result.data,
        hasErrors: errors !== undefined,
        policy: cachePolicy.policyIfCacheable(),
      });
    }
    responseHeaders.set('cache-control', cacheControlHeader(cachePolicy.policyIfCacheable(), errors !== undefined));
    responseHeaders.set('content-type', JSON_CONTENT_TYPE);
    counts.served++;
    return {
      status,
      headers: responseHeaders,
      // bytes written whole while the operation's responses fit one string, else in pieces (writeResponseBytes)
      body: { kind: 'bytes', bytes: responseBytes({ errors, data: result.data, extensions: result.extensions }, prepared.responseWriting) },
    };
  };
  return { serve, counts };
}

function parseAndValidate(engine: ExecutionEngine, text: string, parseOptions: ParseOptions): DocumentNode | null {
  let document;
  try {
    document = parse(text, parseOptions);
  } catch {
    return null;
  }
  return validate(engine.apiSchema, document, specifiedRules).length === 0 ? document : null;
}
