export {
  createGraphQLHttpServer,
  listen,
  type GraphQLHttpServerOptions,
  type BytesGraphQLResponse,
  type GraphQLPostRequest,
  type ServeGraphQLPost,
  type IncomingRequestInfo,
  type ReadinessReport,
  type RouteHandler,
  type RunningServer,
  type SentGraphQLRequest,
  type ServerAccess,
} from './createGraphQLHttpServer.js';
export { BodyTooLargeError, readBody } from './readBody.js';
export { onShutdown } from './onShutdown.js';
export { createApolloServer, type ApolloServerOptions } from './createApolloServer.js';
export {
  DEVELOPMENT_SECRET_FILE,
  MIN_SERVICE_SECRET_LENGTH,
  SERVICE_SECRET_HEADER,
  assertServiceCaller,
  isServiceCaller,
  loadServiceSecret,
} from './serviceAuth.js';
export { newResponseWriting, writeResponseBytes, type ResponseWriting } from './writeResponseBytes.js';
