/**
 * The 27 member states of the European Union (customs union and VAT area), from europa.eu
 * "EU countries". The rules only carry national files for five of them, but an origin anywhere in
 * the union is inside the customs territory of DE/FR/NL/IT/ES and is a party to the union's
 * agreements (EU-Japan EPA, EU-UK TCA).
 */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
]);

/** `EU` for a member state, else the country itself: the party it trades as. */
export function tradingParty(country: string): string {
  return EU_MEMBER_STATES.has(country) ? 'EU' : country;
}
