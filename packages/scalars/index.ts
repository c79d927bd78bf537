export { CountryCodeScalar, CurrencyCodeScalar } from './codeScalars.js';
