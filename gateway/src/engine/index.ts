export {
  createExecutionEngine,
  shareKeyOf,
  type EngineExecutionResult,
  type EngineRequest,
  type ExecutionEngine,
  type ExecutionEngineOptions,
  type RunOptions,
} from './createExecutionEngine.js';
export { engineMetrics, type EngineMetrics, type FallbackReason } from './engineMetrics.js';
export { useExecutionEngine, type EngineGateway, type UseExecutionEngineOptions } from './useExecutionEngine.js';
export { stringifyResponse } from './ExecutionSharing.js';
export { keepNamesOneByte } from './keepNamesOneByte.js';
