import type { SandboxRoute } from './createSandboxServer.js';

/** Where every carrier sandbox publishes its clearance fee table (a document, as carriers publish them). */
export const CLEARANCE_FEES_PATH = '/published/clearance-fees.json';

/** One fee a carrier charges the consignee for clearing a parcel at one destination, in that destination's currency. */
export interface PublishedClearanceFee {
  readonly country: string;
  readonly currency: string;
  /** The carrier's own name for the fee. */
  readonly name: string;
  /** CLEARANCE: per entry with charges to collect; DISBURSEMENT: for advancing duties and taxes. */
  readonly kind: 'CLEARANCE' | 'DISBURSEMENT';
  /** Decimal strings in `currency`. */
  readonly fixed: string;
  readonly rateBp: number;
  readonly minimum: string | null;
}

/** A carrier's published table: its version and validity, and a fee per destination it clears in. */
export interface PublishedClearanceFeeTable {
  readonly carrier: string;
  readonly version: string;
  readonly validFrom: string;
  readonly fees: readonly PublishedClearanceFee[];
}

/** The route that serves a carrier's fee table; counted in stats like any vendor endpoint. */
export function clearanceFeesRoute(table: PublishedClearanceFeeTable): SandboxRoute {
  return { method: 'GET', path: CLEARANCE_FEES_PATH, endpoint: 'clearance-fees', handle: () => ({ body: table }) };
}
