/**
 * Runs `fetch` over `items` in slices of at most `size` (a provider's per-call limit), in
 * parallel, and puts the answers back in the items' order.
 */
export async function inChunks<T, R>(items: readonly T[], size: number, fetch: (chunk: readonly T[]) => Promise<R[]>): Promise<R[]> {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return (await Promise.all(chunks.map(fetch))).flat();
}
