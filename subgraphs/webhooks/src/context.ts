import type DataLoader from 'dataloader';
import type { Logger } from '#packages/log/index.js';
import type { CallerPrincipal } from '#packages/principal/index.js';
import type { AttemptRecord, WebhookStore } from './store/WebhookStore.js';

/** What every webhooks resolver gets; one per request. */
export interface Context {
  readonly store: WebhookStore;
  readonly logger: Logger;
  /** The caller, as the gateway signed it; undefined without a verified principal. */
  readonly principal: CallerPrincipal | undefined;
  /** Attempts of many deliveries (a delivery log page) in one query. */
  readonly attempts: DataLoader<string, AttemptRecord[]>;
  readonly allowPrivateUrls: boolean;
  readonly maxPerKey: number;
  /** How long a redelivery is retried, in ms. */
  readonly retryForMs: number;
  now(): number;
}
