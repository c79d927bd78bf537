import type { Money } from '#packages/money/index.js';

/** Who pays the import charges: the seller's side under DDP, the buyer under every other Incoterm. */
export type Incoterm = 'EXW' | 'FCA' | 'CPT' | 'CIP' | 'DAP' | 'DPU' | 'DDP' | 'FAS' | 'FOB' | 'CFR' | 'CIF';

/** Incoterms 2020, the only values `incoterm` accepts. */
export const INCOTERMS: readonly Incoterm[] = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'];

/** Where an item's HS code came from, when an offer's classification travelled with it. */
export interface ItemClassification {
  /** DECLARED: the seller's; SUGGESTED: classified from the title; INVALID, UNKNOWN: no code could be had. */
  readonly status: 'DECLARED' | 'SUGGESTED' | 'INVALID' | 'UNKNOWN';
  /** The classifier's confidence in a SUGGESTED code. */
  readonly confidence: number | null;
  /** The seller's code when it was set aside (not an HS 2022 subheading). */
  readonly rejectedHsCode: string | null;
}

/** One line of a customs declaration: goods of one HS code. */
export interface ConsignmentItem {
  /** Digits only, 6 to 10; empty when no code could be had (the default duty rate is used, and said so). */
  readonly hsCode: string;
  /** Absent for items a client classified itself (`estimateImportCharges`). */
  readonly classification?: ItemClassification;
  readonly quantity: number;
  /** Value of all `quantity` units together, in the seller's currency. */
  readonly value: Money;
}

/** What crosses the border, as the engine needs it. Amounts may be in any currency the FX rates quote. */
export interface Consignment {
  readonly origin: string;
  readonly destination: string;
  readonly items: readonly ConsignmentItem[];
  /** Freight and insurance to the border, in the carrier's currency; undefined = none. */
  readonly shipping: Money | undefined;
  readonly incoterm: Incoterm;
  /** Calendar day whose rules apply, `YYYY-MM-DD`. */
  readonly date: string;
  /** The seller's IOSS number; only EU destinations use it. */
  readonly iossNumber: string | undefined;
  /** Goods already in the destination country (overseas warehouse, domestic stock): nothing is imported at delivery. */
  readonly alreadyImported: boolean;
}

export type ChargeKind = 'DUTY' | 'TAX' | 'FEE';

/** One amount owed (or explicitly not owed) at the border, with how and why. */
export interface ChargeLine {
  readonly kind: ChargeKind;
  readonly description: string;
  /** In the destination currency, rounded once. */
  readonly amount: Money;
  /** Human-readable arithmetic, e.g. `19% × (300.00 + 36.00) EUR`, plus the FX rates used. */
  readonly formula: string;
  /** Rule id and its official citation. */
  readonly source: string;
}

/** The engine's answer: every total is the exact sum of its lines. */
export interface ImportCharges {
  readonly duties: Money;
  readonly taxes: Money;
  readonly fees: Money;
  readonly total: Money;
  readonly deMinimisApplied: boolean;
  readonly collectedAtSale: boolean;
  readonly lines: readonly ChargeLine[];
  readonly rulesDate: string;
}
