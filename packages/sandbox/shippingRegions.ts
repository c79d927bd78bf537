/**
 * Country groups the sandbox marketplaces' "regional" sellers ship to. Real sellers pick such
 * lists from trade blocs and neighbours their couriers serve well.
 */

/** The ten ASEAN member states. */
export const ASEAN: readonly string[] = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN'];

/** The 27 EU member states. */
export const EU_MEMBERS: readonly string[] = [
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

/** Mercosur's founding members (Bolivia's accession is still being phased in, so left out). */
export const MERCOSUR: readonly string[] = ['AR', 'BR', 'PY', 'UY'];
