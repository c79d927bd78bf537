/** A JSON object as subgraphs send it and as the engine merges it: the response tree. */
export type ResponseObject = Record<string, unknown>;

/** Whether a value is a JSON object (not null, not an array). */
export function isResponseObject(value: unknown): value is ResponseObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Object.hasOwn`, spelled once so the hot paths read the same everywhere. */
export const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
