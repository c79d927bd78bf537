export { convert, rateShown, type AppliedRate, type Conversion } from './convert.js';
export {
  DAILY_RATES_PATH,
  FX_REFRATES_UPSTREAM,
  createReferenceRatesClient,
  type LatestReferenceRates,
  type ReferenceRatesClient,
  type ReferenceRatesClientOptions,
} from './createReferenceRatesClient.js';
export {
  CUSTOMS_RATES_PATH,
  createCustomsRatesClient,
  type CustomsRateSeries,
  type CustomsRatesClient,
  type CustomsRatesClientOptions,
} from './createCustomsRatesClient.js';
export { formatSignificant, type RoundingMode } from './exactRatio.js';
export { EUROFXREF_NAMESPACE, parseEurofxrefDaily, type ParsedDailyRates } from './parseEurofxref.js';
export { addDays, isoDate, nextPublicationDue, publicationInstant, utcMidnight, weekdayOf } from './publicationSchedule.js';
export type { RateSource, ReferenceRates } from './ReferenceRates.js';
export { UnsupportedCurrencyError } from './UnsupportedCurrencyError.js';
