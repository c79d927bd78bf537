/**
 * Destinations no seller on any sandbox marketplace ships to: the countries under comprehensive
 * sanctions programmes (e.g. the US OFAC country programmes and EU restrictive measures), which
 * real marketplaces block at checkout whatever a seller's own settings say. Sandbox data to make
 * search realistic, not legal advice: which goods may go where is a compliance question.
 */
export const RESTRICTED_DESTINATIONS: readonly string[] = [
  'KP', // North Korea
  'IR', // Iran
  'SY', // Syria
  'CU', // Cuba
];
