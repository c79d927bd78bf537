/**
 * Country groups the sandbox marketplaces' "regional" sellers ship to. Real sellers pick such
 * lists from trade blocs and neighbours their couriers serve well. (The EU's members are
 * `EU_MEMBER_STATE_LIST` of packages/countries.)
 */

/** The ten ASEAN member states. */
export const ASEAN: readonly string[] = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN'];

/** Mercosur's founding members (Bolivia's accession is still being phased in, so left out). */
export const MERCOSUR: readonly string[] = ['AR', 'BR', 'PY', 'UY'];
