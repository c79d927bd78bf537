import { addMoney, toDecimalString, type Money } from '#packages/money/index.js';
import type { CarrierInfo, ClearanceFeeTable, RateQuote, ShippingMode, TrackingLevel } from '../adapters/ports.js';
import type { CarrierFeeModel, CustomsMode, OfferModel, ShippingOptionModel } from '../models.js';
import type { OfferFacts } from './readOfferFacts.js';
import { toShippingOptionId } from './shippingOptionId.js';

/** One leg of a planned journey: who carries it, between which countries, at what quoted price. */
export interface PlannedLeg {
  readonly carrier: CarrierInfo;
  readonly quote: RateQuote;
  readonly mode: ShippingMode;
  readonly from: string;
  readonly to: string;
}

export interface OptionPlan {
  readonly offer: OfferModel;
  readonly facts: OfferFacts & { readonly price: Money };
  readonly to: string;
  /** The buyer's ISO 3166-2 subdivision, when given. */
  readonly region: string | null;
  readonly quantity: number;
  readonly mode: ShippingMode;
  /** All legs bill in one currency (the caller checks); one leg for most modes, two for a line. */
  readonly legs: readonly [PlannedLeg, ...PlannedLeg[]];
  /** The goods are in the destination country already: nothing is imported at delivery. */
  readonly alreadyImported: boolean;
  /** The clearing carriers' published fee tables. */
  readonly feeTables: readonly ClearanceFeeTable[];
}

/** How customs sees each mode: a post's mail, a courier's entry, or a line's consolidated freight. */
export const CUSTOMS_MODE: Readonly<Record<ShippingMode, CustomsMode | null>> = {
  POSTAL: 'POSTAL',
  EXPRESS: 'EXPRESS',
  DEDICATED_LINE: 'FREIGHT',
  OVERSEAS_WAREHOUSE: null,
  DOMESTIC: null,
};

/** An option as the carriers' quotes make it, before the restrictions on its goods are checked. */
export type PlannedShippingOption = Omit<ShippingOptionModel, 'restrictions'>;

const TRACKING_STRENGTH: Record<TrackingLevel, number> = { NONE: 0, BASIC: 1, FULL: 2 };

/**
 * A shipping option from its legs: cost and transit add up over the legs, tracking is as good as
 * the weakest leg's, and the incoterms are those of the leg that crosses the border (none when no
 * border is crossed).
 */
/** The border-crossing carrier's fees at the destination, from its published table. */
function feesAt(tables: readonly ClearanceFeeTable[], carrierId: string, country: string): CarrierFeeModel[] {
  const table = tables.find((candidate) => candidate.carrier === carrierId);
  return (table?.fees ?? [])
    .filter((fee) => fee.country === country)
    .map((fee) => ({
      carrier: carrierId,
      name: fee.name,
      kind: fee.kind,
      fixed: fee.fixed,
      rateBp: fee.rateBp,
      minimum: fee.minimum ?? null,
      source: table!.source,
    }));
}

export function buildShippingOption(plan: OptionPlan): PlannedShippingOption {
  const [first, ...rest] = plan.legs;
  const cost = rest.reduce((sum, leg) => addMoney(sum, leg.quote.cost), first.quote.cost);
  const service = plan.legs.length === 1 ? first.quote.service : plan.legs.map((leg) => `${leg.carrier.id}:${leg.quote.service}`).join('+');
  const breakdown =
    plan.legs.length === 1
      ? first.quote.breakdown
      : plan.legs.map((leg, index) => `leg ${index + 1} (${leg.carrier.name}, ${leg.from}→${leg.to}): ${leg.quote.breakdown}`).join('; ') +
        `; total ${cost.currency} ${toDecimalString(cost)}`;
  return {
    id: toShippingOptionId({ offerId: plan.offer.id, carrierId: first.carrier.id, service, to: plan.to, quantity: plan.quantity }),
    offer: plan.offer,
    mode: plan.mode,
    carrier: first.carrier,
    serviceName: plan.legs.map((leg) => leg.quote.serviceName).join(' + '),
    cost,
    transitDays: {
      min: plan.legs.reduce((days, leg) => days + leg.quote.transitDays.min, 0),
      max: plan.legs.reduce((days, leg) => days + leg.quote.transitDays.max, 0),
    },
    trackingLevel: plan.legs
      .map((leg) => leg.quote.trackingLevel)
      .reduce((weakest, level) => (TRACKING_STRENGTH[level] < TRACKING_STRENGTH[weakest] ? level : weakest)),
    incoterms: plan.alreadyImported ? [] : first.quote.incoterms,
    legs: plan.legs.map((leg) => ({
      carrier: leg.carrier,
      serviceName: leg.quote.serviceName,
      mode: leg.mode,
      from: leg.from,
      to: leg.to,
      cost: leg.quote.cost,
      transitDays: leg.quote.transitDays,
    })),
    consignment: {
      originCountry: plan.facts.originCountry,
      destinationCountry: plan.to,
      ...plan.facts.classification,
      quantity: plan.quantity,
      goodsValue: { minor: plan.facts.price.minor * BigInt(plan.quantity), currency: plan.facts.price.currency },
      weightGrams: plan.facts.weightGrams * plan.quantity,
      alreadyImported: plan.alreadyImported,
      destinationRegion: plan.region,
      customsMode: plan.alreadyImported ? null : CUSTOMS_MODE[plan.mode],
      containsLithiumBattery: plan.facts.containsLithiumBattery,
      // Legs after the first start at the destination's hub: transport after the place of entry.
      postBorderTransport:
        rest[0] === undefined ? null : rest.slice(1).reduce((sum, leg) => addMoney(sum, leg.quote.cost), rest[0].quote.cost),
      carrierFees: plan.alreadyImported ? [] : feesAt(plan.feeTables, first.carrier.id, plan.to),
    },
    costBreakdown: breakdown,
  };
}
