import type { SandboxCall } from '#packages/sandbox/index.js';
import type { QuoteStage } from './criticalPath.js';

/** The tests' upstream names: `carrier…`, `pay…`, `fx`, anything else a marketplace. */
export const stageOf = (upstream: string): QuoteStage =>
  upstream.startsWith('carrier') ? 'carrier' : upstream.startsWith('pay') ? 'payment' : upstream === 'fx' ? 'fx' : 'marketplace';

/** A sandbox call of request `r`, received and answered at the given milliseconds. */
export const call = (upstream: string, receivedAt: number, answeredAt: number): SandboxCall => ({
  upstream,
  endpoint: 'e',
  requestId: 'r',
  receivedAt,
  answeredAt,
});
