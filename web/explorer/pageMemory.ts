/**
 * GraphiQL's storage, kept for this page load only: every visit opens on the contract examples
 * with the current key, never on tabs (and a key) left from another stack or another day.
 */
export function pageMemory(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}
