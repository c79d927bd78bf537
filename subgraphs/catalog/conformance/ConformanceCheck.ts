import type { ConnectorMarketplace } from '../src/adapters/connector/ConnectorMarketplace.js';
import type { MarketplaceAdapter, OfferRecord, ShipsTo } from '../src/adapters/ports.js';

/** Vendor endpoints the suite counts calls to. */
export type CountedEndpoint = 'search' | 'lookup' | 'reserve' | 'release' | 'place' | 'cancel';

/**
 * The implementation a conformance run is against: a built-in adapter with its sandbox, or any
 * marketplace that implements the connector protocol. It says what the checks may know besides
 * what the adapter tells them, so a check never takes the adapter's word about the adapter.
 */
export interface MarketplaceSubject {
  /** The marketplace's id, as its adapter must describe it. */
  readonly id: string;
  /** A query with enough matches to page through and to book from. */
  readonly query: string;
  /** Most ids the vendor takes in one lookup call. */
  readonly idsPerLookup: number;
  createAdapter(options?: { timeoutMs?: number; badCredentials?: boolean }): MarketplaceAdapter;
  /** How many listings match `query` in all, by the marketplace's own count. */
  countMatches(query: string): Promise<number>;
  /** Units of a listing available now, by the marketplace's own account. */
  availableOf(nativeId: string): Promise<number>;
  /** Calls the vendor served since the last `resetCalls`, per endpoint. */
  callsTo(endpoint: CountedEndpoint): Promise<number>;
  resetCalls(): Promise<void>;
  /** Where a seller ships, from the marketplace's own data; only sandboxes whose seeds the suite knows have it. */
  readonly expectedShipsTo?: (sellerNativeId: string) => ShipsTo | undefined;
  /** The sandbox controls (`/__sandbox/faults`, `/__sandbox/stock-hold`), where the implementation has them. */
  readonly controls?: SandboxControls;
  /** Checks of what only this kind of implementation has (the connector protocol's own rules). */
  readonly extraChecks?: readonly ConformanceCheck[];
  /** A connector marketplace: where it is and how to call it, for the protocol's own checks. */
  readonly connector?: ConnectorMarketplace;
  /** Whether the marketplace can reach this machine, where the callback check listens (127.0.0.1). */
  readonly reachesThisMachine?: boolean;
  close?(): Promise<void>;
}

export interface SandboxControls {
  setFault(fault: string | null): Promise<void>;
  /** How long new holds last. */
  setHoldSeconds(seconds: number): Promise<void>;
}

/** What every check gets: the subject, one adapter for the run, and the offers found by one full search walk. */
export interface CheckContext {
  readonly subject: MarketplaceSubject;
  readonly adapter: MarketplaceAdapter;
  readonly walk: { readonly offers: readonly OfferRecord[]; readonly pages: number };
  /** Offers with at least 10 in stock, each check taking its own so none sees another's holds. */
  takeStocked: () => OfferRecord;
}

export interface ConformanceCheck {
  /** What the implementation must do, as a sentence: the report's line and the test's name. */
  readonly name: string;
  readonly group: 'reads' | 'faults' | 'writes' | 'protocol';
  /** What the subject must offer for the check to run; without it the check is skipped, saying why. */
  readonly needs?: 'controls' | 'seed data' | 'callbacks';
  run(context: CheckContext): Promise<void>;
}
