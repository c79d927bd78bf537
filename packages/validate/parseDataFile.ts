import type { z } from 'zod';

/**
 * Parses one data file (a customs rule file, a restriction file) with its schema, or throws naming the file and every field at fault as a
 * JSON path (`destinations/GB.json: $.taxes[0].source.status: …`), so bad data stops a service
 * at start-up and fails CI rather than a quote later.
 */
export function parseDataFile<S extends z.ZodType>(schema: S, file: string, json: unknown): z.output<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 5).map((issue) => `${file}: ${jsonPath(issue.path)}: ${issue.message}`);
  const more = parsed.error.issues.length > 5 ? `\n… and ${parsed.error.issues.length - 5} more` : '';
  throw new Error(problems.join('\n') + more);
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`), '$');
}
