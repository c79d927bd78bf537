import { isCountryCode } from './countries.js';

/**
 * UN M49 regions (the Statistics Division's "Standard country or area codes for statistical use",
 * https://unstats.un.org/unsd/methodology/m49/), at the level of the five regions, as trade
 * statistics group reporters and partners. Status: knowledge (from the M49 overview table, not
 * re-checked line by line against the page on this date). Taiwan is not listed by M49 and is put
 * with Asia; Antarctica belongs to no region.
 */
const REGION_MEMBERS = {
  Africa: `DZ EG LY MA SD TN EH IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW AO CM CF TD CG CD GQ GA ST
    BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG`,
  Americas: `AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI BZ CR SV GT HN MX NI PA
    AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE BM CA GL PM US`,
  Asia: `KZ KG TJ TM UZ CN HK MO KP JP MN KR TW BN KH ID LA MY MM PH SG TH TL VN AF BD BT IN IR MV NP PK LK
    AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE`,
  Europe: `BY BG CZ HU PL MD RO RU SK UA AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES
    AT BE FR DE LI LU MC NL CH`,
  Oceania: `AU NZ NF HM CX CC FJ NC PG SB VU GU KI MH FM NR MP PW UM AS CK PF NU PN WS TK TO TV WF`,
  Antarctica: 'AQ',
} as const;

export type Region = keyof typeof REGION_MEMBERS;

const REGION_OF: ReadonlyMap<string, Region> = new Map(
  (Object.entries(REGION_MEMBERS) as Array<[Region, string]>).flatMap(([region, codes]) =>
    codes
      .trim()
      .split(/\s+/)
      .map((code) => [code, region] as const),
  ),
);

/** The M49 region of an ISO 3166-1 alpha-2 code; undefined for a code that is not a country. */
export function regionOf(code: string): Region | undefined {
  return REGION_OF.get(code);
}

const NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** The English short name of a country (from the runtime's CLDR data), e.g. `Germany` for `DE`. */
export function countryName(code: string): string | undefined {
  return isCountryCode(code) ? NAMES.of(code) : undefined;
}
