import { RawJson } from '#packages/server/RawJson.js';
import { hasOwn, isResponseObject, type ResponseObject } from './responseTypes.js';

/**
 * Merges a subgraph's answer into the response tree in place, with exactly the semantics of
 * `@apollo/gateway`'s `deepMerge` (objects merged key by key, lists of equal length merged
 * element by element, anything else replaced), so the projected response cannot differ.
 * Sub-objects of `source` that `target` lacks are adopted by reference, not copied: later
 * fetches merge into them where they now live.
 *
 * A value kept as its bytes (`RawJson`) is adopted as it is where the target has nothing; where
 * either side has something to merge, it is parsed first (a plan keeps bytes only where no other
 * fetch writes, so this is a safeguard).
 */
export function mergeResult(target: ResponseObject, source: unknown): void {
  if (!isResponseObject(source)) return;
  for (const key in source) {
    let value = source[key];
    if (value === undefined) continue;
    let existing = key === '__proto__' ? ownValue(target, key) : target[key];
    // most keys: nothing there yet, the value adopted as it is (a RawJson too)
    if (existing === undefined || existing === null) {
      assign(target, key, value);
      continue;
    }
    if (typeof existing === 'object' && existing instanceof RawJson) assign(target, key, (existing = existing.value()));
    if (typeof value === 'object' && value instanceof RawJson) value = value.value();
    if (existing && isResponseObject(value)) {
      // deepMerge also merges an object into a list's properties; into a truthy scalar it would
      // throw (strict mode), which only a subgraph contradicting itself can cause: we replace it.
      if (typeof existing === 'object') mergeResult(existing as ResponseObject, value);
      else assign(target, key, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let index = 0; index < value.length; index++) {
        const element: unknown = value[index];
        const current: unknown = existing[index];
        if (isResponseObject(current) && isResponseObject(element)) mergeResult(current, element);
        else existing[index] = element;
      }
    } else {
      assign(target, key, value);
    }
  }
}

function ownValue(object: ResponseObject, key: string): unknown {
  return hasOwn(object, key) ? object[key] : undefined;
}

/** `__proto__` as a response key (an alias) must become an own property, never the prototype. */
function assign(target: ResponseObject, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
