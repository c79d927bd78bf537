import type { HsNomenclature } from '#packages/hs/index.js';
import type { Logger } from '#packages/log/index.js';
import type { CallerPrincipal } from '#packages/principal/index.js';
import type { TradeFlowSettings } from './query/runTradeFlows.js';
import type { TradeFlowStore } from './store/TradeFlowStore.js';

/** What every insights resolver gets; one per request. */
export interface Context extends TradeFlowSettings {
  readonly store: TradeFlowStore;
  readonly hs: HsNomenclature;
  readonly logger: Logger;
  /** The caller, as the gateway signed it; undefined without a verified principal. */
  readonly principal: CallerPrincipal | undefined;
  readonly exports: {
    readonly maxRows: number;
    /** The signed download link of a finished job. */
    urlOf(jobId: string, expiresAt: number): string;
    /** A job was stored: the runner takes it up now. */
    requested(): void;
  };
  now(): number;
}
