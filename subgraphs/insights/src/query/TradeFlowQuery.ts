/** The dimensions of `TradeFlowDimension`, in schema order. */
export const DIMENSIONS = [
  'MONTH',
  'QUARTER',
  'YEAR',
  'REPORTER',
  'PARTNER',
  'HS2',
  'HS4',
  'HS6',
  'MODE',
  'CARRIER',
  'MARKETPLACE',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type FlowDirection = 'IMPORT' | 'EXPORT';
export type DataOrigin = 'REAL' | 'SYNTHETIC' | 'ALL';

/** A trade-flow question, checked: every code known, every range in order. */
export interface TradeFlowQuery {
  readonly flow: FlowDirection;
  readonly groupBy: readonly Dimension[];
  readonly data: DataOrigin;
  readonly filter: {
    /** Inclusive YYYYMM bounds. */
    readonly monthFrom?: number;
    readonly monthTo?: number;
    readonly reporters?: readonly string[];
    readonly partners?: readonly string[];
    /** HS codes of 2, 4 or 6 digits. */
    readonly hs?: readonly string[];
    readonly modes?: readonly string[];
    readonly marketplaces?: readonly string[];
    readonly carriers?: readonly string[];
    /** Origin and destination both fixed (a lane), whatever the flow. */
    readonly lane?: { readonly origin: string; readonly destination: string };
  };
}
