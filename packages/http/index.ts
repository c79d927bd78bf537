export {
  createUpstreamClient,
  type HttpMethod,
  type UpstreamClient,
  type UpstreamClientOptions,
  type UpstreamRequest,
  type UpstreamResponse,
} from './createUpstreamClient.js';
export { deadlineSignal } from './deadlineSignal.js';
export { retryAfterMs } from './retryAfter.js';
export { upstreamMetrics, type UpstreamMetrics } from './upstreamMetrics.js';
export {
  circuitBreakers,
  createCircuitBreaker,
  type CircuitBreaker,
  type CircuitBreakerOptions,
  type CircuitState,
} from './createCircuitBreaker.js';
export { createClientCredentialsTokens, type ClientCredentials, type TokenProvider } from './createClientCredentialsTokens.js';
