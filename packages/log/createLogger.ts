import { currentRequestId } from './requestContext.js';
import { stdoutDestination } from './createStdoutDestination.js';

const stdoutWrite = (line: string): void => stdoutDestination().write(line);

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const SEVERITY: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go. Default: stdout, written without blocking (createStdoutDestination). Tests pass their own sink. */
  write?: (line: string) => void;
}

/**
 * One JSON object per line, with the service name and the current request id, so that
 * the logs of gateway, subgraphs and upstreams can be joined on `requestId`.
 */
export function createLogger(service: string, options: LoggerOptions = {}, base: LogFields = {}): Logger {
  const threshold = SEVERITY[options.level ?? 'info'];
  const write = options.write ?? stdoutWrite;

  const log = (level: Exclude<LogLevel, 'silent'>, message: string, fields?: LogFields): void => {
    if (SEVERITY[level] < threshold) return;
    const requestId = currentRequestId();
    const line: LogFields = { time: new Date().toISOString(), level, service, msg: message, ...base, ...fields };
    if (requestId !== undefined) line.requestId = requestId;
    // a replacer makes JSON.stringify call back for every key: only lines that hold more than plain values need it
    write(hasOnlyPlainValues(line) ? JSON.stringify(line) : JSON.stringify(line, errorReplacer));
  };

  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
    child: (fields) => createLogger(service, options, { ...base, ...fields }),
  };
}

/** Whether every field is a string, number, boolean, null or undefined (a request log line's are). */
function hasOnlyPlainValues(fields: LogFields): boolean {
  for (const key in fields) {
    const value = fields[key];
    if (value !== null && typeof value === 'object') return false;
    if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') return false;
  }
  return true;
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (typeof value === 'bigint') return value.toString();
  return value;
}
