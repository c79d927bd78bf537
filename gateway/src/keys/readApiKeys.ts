import { readFileSync } from 'node:fs';
import { parseApiKeyLines, type ApiKeyRecord } from './ApiKeyRecord.js';

/**
 * The keys of `API_KEYS_FILE` and then `API_KEYS`. Two entries with one id or one hash are refused:
 * either would make a key's identity (its rate-limit counter, its revocation) ambiguous.
 */
export function readApiKeys(options: { file?: string | undefined; inline?: string | undefined }): ApiKeyRecord[] {
  const records: ApiKeyRecord[] = [];
  if (options.file !== undefined) records.push(...parseApiKeyLines(readFileSync(options.file, 'utf8'), options.file));
  if (options.inline !== undefined) records.push(...parseApiKeyLines(options.inline, 'API_KEYS'));
  const ids = new Set<string>();
  const hashes = new Set<string>();
  for (const record of records) {
    if (ids.has(record.id)) throw new Error(`API key id "${record.id}" is listed twice`);
    if (hashes.has(record.sha256)) throw new Error(`API key "${record.id}" has the same hash as another key`);
    ids.add(record.id);
    hashes.add(record.sha256);
  }
  return records;
}
