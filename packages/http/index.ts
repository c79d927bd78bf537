export {
  createUpstreamClient,
  type HttpMethod,
  type UpstreamClient,
  type UpstreamClientOptions,
  type UpstreamRequest,
  type UpstreamResponse,
} from './createUpstreamClient.js';
export { retryAfterMs } from './retryAfter.js';
