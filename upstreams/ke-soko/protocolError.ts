import type { SandboxResponse } from '#packages/sandbox/index.js';

let counter = 0;

/** The protocol's one error envelope. */
export function failure(status: number, code: string, message: string): SandboxResponse {
  return { status, body: { error: { code, message, requestId: `soko-${Date.now().toString(36)}-${(++counter).toString(36)}` } } };
}
