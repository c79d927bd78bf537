import { EU_MEMBER_STATES } from '#packages/countries/index.js';

/**
 * `EU` for a member state, else the country itself: the party it trades as. An origin anywhere in
 * the union is inside the customs territory of DE/FR/NL/IT/ES (the rules carry national files for
 * those five) and a party to the union's agreements (EU-Japan EPA, EU-UK TCA).
 */
export function tradingParty(country: string): string {
  return EU_MEMBER_STATES.has(country) ? 'EU' : country;
}
