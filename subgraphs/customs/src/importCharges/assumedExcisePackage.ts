import { matchesPrefix } from './withinThreshold.js';

/** A bottle of a drink: what one unit of alcohol is taken to hold when quoting a specific excise. */
export interface AssumedBottle {
  readonly kind: 'bottle';
  readonly hsPrefix: string;
  /** Volume of one unit in litres, as a decimal string. */
  readonly litres: string;
  /** Alcohol strength by volume in basis points (1300 = 13 %). */
  readonly abvBp: number;
  /** Original gravity in whole degrees Plato, for beer taxed by it (DE): a 5 % lager is brewed at about 12. */
  readonly plato?: number;
  /** How the quote names the assumption. */
  readonly text: string;
}

/**
 * A retail unit of tobacco: a pack of cigarettes counted in sticks, or a pouch of smoking tobacco
 * weighed in grams, for an excise per 1,000 sticks or per kilogram.
 */
export interface AssumedPack {
  readonly kind: 'pack';
  readonly hsPrefix: string;
  /** What one unit holds: cigarettes (sticks) or grams of tobacco. */
  readonly count: { readonly sticks: number } | { readonly grams: number };
  readonly text: string;
}

/** What one unit of excise goods is taken to hold when quoting a specific excise. */
export type AssumedExcisePackage = AssumedBottle | AssumedPack;

/**
 * Offers carry no volume, strength or count, yet excise on alcohol is charged per litre (of product
 * or of alcohol) and on cigarettes per 1,000 sticks. The quote assumes the common retail unit of each
 * kind of goods and says so in the line, rather than charging nothing: a 33 cl bottle of beer at 5 %
 * (12 °Plato, the full beer zoll.de takes as its example), a 75 cl bottle of still wine at 13 %, a
 * 70 cl bottle of spirits at 40 %, a pack of 20 cigarettes and a 30 g pouch of hand-rolling tobacco
 * (the packets GOV.UK's tobacco duty table prices its increases on). Goods with no assumed unit are
 * quoted as "excise not modelled".
 */
export const ASSUMED_EXCISE_PACKAGES: readonly AssumedExcisePackage[] = [
  { kind: 'bottle', hsPrefix: '2203', litres: '0.33', abvBp: 500, plato: 12, text: 'a 0.33 l bottle at 5% ABV and 12 °Plato (beer)' },
  { kind: 'bottle', hsPrefix: '2204', litres: '0.75', abvBp: 1300, text: 'a 0.75 l bottle at 13% ABV (still wine)' },
  { kind: 'bottle', hsPrefix: '2208', litres: '0.7', abvBp: 4000, text: 'a 0.70 l bottle at 40% ABV (spirits)' },
  { kind: 'pack', hsPrefix: '240220', count: { sticks: 20 }, text: 'a pack of 20 cigarettes' },
  { kind: 'pack', hsPrefix: '240319', count: { grams: 30 }, text: 'a 30 g pouch of hand-rolling tobacco' },
];

export function assumedExcisePackage(hsCode: string): AssumedExcisePackage | undefined {
  return ASSUMED_EXCISE_PACKAGES.find((pack) => matchesPrefix(hsCode, [pack.hsPrefix]));
}
