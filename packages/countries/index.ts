export { ASSIGNED_COUNTRY_CODES, COUNTRY_COUNT, isCountryCode, type CountryCode, type IsoCountryCode } from './countries.js';
export { EU_MEMBER_STATE_LIST, EU_MEMBER_STATES } from './euMemberStates.js';
export { countryName, regionOf, type Region } from './regions.js';
export { COUNTRIES_WITH_SUBDIVISIONS, isSubdivisionCode, subdivisionsOf } from './subdivisions.js';
