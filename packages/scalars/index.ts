export { CountryCodeScalar, CurrencyCodeScalar } from './codeScalars.js';
export { parseCountryOnly, parseCountryOrRegion, type CountryOrRegion } from './parseCountryOrRegion.js';
export { DateTimeScalar } from './DateTimeScalar.js';
