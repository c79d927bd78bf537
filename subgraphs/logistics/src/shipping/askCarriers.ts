import type { CarrierAdapter, CarrierInfo, CarrierRole, RateAnswer, RateRequest } from '../adapters/ports.js';
import type { RateLoaders } from '../createRateLoaders.js';
import { packConsignment } from './packConsignment.js';
import type { OfferFacts } from './readOfferFacts.js';

/** One carrier's answer to one request. Carriers that failed are absent (their loader logged it). */
export interface CarrierAnswer {
  readonly carrier: CarrierInfo;
  readonly answer: RateAnswer;
}

/** Everything the carriers said about shipping `quantity` of an offer to `to`. */
export interface CarrierAnswers {
  /** From the offer's origin to the destination: door-to-door and line-haul carriers answer this. */
  readonly crossBorder: RateRequest;
  /** Inside the destination country: last-mile carriers answer this. */
  readonly local: RateRequest;
  /** Seller and buyer in the same country. */
  readonly domestic: boolean;
  /** The offer is stocked in an overseas warehouse in the destination country. */
  readonly stockedAtDestination: boolean;
  readonly doorToDoor: readonly CarrierAnswer[];
  readonly lineHaul: readonly CarrierAnswer[];
  readonly lastMile: readonly CarrierAnswer[];
}

export interface CarrierDesk {
  readonly carriers: readonly CarrierAdapter[];
  readonly rates: RateLoaders;
}

/**
 * Asks every carrier whose role fits the journey, all at once through the per-carrier loaders so
 * that every offer of a page shares one call per carrier. The last mile inside the destination is
 * always asked: it is the whole journey for domestic and warehouse stock, and the second leg of
 * every dedicated line — asked in parallel with the line haul, never after it, to keep one round.
 */
export async function askCarriers(offer: OfferFacts, to: string, quantity: number, desk: CarrierDesk): Promise<CarrierAnswers> {
  const parcel = packConsignment(offer, quantity);
  const crossBorder: RateRequest = { from: offer.originCountry, to, ...parcel, containsLithiumBattery: offer.containsLithiumBattery };
  const local: RateRequest = { ...crossBorder, from: to };
  const domestic = offer.originCountry === to;

  const ask = (role: CarrierRole, request: RateRequest): Promise<CarrierAnswer[]> =>
    Promise.all(
      desk.carriers
        .filter((adapter) => adapter.role === role)
        .map(async (adapter) => {
          const loader = desk.rates.get(adapter.carrier.id);
          const answer = loader === undefined ? undefined : await loader.load(request).catch(() => undefined);
          return answer === undefined ? undefined : { carrier: adapter.carrier, answer };
        }),
    ).then((answers) => answers.filter((answer) => answer !== undefined));

  const [doorToDoor, lineHaul, lastMile] = await Promise.all([
    domestic ? [] : ask('door-to-door', crossBorder),
    domestic ? [] : ask('line-haul', crossBorder),
    ask('last-mile', local),
  ]);
  return {
    crossBorder,
    local,
    domestic,
    stockedAtDestination: !domestic && offer.warehouseCountries.includes(to),
    doorToDoor,
    lineHaul,
    lastMile,
  };
}
