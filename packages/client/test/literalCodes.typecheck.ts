/**
 * Compiled by `npm run typecheck` (never run): the codes of the generated operation types are
 * literal unions, so each typo below must fail to compile. A `@ts-expect-error` that finds no
 * error fails the typecheck itself, so this file fails if the codes ever widen back to `string`.
 */
import type { PaymentInput, SearchQueryVariables } from '../index.js';

export const searchInGermany: SearchQueryVariables = { query: 'tea', shipTo: 'DE', currency: 'EUR' };

// @ts-expect-error "Germany" is not an ISO 3166-1 alpha-2 code
export const countryByName: SearchQueryVariables = { query: 'tea', shipTo: 'Germany', currency: 'EUR' };

// @ts-expect-error "EURO" is not an ISO 4217 code
export const currencyByName: SearchQueryVariables = { query: 'tea', shipTo: 'DE', currency: 'EURO' };

// @ts-expect-error lower case is not the code
export const lowerCaseCountry: SearchQueryVariables = { query: 'tea', shipTo: 'de', currency: 'EUR' };

// @ts-expect-error "CREDIT_CARD" is not a payment method of the API (CARD is)
export const paymentMethodTypo: PaymentInput = { method: 'CREDIT_CARD' };
