import { openDispute } from './openDispute.js';
import type { DisputeEnvironment, OrderDisputes } from './OrderDisputes.js';
import { resolveDispute } from './resolveDispute.js';

export function createOrderDisputes(env: DisputeEnvironment): OrderDisputes {
  return {
    open: (request) => openDispute(env, request),
    resolve: (request) => resolveDispute(env, request),
  };
}
