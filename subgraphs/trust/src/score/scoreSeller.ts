import { HALF_LIFE_MS } from './PlatformRecord.js';
import type { SellerEvidence } from './SellerEvidence.js';
import { TRUST_MODEL, VERIFICATION_VALUE, type TrustLevel } from './trustModel.js';

/** One part of the score, with what it is worth and where it comes from. */
export interface TrustFactor {
  readonly name: 'verification' | 'onTimeDelivery' | 'sellerCancellations' | 'disputes' | 'returns' | 'marketplaceRating';
  /** In [0, 1]; null when the source reports nothing (the factor then has no weight). */
  readonly value: number | null;
  /** Its share of the score: the weights of the factors with a value add up to 1. */
  readonly weight: number;
  /** `marketplace:<id>` or `platform:order-events`. */
  readonly source: string;
  /** The evidence in words: counts, levels, scales. */
  readonly detail: string;
}

/** A seller's trust as `Seller.trust` shows it. */
export interface TrustAssessment {
  readonly score: number;
  readonly level: TrustLevel;
  readonly factors: readonly TrustFactor[];
  /** When the evidence last changed (ms): the last order event, else `now`. */
  readonly updatedAt: number;
}

/**
 * A seller's trust from its evidence: each factor is a Bayesian average — the prior counted as
 * `priorOrders` orders, plus each of the seller's orders weighted by `2^(−age/half-life)` — so a
 * new seller starts at the prior and one perfect order moves it only a little; the score is the
 * weighted mean of the factors with a value. Deterministic for a given `now`.
 */
export function scoreSeller(evidence: SellerEvidence, marketplaceId: string, now: number): TrustAssessment {
  const { factors: model } = TRUST_MODEL;
  const platform = 'platform:order-events';
  const marketplace = `marketplace:${marketplaceId}`;
  const { counts, weighted, latestLostAt } = evidence.record;

  const onTime = bayesian(model.onTimeDelivery.prior, model.onTimeDelivery.priorOrders, weighted.delivered, weighted.onTime);
  const cancellations = bayesian(
    model.sellerCancellations.prior,
    model.sellerCancellations.priorOrders,
    weighted.orders,
    weighted.notCancelled,
  );
  const disputes = bayesian(model.disputes.prior, model.disputes.priorOrders, weighted.disputes, weighted.disputesValue);
  const returns = bayesian(model.returns.prior, model.returns.priorOrders, weighted.orders, weighted.notReturned);
  const rating = evidence.rating && evidence.rating.best !== evidence.rating.worst ? evidence.rating : undefined;
  const ratingValue = rating
    ? (model.marketplaceRating.prior * model.marketplaceRating.priorRatings + normalisedRating(rating) * rating.count) /
      (model.marketplaceRating.priorRatings + rating.count)
    : model.marketplaceRating.prior;

  const parts: Omit<TrustFactor, 'weight'>[] = [
    {
      name: 'verification',
      value: evidence.verification === undefined ? null : VERIFICATION_VALUE[evidence.verification],
      source: marketplace,
      detail: evidence.verification === undefined ? 'the marketplace reports no verification' : `KYB level ${evidence.verification}`,
    },
    {
      name: 'onTimeDelivery',
      value: onTime,
      source: platform,
      detail: `${counts.onTime} of ${counts.delivered} delivered orders within the promised days`,
    },
    {
      name: 'sellerCancellations',
      value: cancellations,
      source: platform,
      detail: `${counts.cancelledBySeller} of ${counts.orders} orders cancelled by the seller`,
    },
    {
      name: 'disputes',
      value: disputes,
      source: platform,
      detail: `${counts.disputesOpened} disputes opened, ${counts.disputesLost} lost`,
    },
    {
      name: 'returns',
      value: returns,
      source: platform,
      detail: `${counts.returnedAtFault} of ${counts.orders} orders returned as not what was owed, ${counts.returnedChangedMind} on a change of mind`,
    },
    {
      name: 'marketplaceRating',
      value: ratingValue,
      source: marketplace,
      detail: rating
        ? `${rating.average} on a ${rating.worst}–${rating.best} scale from ${rating.count} ratings`
        : 'no ratings reported: the prior alone',
    },
  ];
  const withValue = parts.filter((part) => part.value !== null);
  const totalWeight = withValue.reduce((sum, part) => sum + model[part.name].weight, 0);
  const factors = parts.map((part) => ({ ...part, weight: part.value === null ? 0 : round(model[part.name].weight / totalWeight) }));
  const score = round(withValue.reduce((sum, part) => sum + (part.value ?? 0) * model[part.name].weight, 0) / totalWeight);

  const orderEvidence = weighted.orders;
  const evidenceAmount = orderEvidence + (rating?.count ?? 0) / 10;
  return {
    score,
    level: levelOf({
      score,
      evidence: evidenceAmount,
      orderEvidence,
      verification: evidence.verification,
      // the latest-confirmed lost one is the most recent, if any is
      recentLostDispute: latestLostAt !== undefined && now - latestLostAt < HALF_LIFE_MS,
    }),
    factors: factors.map((factor) => ({ ...factor, value: factor.value === null ? null : round(factor.value) })),
    updatedAt: evidence.lastEventAt ?? now,
  };
}

/** A rating on any scale (1–5 stars, 0–100 % positive, …) mapped onto [0, 1]: worst is 0, best is 1. */
export function normalisedRating(rating: { average: number; worst: number; best: number }): number {
  const value = (rating.average - rating.worst) / (rating.best - rating.worst);
  return Math.min(1, Math.max(0, value));
}

/** A Bayesian average: the prior counted as `priorWeight` orders, plus the seller's weighted orders. */
function bayesian(prior: number, priorWeight: number, weight: number, value: number): number {
  return (prior * priorWeight + value) / (priorWeight + weight);
}

function levelOf(standing: {
  score: number;
  evidence: number;
  orderEvidence: number;
  verification: SellerEvidence['verification'];
  recentLostDispute: boolean;
}): TrustLevel {
  const { score, verification } = standing;
  if (standing.evidence < TRUST_MODEL.newBelowEvidence) return 'NEW';
  const verified = verification === 'IDENTITY' || verification === 'BUSINESS';
  const vouched = verified && standing.orderEvidence >= TRUST_MODEL.newBelowEvidence && !standing.recentLostDispute;
  if (score >= TRUST_MODEL.levels.TRUSTED && vouched) return 'TRUSTED';
  if (score >= TRUST_MODEL.levels.ESTABLISHED) return 'ESTABLISHED';
  return 'BASIC';
}

// Scores are shown to people and compared across marketplaces: four decimals are plenty.
const round = (value: number) => Math.round(value * 10_000) / 10_000;
