export { createLogger, type Logger, type LogLevel, type LogFields, type LoggerOptions } from './createLogger.js';
export { REQUEST_ID_HEADER, currentRequestId, requestIdFrom, runWithRequestContext, type RequestContext } from './requestContext.js';
