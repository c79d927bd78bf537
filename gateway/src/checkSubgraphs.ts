import { request } from 'undici';

export interface SubgraphHealth {
  readonly name: string;
  readonly url: string;
  readonly reachable: boolean;
  readonly error?: string;
}

/**
 * Asks each subgraph the cheapest query there is (`{ __typename }`), with `headers` (the keyless
 * caller's signed principal: subgraphs answer nothing unsigned).
 */
export async function checkSubgraphs(
  urls: ReadonlyMap<string, string>,
  timeoutMs: number,
  headers: Readonly<Record<string, string>> = {},
): Promise<SubgraphHealth[]> {
  return Promise.all(
    [...urls].map(async ([name, url]) => {
      try {
        const response = await request(url, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
          body: JSON.stringify({ query: '{ __typename }' }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body.dump();
        return response.statusCode === 200
          ? { name, url, reachable: true }
          : { name, url, reachable: false, error: `HTTP ${response.statusCode}` };
      } catch (error) {
        return { name, url, reachable: false, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}
