import type { OfferFacts } from './readOfferFacts.js';

export interface PackedParcel {
  /** The goods' weight; carriers add no packaging allowance at quote time. */
  readonly weightGrams: number;
  /** The outer box, longest side first; undefined when the item was never measured. */
  readonly dimensionsCm: readonly [number, number, number] | undefined;
}

/**
 * `quantity` items of one offer in one parcel: weight × quantity, and the box a packer would
 * choose — the items in a grid (x × y × z ≥ quantity) whose longest side is shortest, then with
 * the least volume. Carriers' size limits and dimensional weight both depend on that box, so a
 * naive "stack them all" would refuse or overcharge parcels that really ship.
 */
export function packConsignment(offer: Pick<OfferFacts, 'weightGrams' | 'dimensionsCm'>, quantity: number): PackedParcel {
  const weightGrams = offer.weightGrams * quantity;
  const sides = offer.dimensionsCm;
  if (sides === undefined || quantity === 1) return { weightGrams, dimensionsCm: sides };
  let best: { box: [number, number, number]; longest: number; volume: number } | undefined;
  for (let x = 1; x <= quantity; x++) {
    for (let y = 1; y <= Math.ceil(quantity / x); y++) {
      const z = Math.ceil(quantity / (x * y));
      const box = [sides[0] * x, sides[1] * y, sides[2] * z].sort((a, b) => b - a) as [number, number, number];
      const volume = box[0] * box[1] * box[2];
      if (best === undefined || box[0] < best.longest || (box[0] === best.longest && volume < best.volume)) {
        best = { box, longest: box[0], volume };
      }
    }
  }
  return { weightGrams, dimensionsCm: best!.box.map(roundCm) as unknown as [number, number, number] };
}

/** Carriers read centimetres to one decimal; more digits would only be float noise. */
const roundCm = (cm: number): number => Math.round(cm * 10) / 10;
