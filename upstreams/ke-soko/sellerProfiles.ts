import type { SeedSeller } from '#packages/sandbox/index.js';
import { sellerIdOf } from './catalog.js';

/**
 * What Soko knows of each shop, by seller index: where it dispatches from, how far Soko verified
 * it, and its return terms. Real towns, streets and postal codes (Posta Kenya's five-digit codes);
 * plot and shop numbers are made up and no real business is meant.
 */
const PROFILES: ReadonlyArray<{
  address: { lines: string[]; city: string; region: string; postalCode: string };
  verification: 'NONE' | 'CONTACT' | 'IDENTITY' | 'BUSINESS';
  /** `restockingFeeBp`: kept back from a refund for a change of mind, in basis points; null when none. */
  returns: { acceptsReturns: boolean; windowDays: number | null; returnShippingPaidBy: 'BUYER' | 'SELLER'; restockingFeeBp: number | null };
}> = [
  {
    address: { lines: ['Moi Highway, Plot 14'], city: 'Kericho', region: 'Kericho County', postalCode: '20200' },
    verification: 'BUSINESS',
    returns: { acceptsReturns: true, windowDays: 14, returnShippingPaidBy: 'BUYER', restockingFeeBp: null },
  },
  {
    address: { lines: ['Kimathi Way, Plot 7'], city: 'Nyeri', region: 'Nyeri County', postalCode: '10100' },
    verification: 'BUSINESS',
    returns: { acceptsReturns: true, windowDays: 14, returnShippingPaidBy: 'BUYER', restockingFeeBp: null },
  },
  {
    address: { lines: ['Biashara Street 33'], city: 'Mombasa', region: 'Mombasa County', postalCode: '80100' },
    verification: 'IDENTITY',
    returns: { acceptsReturns: true, windowDays: 30, returnShippingPaidBy: 'SELLER', restockingFeeBp: null },
  },
  {
    address: { lines: ['Moi Avenue, Shop 12', 'Nyamakima'], city: 'Nairobi', region: 'Nairobi County', postalCode: '00100' },
    verification: 'CONTACT',
    returns: { acceptsReturns: true, windowDays: 7, returnShippingPaidBy: 'BUYER', restockingFeeBp: 1000 },
  },
  {
    // Opened cosmetics cannot be resold: no returns, as beauty shops write it.
    address: { lines: ['Woodvale Grove 5', 'Westlands'], city: 'Nairobi', region: 'Nairobi County', postalCode: '00800' },
    verification: 'IDENTITY',
    returns: { acceptsReturns: false, windowDays: null, returnShippingPaidBy: 'BUYER', restockingFeeBp: null },
  },
  {
    address: { lines: ['Oginga Odinga Street 21'], city: 'Kisumu', region: 'Kisumu County', postalCode: '40100' },
    verification: 'NONE',
    returns: { acceptsReturns: true, windowDays: 7, returnShippingPaidBy: 'BUYER', restockingFeeBp: 1500 },
  },
  {
    address: { lines: ['Kenyatta Avenue 40'], city: 'Nakuru', region: 'Nakuru County', postalCode: '20100' },
    verification: 'BUSINESS',
    returns: { acceptsReturns: true, windowDays: 14, returnShippingPaidBy: 'BUYER', restockingFeeBp: 500 },
  },
  {
    address: { lines: ['Ngei Road 9'], city: 'Machakos', region: 'Machakos County', postalCode: '90100' },
    verification: 'CONTACT',
    returns: { acceptsReturns: true, windowDays: 14, returnShippingPaidBy: 'BUYER', restockingFeeBp: null },
  },
];

/** Dates are counted back from a fixed day, so the sandbox answers the same on every run. */
const AS_OF = Date.UTC(2026, 10, 1);
const monthsBefore = (months: number) => {
  const date = new Date(AS_OF);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
};

/** A seller as the protocol's `SellerProfile`; ratings on Soko's 5-star scale. */
export function sellerProfileOf(seller: SeedSeller): Record<string, unknown> {
  const profile = PROFILES[seller.index % PROFILES.length]!;
  const unverified = profile.verification === 'NONE';
  return {
    id: sellerIdOf(seller),
    name: seller.name,
    country: seller.country,
    memberSince: monthsBefore(seller.monthsActive),
    verification: { level: profile.verification, verifiedAt: unverified ? null : monthsBefore(Math.max(0, seller.monthsActive - 1)) },
    // A shop nobody vouched for has no ratings yet, the case a trust score must start from a prior for.
    rating: unverified
      ? null
      : { average: Math.round(seller.positiveFeedbackPermille / 20) / 10, worst: 1, best: 5, count: 12 + seller.monthsActive * 9 },
    dispatchAddress: { ...profile.address, country: seller.country },
    returnPolicy: profile.returns,
  };
}
