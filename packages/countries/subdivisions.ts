/**
 * ISO 3166-2 subdivision codes for the countries whose taxes depend on the region, from the ISO
 * Online Browsing Platform (https://www.iso.org/obp/ui/#iso:code:3166:CA, …:BR, …:US), status
 * from knowledge of the ISO 3166-2 lists as of 2026 (status: knowledge):
 * - CA: 10 provinces and 3 territories (GST/HST/QST/PST differ by province);
 * - BR: 26 states and the Federal District (ICMS differs by state);
 * - US: 50 states and the District of Columbia (state sales tax), plus the outlying areas that
 *   ISO lists as US subdivisions (AS, GU, MP, PR, UM, VI), which have their own ISO 3166-1 codes too.
 */
const SUBDIVISIONS: Readonly<Record<string, string>> = {
  CA: 'AB BC MB NB NL NS NT NU ON PE QC SK YT',
  BR: 'AC AL AM AP BA CE DF ES GO MA MG MS MT PA PB PE PI PR RJ RN RO RR RS SC SE SP TO',
  US: `AK AL AR AZ CA CO CT DC DE FL GA HI IA ID IL IN KS KY LA MA MD ME MI MN MO MS MT NC ND NE NH NJ NM NV NY OH OK OR PA RI SC SD TN TX UT VA VT WA WI WV WY
       AS GU MP PR UM VI`,
};

const CODES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(SUBDIVISIONS).map(([country, list]) => [
    country,
    new Set(
      list
        .trim()
        .split(/\s+/)
        .map((code) => `${country}-${code}`),
    ),
  ]),
);

/** The countries whose subdivisions are known here. */
export const COUNTRIES_WITH_SUBDIVISIONS: readonly string[] = [...CODES.keys()];

/** Whether `code` (e.g. `CA-ON`) is a known ISO 3166-2 subdivision. */
export function isSubdivisionCode(code: string): boolean {
  return CODES.get(code.slice(0, 2))?.has(code) ?? false;
}

/** The subdivisions of a country, or undefined when none are known here. */
export function subdivisionsOf(country: string): readonly string[] | undefined {
  const codes = CODES.get(country);
  return codes === undefined ? undefined : [...codes].sort();
}
