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

/** The customs channel a consignment is declared through (the SDL's `CustomsMode`). */
export type CustomsMode = 'POSTAL' | 'EXPRESS' | 'FREIGHT';
export const CUSTOMS_MODES: readonly CustomsMode[] = ['POSTAL', 'EXPRESS', 'FREIGHT'];

/** When the buyer's side pays a charge (the SDL's `CollectedAt`). */
export type CollectedAt = 'CHECKOUT' | 'BORDER' | 'DELIVERY';
/** Who pays a charge over to the authority (the SDL's `Remitter`). */
export type Remitter = 'SELLER' | 'MARKETPLACE' | 'PLATFORM' | 'CARRIER' | 'BUYER';
/** Whose money it is (the SDL's `Payer`): a SELLER line is out of the buyer's total. */
export type Payer = 'BUYER' | 'SELLER';

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

/** A carrier's clearance or disbursement fee, as its published fee table states it. */
export interface CarrierFee {
  readonly carrier: string;
  /** The carrier's own name for the fee. */
  readonly name: string;
  /** CLEARANCE: per entry with something to collect; DISBURSEMENT: for advancing duties and taxes. */
  readonly kind: 'CLEARANCE' | 'DISBURSEMENT';
  readonly fixed: Money;
  /** Share of the duties and taxes the carrier advances, in basis points (DISBURSEMENT). */
  readonly rateBp: number;
  readonly minimum: Money | undefined;
  /** The fee table's document and version, cited in the line. */
  readonly source: string;
}

/** What crosses the border, as the engine needs it. Amounts may be in any currency the FX rates quote. */
export interface Consignment {
  readonly origin: string;
  readonly destination: string;
  /** ISO 3166-2 subdivision of the destination (CA-ON), when the buyer gave one. */
  readonly region: string | undefined;
  readonly mode: CustomsMode;
  readonly items: readonly ConsignmentItem[];
  /** Transport and insurance to the place of entry, in the carrier's currency; undefined = none. */
  readonly shipping: Money | undefined;
  /** Transport after the place of entry (the last mile of a two-leg line): never in the customs value. */
  readonly postBorderTransport: Money | undefined;
  readonly incoterm: Incoterm;
  /** Calendar day whose rules apply, `YYYY-MM-DD`. */
  readonly date: string;
  /** The seller's IOSS number; only EU destinations use it. */
  readonly iossNumber: string | undefined;
  /**
   * Sold through a marketplace that uses the destination's collection scheme (IOSS, VOEC, …) even
   * where registering is optional: what a platform quote assumes, since every offer is a marketplace's.
   */
  readonly marketplaceCollects: boolean;
  /** Sold through a marketplace (the deemed supplier where the law makes it one), not by the seller directly. */
  readonly soldOnMarketplace: boolean;
  /** Goods already in the destination country (overseas warehouse, domestic stock): nothing is imported at delivery. */
  readonly alreadyImported: boolean;
  /** The carriers' clearance and disbursement fees that may apply. */
  readonly carrierFees: readonly CarrierFee[];
}

export type ChargeKind = 'DUTY' | 'TAX' | 'FEE';

/** The customs exchange rate a line used, named. */
export interface LineRate {
  readonly from: string;
  readonly to: string;
  readonly rate: string;
  /** REFERENCE, EU_CUSTOMS_MONTHLY, US_CBP or JP_CUSTOMS_WEEKLY. */
  readonly series: string;
  /** The publication (day, first day of the month or of the week) the rate belongs to. */
  readonly date: string;
}

/** One amount owed (or explicitly not owed), with how, why, when and by whom. */
export interface ChargeLine {
  readonly kind: ChargeKind;
  readonly description: string;
  /** In the destination currency, rounded once as the destination rounds it. */
  readonly amount: Money;
  /** Human-readable arithmetic, e.g. `19% × (300.00 + 36.00) EUR`, plus the FX rates used. */
  readonly formula: string;
  /** Rule id and its official citation. */
  readonly source: string;
  readonly collectedAt: CollectedAt;
  readonly remitter: Remitter;
  readonly paidBy: Payer;
  /** The exchange rates the line's amounts were converted at (none when no conversion). */
  readonly rates: readonly LineRate[];
}

/** The engine's answer: every total is the exact sum of its lines. */
export interface ImportCharges {
  readonly duties: Money;
  readonly taxes: Money;
  readonly fees: Money;
  readonly total: Money;
  /** Buyer-paid lines collected at checkout, and at the border or on delivery. */
  readonly payableAtCheckout: Money;
  readonly payableOnDelivery: Money;
  /** Lines the seller bears (DDP, FR small-parcel tax): owed, but not by the buyer. */
  readonly sellerPaid: Money;
  readonly deMinimisApplied: boolean;
  readonly collectedAtSale: boolean;
  /** The subdivision whose taxes were applied, and whether it was assumed (none given). */
  readonly region: string | undefined;
  readonly regionAssumed: boolean;
  readonly lines: readonly ChargeLine[];
  readonly rulesDate: string;
  /** What the customs declaration carries; null when no border is crossed (domestic, stock already imported). */
  readonly declaration: CustomsDeclaration | null;
}

/**
 * The declaration's facts as the destination's rules make them: the code assessed (the checked one),
 * the origin, and the customs value on the destination's basis (CIF or FOB), in its currency.
 */
export interface CustomsDeclaration {
  /** The code each item is declared under ('' when none could be had), in item order. */
  readonly hsCodes: readonly string[];
  readonly originCountry: string;
  readonly customsValue: Money;
  readonly valuationBasis: 'CIF' | 'FOB';
  /** The valuation rule's id and citation. */
  readonly valuationSource: string;
}
