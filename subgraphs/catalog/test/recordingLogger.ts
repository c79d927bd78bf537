import { createLogger, type Logger } from '#packages/log/index.js';

/** A logger that keeps its warnings, so a test can see that a fallback was reported. */
export function recordingLogger(): { logger: Logger; warnings: () => Array<Record<string, unknown>> } {
  const lines: string[] = [];
  const logger = createLogger('test', { level: 'warn', write: (line) => lines.push(line) });
  return { logger, warnings: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
