import { graphql } from 'graphql';
import type { CustomsRatesClient, ReferenceRates, ReferenceRatesClient } from '#packages/fx/index.js';
import { createLogger } from '#packages/log/index.js';
import { loadRules } from '../rules/loadRules.js';
import { createContext } from '../src/context.js';
import { createCustomsSchema } from '../src/schema.js';

/**
 * Fixed euro reference rates for in-process tests (the fx-refrates sandbox's base rates), so every
 * converted amount in a test can be checked by hand: 1 EUR = 1.16 USD = 6.20 BRL = 180.50 JPY.
 */
export const TEST_RATES: ReferenceRates = {
  date: '2026-11-25',
  source: { name: 'Test reference rates', url: 'http://test/eurofxref-daily.xml' },
  rates: {
    USD: '1.1600',
    JPY: '180.50',
    GBP: '0.87800',
    AUD: '1.7700',
    BRL: '6.2000',
    CAD: '1.6250',
    CNY: '8.2400',
    INR: '104.0000',
    KRW: '1700.00',
    MXN: '21.2000',
    MYR: '4.8000',
    SGD: '1.5100',
    NZD: '2.0300',
    NOK: '11.7500',
  },
};

export interface Result<T> {
  data?: T | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

const schema = createCustomsSchema();
const rules = loadRules();

/**
 * Runs an operation against the customs schema in this process, with fixed rates; counts FX fetches.
 * With `fxDown`, every FX fetch fails as a source that does not answer would.
 */
export async function executeCustoms<T>(query: string, variables: Record<string, unknown>, { fxDown = false } = {}) {
  let fetches = 0;
  const down = () => new Error('FX source unreachable (test)');
  const fx: ReferenceRatesClient = {
    latest: async () => {
      fetches++;
      if (fxDown) throw down();
      return { rates: TEST_RATES, stale: false, fetchedAt: '2026-11-25T16:00:00Z' };
    },
    close: async () => {},
  };
  // Each customs series answers with the same fixed rates, named as the series, so amounts stay
  // checkable by hand; the series' own periods and values are tested against the FX sandbox.
  const customsFx: CustomsRatesClient = {
    ratesFor: async (series, date) => {
      fetches++;
      if (fxDown) throw down();
      return { ...TEST_RATES, series, date, validTo: date };
    },
    close: async () => {},
  };
  const contextValue = createContext({
    rules,
    fx,
    customsFx,
    logger: createLogger('customs', { level: 'silent' }),
    now: () => new Date('2026-11-26T10:00:00Z'),
  });
  const result = (await graphql({ schema, source: query, variableValues: variables, contextValue })) as Result<T>;
  return { result, fetches };
}

export const ESTIMATE = /* GraphQL */ `
  query Estimate($input: ImportChargesInput!) {
    estimateImportCharges(input: $input) {
      duties {
        amount
        currency
      }
      taxes {
        amount
        currency
      }
      fees {
        amount
        currency
      }
      total {
        amount
        currency
      }
      payableAtCheckout {
        amount
        currency
      }
      payableOnDelivery {
        amount
        currency
      }
      sellerPaid {
        amount
        currency
      }
      deMinimisApplied
      collectedAtSale
      region
      regionAssumed
      rulesDate
      lines {
        kind
        description
        amount {
          amount
          currency
        }
        formula
        source
        collectedAt
        remitter
        paidBy
        exchangeRates {
          from
          to
          rate
          series
          date
        }
      }
    }
  }
`;

type Amount = { amount: string; currency: string };

export interface ChargeLineResult {
  kind: string;
  description: string;
  amount: Amount;
  formula: string;
  source: string;
  collectedAt: 'CHECKOUT' | 'BORDER' | 'DELIVERY';
  remitter: string;
  paidBy: 'BUYER' | 'SELLER';
  exchangeRates: Array<{ from: string; to: string; rate: string; series: string; date: string }>;
}

export interface Charges {
  duties: Amount;
  taxes: Amount;
  fees: Amount;
  total: Amount;
  payableAtCheckout: Amount;
  payableOnDelivery: Amount;
  sellerPaid: Amount;
  deMinimisApplied: boolean;
  collectedAtSale: boolean;
  region: string | null;
  regionAssumed: boolean;
  rulesDate: string;
  lines: ChargeLineResult[];
}
