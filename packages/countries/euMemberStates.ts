/**
 * The 27 member states of the European Union, in the order of their English short names, from
 * europa.eu "EU countries" (https://european-union.europa.eu/principles-countries-history/eu-countries_en).
 * Effective from 1 February 2020, when the United Kingdom left; no accession is scheduled.
 *
 * One union for several rules: its customs territory and trade agreements (customs), the Import
 * One-Stop Shop for VAT on imports (Council Directive (EU) 2017/2455; logistics), and the sandbox
 * sellers who ship "within the EU".
 */
export const EU_MEMBER_STATE_LIST: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
];

export const EU_MEMBER_STATES: ReadonlySet<string> = new Set(EU_MEMBER_STATE_LIST);
