export { COUNTRY_COUNT, isCountryCode, type CountryCode } from './countries.js';
