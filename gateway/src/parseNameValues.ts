/**
 * Reads a `name=value,name=value` setting (e.g. `catalog=3000` or `developer=60`) into a map,
 * each value read by `parseValue`, which throws a message naming what is wrong.
 */
export function parseNameValues<T>(raw: string | undefined, parseValue: (value: string, name: string) => T): Map<string, T> {
  const values = new Map<string, T>();
  for (const entry of (raw ?? '').split(',')) {
    if (entry.trim() === '') continue;
    const [name, value, extra] = entry.split('=');
    if (!name?.trim() || value === undefined || extra !== undefined) throw new Error(`"${entry}" should read <name>=<value>`);
    values.set(name.trim(), parseValue(value.trim(), name.trim()));
  }
  return values;
}

/** A value of `parseNameValues` that must be a whole number from 1 up. */
export function positiveInteger(value: string, name: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1)
    throw new Error(`${name}=${value}: must be a whole number from 1`);
  return number;
}
