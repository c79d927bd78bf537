/**
 * The trust model's constants, in one place so the README table and the code agree. Values are
 * in [0, 1]; a factor's weight is its share of the score. They are the platform's own choice (no
 * law sets them): tuned so that one perfect order is not a perfect score, a lost dispute weighs
 * like several good deliveries, and ratings from a marketplace weigh as much as verification.
 */
export const TRUST_MODEL = {
  /** An event's weight halves every so many days: recent conduct counts more. */
  halfLifeDays: 180,
  factors: {
    /** KYB level the marketplace reports: NONE 0, CONTACT ⅓, IDENTITY ⅔, BUSINESS 1. */
    verification: { weight: 0.2 },
    /** Share of delivered orders that arrived within the promised transit days. */
    onTimeDelivery: { weight: 0.3, prior: 0.85, priorOrders: 4 },
    /** Share of confirmed orders the seller did not cancel. */
    sellerCancellations: { weight: 0.1, prior: 0.95, priorOrders: 4 },
    /**
     * Share of confirmed orders without a dispute the seller lost (half a mark for one still open);
     * a lost dispute counts as `lostCountsAs` orders.
     */
    disputes: { weight: 0.2, prior: 0.95, priorOrders: 4, lostCountsAs: 3 },
    /** Share of confirmed orders not sent back as faulty, damaged, misdescribed or wrong; a change of mind does not count. */
    returns: { weight: 0.1, prior: 0.9, priorOrders: 4 },
    /** The marketplace's buyer rating on its own scale, mapped onto [0, 1]. */
    marketplaceRating: { weight: 0.2, prior: 0.7, priorRatings: 10 },
  },
  /**
   * Below this much evidence (decay-weighted platform orders, or ratings ÷ 10) a seller is NEW
   * whatever its score: the prior speaks more than the seller.
   */
  newBelowEvidence: 3,
  /**
   * Lowest score of each level above BASIC. TRUSTED also needs verification IDENTITY or BUSINESS,
   * `newBelowEvidence` worth of orders on the platform itself, and no dispute lost on an order of
   * the last `halfLifeDays`: a seller a buyer recently had to be refunded from is not vouched for.
   */
  levels: { ESTABLISHED: 0.75, TRUSTED: 0.85 },
} as const;

export type TrustLevel = 'NEW' | 'BASIC' | 'ESTABLISHED' | 'TRUSTED';

/** Lowest first: a level's index says how far trust goes. */
export const TRUST_LEVELS: readonly TrustLevel[] = ['NEW', 'BASIC', 'ESTABLISHED', 'TRUSTED'];

export type VerificationLevel = 'NONE' | 'CONTACT' | 'IDENTITY' | 'BUSINESS';

export const VERIFICATION_VALUE: Readonly<Record<VerificationLevel, number>> = { NONE: 0, CONTACT: 1 / 3, IDENTITY: 2 / 3, BUSINESS: 1 };
