import cardnet from './cardnet/cardnetAdapter.js';
import fpxMy from './fpx-my/fpxAdapter.js';
import globalWallet from './globalwallet/globalWalletAdapter.js';
import pixBr from './pix-br/pixAdapter.js';

/**
 * Every payment provider payments routes to. Adding one: a folder in `adapters/` and a line here.
 * The order breaks ties: between two equally cheap providers, the earlier one is chosen.
 */
export const PAYMENT_PROVIDERS = [cardnet, globalWallet, pixBr, fpxMy] as const;

type Modules = (typeof PAYMENT_PROVIDERS)[number];
type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** The environment settings of all providers together, for the payments config module. */
export type ProviderSettings = UnionToIntersection<Modules['settings']>;

export const providerSettings = Object.assign({}, ...PAYMENT_PROVIDERS.map((module) => module.settings)) as ProviderSettings;
