import { UpstreamError } from '#packages/errors/index.js';
import type { UpstreamClient } from '#packages/http/index.js';
import { MoneyError, parseMoney } from '#packages/money/index.js';
import { CLEARANCE_FEES_PATH } from '#packages/sandbox/index.js';
import type { ClearanceFee, ClearanceFeeTable } from './ports.js';

/**
 * Reads a carrier's published clearance fee table (a JSON document on its site, the same shape for
 * every carrier since it is a publication, not an API). A malformed table is a `bad-response`
 * upstream error: a fee is never guessed.
 */
export async function readClearanceFeeTable(
  client: UpstreamClient,
  carrier: string,
  baseUrl: string,
  signal?: AbortSignal,
): Promise<ClearanceFeeTable> {
  const response = await client.request({ path: CLEARANCE_FEES_PATH, headers: { accept: 'application/json' }, signal });
  const fail = (why: string) =>
    new UpstreamError({
      upstream: carrier,
      failure: response.status === 200 ? 'bad-response' : 'unavailable',
      status: response.status,
      message: `${carrier} clearance fee table: ${why}`,
      detail: response.text.slice(0, 300),
    });
  if (response.status !== 200) throw fail(`HTTP ${response.status}`);
  let body: { carrier?: unknown; version?: unknown; fees?: unknown };
  try {
    body = JSON.parse(response.text) as typeof body;
  } catch {
    throw fail('not JSON');
  }
  if (body.carrier !== carrier || typeof body.version !== 'string' || !Array.isArray(body.fees)) throw fail('not this carrier’s table');
  const fees = body.fees.map((entry: Record<string, unknown>, i): ClearanceFee => {
    const { country, currency, name, kind, fixed, rateBp, minimum } = entry;
    if (typeof country !== 'string' || typeof currency !== 'string' || typeof name !== 'string')
      throw fail(`fees[${i}] has no country, currency or name`);
    if (kind !== 'CLEARANCE' && kind !== 'DISBURSEMENT') throw fail(`fees[${i}].kind ${String(kind)}`);
    if (typeof rateBp !== 'number' || !Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw fail(`fees[${i}].rateBp`);
    try {
      return {
        country,
        name,
        kind,
        fixed: parseMoney(String(fixed), currency),
        rateBp,
        minimum: minimum === null || minimum === undefined ? undefined : parseMoney(`${minimum as string | number}`, currency),
      };
    } catch (error) {
      if (error instanceof MoneyError) throw fail(`fees[${i}]: ${error.message}`);
      throw error;
    }
  });
  return { carrier, source: `${carrier} fee table ${body.version} (${baseUrl.replace(/\/$/, '')}${CLEARANCE_FEES_PATH})`, fees };
}
