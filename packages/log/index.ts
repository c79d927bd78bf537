export { createLogger, type Logger, type LogLevel, type LogFields, type LoggerOptions } from './createLogger.js';
export {
  REQUEST_ID_HEADER,
  currentRequestId,
  currentTestTrigger,
  requestIdFrom,
  runWithRequestContext,
  runWithTestTrigger,
  type RequestContext,
} from './requestContext.js';
