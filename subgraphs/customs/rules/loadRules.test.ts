import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRules, rulesOf } from './loadRules.js';
import { isHomePage } from './schema/ruleBase.js';

const rules = loadRules();
const on = (day: string): Date => new Date(`${day}T12:00:00Z`);
const TODAY = on('2026-11-26');

describe('customs rules data', () => {
  it('covers every destination the platform ships to, each with a valuation rule today', () => {
    for (const code of ['DE', 'FR', 'NL', 'IT', 'ES', 'GB', 'US', 'CA', 'AU', 'JP', 'CN', 'BR', 'MY', 'SG', 'KR', 'IN', 'MX']) {
      const r = rules.rulesAt(code, TODAY);
      expect(r.valuation.thresholdCurrency).toMatch(/^[A-Z]{3}$/);
      expect(r.duty.default?.assumption).toBe(true);
    }
  });

  it('works out the rules of a destination and day once, whatever the time of day, and still refuses unknown destinations', () => {
    const fresh = loadRules();
    const morning = fresh.rulesAt('DE', new Date('2020-09-01T01:00:00Z'));
    expect(fresh.rulesAt('DE', new Date('2020-09-01T23:00:00Z'))).toBe(morning);
    expect(fresh.rulesAt('DE', on('2020-09-02'))).not.toBe(morning);
    expect(fresh.rulesAt('FR', new Date('2020-09-01T01:00:00Z')).destination).toBe('FR');
    expect(() => fresh.rulesAt('XX', TODAY)).toThrow(/unknown destination XX/);
    expect(() => fresh.rulesAt('XX', TODAY)).toThrow(/unknown destination XX/);
  });

  it('uses FOB for US, CA, AU and CIF elsewhere', () => {
    expect(['US', 'CA', 'AU'].map((c) => rules.rulesAt(c, TODAY).valuation.basis)).toEqual(['FOB', 'FOB', 'FOB']);
    expect(rules.rulesAt('JP', TODAY).valuation.basis).toBe('CIF');
    expect(rules.rulesAt('IT', TODAY).valuation.basis).toBe('CIF');
  });

  it('gives DE 19 % VAT today, 16 % during the 2020 temporary cut, and 7 % for books', () => {
    const std = (d: Date) => rules.rulesAt('DE', d).taxes.find((t) => t.scope === 'standard')?.rateBp;
    expect(std(TODAY)).toBe(1900);
    expect(std(on('2020-09-01'))).toBe(1600);
    expect(rules.rulesAt('DE', TODAY).taxes.find((t) => t.hsPrefixes?.includes('4901'))?.rateBp).toBe(700);
  });

  it('switches EU low-value duty treatment on 1 July 2026', () => {
    const before = rules.rulesAt('DE', on('2026-06-30'));
    expect(before.deMinimis.find((d) => d.appliesTo === 'duty')?.threshold).toEqual({ amount: '150.00', currency: 'EUR' });
    expect(before.specialRegimes.some((s) => s.kind === 'flatDutyPerLine')).toBe(false);

    const after = rules.rulesAt('DE', on('2026-07-02'));
    expect(after.deMinimis.find((d) => d.appliesTo === 'duty')?.threshold).toBeNull();
    const flat = after.specialRegimes.find((s) => s.kind === 'flatDutyPerLine');
    expect(flat?.kind === 'flatDutyPerLine' ? flat.amountPerLine : undefined).toEqual({ amount: '3.00', currency: 'EUR' });
    // IOSS keeps import VAT away from the border in both periods.
    expect(after.specialRegimes.some((s) => s.id === 'EU-IOSS')).toBe(true);
  });

  it('has no US de minimis today but had $800 on 2025-01-01, and none for CN/HK from 2 May 2025', () => {
    expect(rules.rulesAt('US', TODAY).deMinimis.every((d) => d.threshold === null)).toBe(true);
    expect(rules.rulesAt('US', on('2025-01-01')).deMinimis.map((d) => d.threshold?.amount)).toEqual(['800.00']);
    const june = rules.rulesAt('US', on('2025-06-01')).deMinimis;
    expect(june.find((d) => d.origins?.include?.includes('CN'))?.threshold).toBeNull();
    expect(june.find((d) => d.origins?.exclude?.includes('CN'))?.threshold?.amount).toBe('800.00');
  });

  it('models Remessa Conforme as two bands with the USD 20 deduction, ICMS grossed up', () => {
    const br = rules.rulesAt('BR', TODAY);
    const rc = br.specialRegimes.find((s) => s.id === 'BR-remessa-conforme');
    expect(rc?.kind).toBe('bandedFlatRate');
    if (rc?.kind !== 'bandedFlatRate') return;
    expect(rc.bands).toHaveLength(2);
    expect(rc.bands[0]).toEqual({ upTo: { amount: '50.00', currency: 'USD' }, rateBp: 2000 });
    expect(rc.bands[1]?.rateBp).toBe(6000);
    expect(rc.bands[1]?.deduction).toEqual({ amount: '20.00', currency: 'USD' });
    expect(br.taxes.every((t) => t.kind === 'ICMS' && t.computation === 'gross-up')).toBe(true);
    expect(br.taxes.find((t) => t.regions?.includes('BR-SP'))?.rateBp).toBe(1700);
    expect(br.taxes.find((t) => t.regions?.includes('BR-MG'))?.rateBp).toBe(2000);
  });

  it('levies CN cross-border retail VAT at 70 % of 13 % = 9.1 %', () => {
    const cn = rules.rulesAt('CN', TODAY);
    const cbec = cn.specialRegimes.find((s) => s.kind === 'crossBorderRetail');
    const vat = cn.taxes.find((t) => t.scope === 'standard')?.rateBp ?? 0;
    expect(cbec?.kind === 'crossBorderRetail' ? (vat * cbec.taxFactorBp) / 10000 : undefined).toBe(910);
    expect(cbec?.kind === 'crossBorderRetail' ? cbec.singleTransactionLimit.amount : undefined).toBe('5000.00');
  });

  it('values JP personal imports at 60 % and waives duty and tax up to JPY 10,000', () => {
    const jp = rules.rulesAt('JP', TODAY);
    const pu = jp.specialRegimes.find((s) => s.kind === 'personalUseValuation');
    expect(pu?.kind === 'personalUseValuation' ? pu.factorBp : undefined).toBe(6000);
    expect(jp.deMinimis[0]?.threshold).toEqual({ amount: '10000', currency: 'JPY' });
  });

  it('keeps the Mexican courier global rate at 33.5 % for non-FTA origins after 15 Aug 2025, citing the RGCE of each year', () => {
    const globalRate = (d: Date) => rules.rulesAt('MX', d).specialRegimes.find((s) => s.id === 'MX-courier-global-rate-non-FTA');
    const rate = (d: Date) => {
      const g = globalRate(d);
      return g?.kind === 'bandedFlatRate' ? g.bands[0]?.rateBp : undefined;
    };
    expect(rate(on('2025-03-01'))).toBe(1900);
    expect(rate(on('2025-12-31'))).toBe(3350);
    expect(rate(TODAY)).toBe(3350);
    // 2025 cites the SAT's page of the 2025 rules (the RGCE 2025's DOF note number is not known), 2026 the RGCE 2026's DOF page.
    const rgce2025 = 'https://www.sat.gob.mx/minisitio/NormatividadRMFyRGCE/normatividad_rmf_rgce2025.html';
    expect([on('2025-03-01'), on('2025-12-31')].map((d) => globalRate(d)?.source.url)).toEqual([rgce2025, rgce2025]);
    const rgce2026 = 'https://www.dof.gob.mx/nota_detalle.php?codigo=5777199&fecha=27/12/2025';
    expect(globalRate(on('2026-01-01'))?.source.url).toBe(rgce2026);
    const mx = rules.rulesAt('MX', TODAY);
    expect([...mx.deMinimis, ...mx.specialRegimes].filter((r) => r.id.startsWith('MX-courier')).map((r) => r.source.url)).toEqual([
      rgce2026,
      rgce2026,
      rgce2026,
    ]);
  });

  it('exempts printed books from IN IGST under Notification 2/2017 and, from 22 Sep 2025, under 10/2025', () => {
    const books = (d: Date) => rules.rulesAt('IN', d).taxes.find((t) => t.id === 'IN-IGST-books');
    expect(books(on('2025-09-21'))).toMatchObject({ rateBp: 0, hsPrefixes: ['4901'] });
    expect(books(on('2025-09-21'))?.source.title).toMatch(/^Notification No\. 2\/2017-Integrated Tax \(Rate\)/);
    expect(books(on('2025-09-22'))).toMatchObject({ rateBp: 0, hsPrefixes: ['4901'] });
    expect(books(on('2025-09-22'))?.source.title).toMatch(/^Notification No\. 10\/2025-Integrated Tax \(Rate\)/);
    expect([on('2025-09-21'), TODAY].map((d) => isHomePage(books(d)?.source.url ?? ''))).toEqual([false, false]);
  });

  it('looks up duty by longest HS prefix and falls back to a flagged default', () => {
    const eu = rules.rulesAt('FR', TODAY).duty;
    expect(eu.rateFor('6110.11.10')?.rateBp).toBe(1050);
    expect(eu.rateFor('6110.20')?.rateBp).toBe(1200);
    expect(eu.rateFor('9999.99')?.id).toBe('EU-MFN-default');
  });

  it('lists RCEP members and EU-Japan preferences for an EU importer', () => {
    const rcep = rules.agreements.find((a) => a.id === 'RCEP');
    expect(rcep?.members.map((m) => m.country)).toEqual(expect.arrayContaining(['CN', 'JP', 'KR', 'MY', 'SG', 'AU', 'NZ']));
    const epa = rules.rulesAt('NL', TODAY).agreements.find((a) => a.agreement.id === 'EU-JP-EPA');
    expect(epa?.partners).toEqual(['JP']);
    expect(epa?.preferentialRateFor('610910')?.rateBp).toBe(0);
  });

  it('charges specific excise on wine and spirits in GB, US, AU and JP and on beer in GB, US and JP today, by strength band in GB', () => {
    const gb = rules.rulesAt('GB', TODAY).excise;
    expect(gb.find((e) => e.hsPrefixes.includes('2204'))).toMatchObject({ measure: 'litre-of-alcohol', minAbvBp: 850, maxAbvBp: 2200 });
    expect(gb.find((e) => e.hsPrefixes.includes('2208'))).toMatchObject({ minAbvBp: 2201, rate: { amount: '33.99', currency: 'GBP' } });
    expect(rules.rulesAt('GB', on('2025-06-01')).excise.find((e) => e.hsPrefixes.includes('2208'))?.rate.amount).toBe('32.79');
    expect(
      rules
        .rulesAt('US', TODAY)
        .excise.map((e) => e.measure)
        .sort(),
    ).toEqual(['thousand-sticks', 'us-barrel', 'us-proof-gallon', 'us-wine-gallon']);
    expect(rules.rulesAt('AU', TODAY).excise[0]).toMatchObject({ chargeKind: 'DUTY', inImportTaxBase: true });
    expect(rules.rulesAt('JP', TODAY).excise.find((e) => e.hsPrefixes.includes('2208'))?.plusPerPointAbove?.abvBp).toBe(3700);
  });

  it('charges cigarettes per 1,000 sticks in GB, DE, NZ and US, with a share of the retail price and a minimum where the law has them', () => {
    const cigarettes = (destination: string, day = TODAY) =>
      rules.rulesAt(destination, day).excise.find((e) => e.hsPrefixes.includes('240220'));
    expect(cigarettes('GB')).toMatchObject({ measure: 'thousand-sticks', rate: { amount: '394.09' }, retailPriceShareBp: 1650 });
    expect(cigarettes('GB', on('2025-06-01'))?.minimum?.rate.amount).toBe('446.67');
    // The rate of 6 pm on 26 November 2025 applies from the next whole day.
    expect(cigarettes('GB', on('2025-11-26'))?.rate.amount).toBe('334.58');
    expect(cigarettes('GB', on('2025-11-27'))).toMatchObject({ rate: { amount: '353.50' }, retailPriceShareBp: 1650 });
    expect(cigarettes('GB', on('2026-09-30'))?.rate.amount).toBe('353.50');
    expect(cigarettes('DE')).toMatchObject({ retailPriceShareBp: 1984, minimum: { rate: { amount: '251.06' }, lessRetailVat: true } });
    expect(cigarettes('NZ')).toMatchObject({ chargeKind: 'DUTY', rate: { amount: '1309.71', currency: 'NZD' } });
    expect(cigarettes('US')?.inImportTaxBase).toBe(false);
    expect(cigarettes('FR')).toBeUndefined();
    expect(rules.rulesAt('GB', TODAY).excise.find((e) => e.hsPrefixes.includes('240319'))).toMatchObject({
      measure: 'kilogram',
      rate: { amount: '574.30' },
    });
  });

  it('charges beer by degree Plato in DE, per litre of alcohol in FR, above 1.15 % in AU and per tonne of 988 l in CN', () => {
    expect(rules.rulesAt('DE', TODAY).excise.find((e) => e.hsPrefixes.includes('2203'))).toMatchObject({
      measure: 'hectolitre-degree-plato',
    });
    expect(rules.rulesAt('FR', on('2025-06-01')).excise[0]?.rate.amount).toBe('8.10');
    expect(rules.rulesAt('FR', TODAY).excise[0]?.rate.amount).toBe('8.24');
    expect(rules.rulesAt('AU', on('2017-03-01')).excise.find((e) => e.id === 'AU-excise-equivalent-beer')).toMatchObject({
      exemptAbvBp: 115,
      rate: { amount: '48.57', currency: 'AUD' },
      chargeKind: 'DUTY',
    });
    expect(rules.rulesAt('AU', on('2015-03-01')).excise.find((e) => e.id === 'AU-excise-equivalent-beer')?.rate.amount).toBe('47.09');
    expect(rules.rulesAt('AU', on('2015-09-01')).excise.some((e) => e.id === 'AU-excise-equivalent-beer')).toBe(false);
    expect(rules.rulesAt('AU', on('2018-09-01')).excise.find((e) => e.id === 'AU-excise-equivalent-beer')?.rate.amount).toBe('49.90');
    expect(rules.rulesAt('AU', TODAY).excise.some((e) => e.id === 'AU-excise-equivalent-beer')).toBe(false);
    expect(rules.rulesAt('CN', TODAY).excise[0]).toMatchObject({ measure: 'tonne', litresPerTonne: 988 });
  });

  it('cites the page of the act for every rule in force today', () => {
    const homePages: string[] = [];
    for (const code of [...rules.destinations.keys()].filter((c) => c !== 'EU')) {
      const r = rules.rulesAt(code, TODAY);
      const inForce = [
        r.valuation,
        r.rounding,
        ...(r.exchangeRate ? [r.exchangeRate] : []),
        ...r.taxes,
        ...r.deMinimis,
        ...r.specialRegimes,
        ...r.additionalDuties,
        ...r.dutySurcharges,
        ...r.fees,
        ...r.excise,
        ...(r.domesticSale ? [r.domesticSale] : []),
        ...r.returnRelief,
        ...(r.duty.default ? [r.duty.default] : []),
        ...r.duty.rates,
      ];
      for (const rule of inForce) if (isHomePage(rule.source.url)) homePages.push(`${code} ${rule.id}`);
    }
    expect(homePages).toEqual([]);
  });

  it('cites a source URL on every rule', () => {
    for (const d of rules.destinations.values()) {
      for (const r of rulesOf(d)) {
        expect(r.source.url, r.id).toMatch(/^https?:\/\//);
      }
    }
  });
});

describe('validation at load', () => {
  // Copies the real data into a scratch dir, applies one corruption, and expects a named error.
  const corrupt = (file: string, edit: (json: Record<string, unknown>) => void): (() => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'customs-rules-'));
    for (const part of ['destinations', 'dutyRates', 'agreements.json']) {
      cpSync(fileURLToPath(new URL(part, import.meta.url)), join(dir, part), { recursive: true });
    }
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    edit(json);
    writeFileSync(join(dir, file), JSON.stringify(json));
    return () => loadRules(pathToFileURL(`${dir}/`));
  };
  const firstTax = (j: Record<string, unknown>): Record<string, unknown> => (j['taxes'] as Record<string, unknown>[])[0] ?? {};

  it('rejects validTo before validFrom', () => {
    expect(
      corrupt('destinations/GB.json', (j) => {
        firstTax(j)['validTo'] = '2000-01-01';
      }),
    ).toThrow(/GB\.json: \$\.taxes\[0\]\.validTo/);
  });
  it('rejects a rate outside [0, 1]', () => {
    expect(
      corrupt('destinations/GB.json', (j) => {
        firstTax(j)['rateBp'] = 12000;
      }),
    ).toThrow(/GB\.json: \$\.taxes\[0\]\.rateBp: .*10000/);
  });
  it('rejects a rate whose source has no status, and a field the schema does not know', () => {
    expect(
      corrupt('destinations/GB.json', (j) => {
        delete (firstTax(j)['source'] as Record<string, unknown>)['status'];
      }),
    ).toThrow(/GB\.json: \$\.taxes\[0\]\.source\.status/);
    expect(
      corrupt('destinations/GB.json', (j) => {
        firstTax(j)['rateBP'] = 2000;
      }),
    ).toThrow(/GB\.json: \$\.taxes\[0\]: Unrecognized key/);
  });
  it('rejects a missing source', () => {
    expect(
      corrupt('destinations/GB.json', (j) => {
        delete firstTax(j)['source'];
      }),
    ).toThrow(/GB\.json: \$\.taxes\[0\]\.source/);
  });
  it("rejects an excise rate in another currency than the destination's, and a strength band upside down", () => {
    const firstExcise = (j: Record<string, unknown>): Record<string, unknown> => (j['excise'] as Record<string, unknown>[])[0] ?? {};
    expect(
      corrupt('destinations/GB.json', (j) => {
        firstExcise(j)['rate'] = { amount: '30.00', currency: 'EUR' };
      }),
    ).toThrow(/GB\.json: \$\.excise: an excise rate is written in the destination's currency/);
    expect(
      corrupt('destinations/GB.json', (j) => {
        firstExcise(j)['minAbvBp'] = 3000;
      }),
    ).toThrow(/GB\.json: \$\.excise\[0\]\.minAbvBp: minAbvBp is above maxAbvBp/);
  });
  it('rejects a retail price share or a minimum on a rate that is not per 1,000 sticks or per kilogram, and a minimum in another currency', () => {
    const excise = (j: Record<string, unknown>, id: string): Record<string, unknown> =>
      (j['excise'] as Record<string, unknown>[]).find((rule) => rule['id'] === id) ?? {};
    expect(
      corrupt('destinations/GB.json', (j) => {
        excise(j, 'GB-alcohol-duty-wine')['retailPriceShareBp'] = 1650;
      }),
    ).toThrow(
      /GB\.json: \$\.excise\[\d+\]\.measure: a retail price share or a minimum applies to a rate per 1,000 sticks or per kilogram only/,
    );
    expect(
      corrupt('destinations/GB.json', (j) => {
        excise(j, 'GB-tobacco-duty-cigarettes')['minimum'] = { rate: { amount: '500.00', currency: 'EUR' }, lessRetailVat: false };
      }),
    ).toThrow(/GB\.json: \$\.excise: an excise rate is written in the destination's currency/);
  });
  it('tells a home page or a portal main page from a page inside a site', () => {
    expect(
      ['https://www.cbic.gov.in/', 'http://www.customs.gov.cn', 'https://www.law.go.kr/LSW/eng/engMain.do', 'https://x.gov/index.html'].map(
        isHomePage,
      ),
    ).toEqual([true, true, true, true]);
    expect(
      [
        'https://www.customs.go.jp/tetsuzuki/kawase/index.htm',
        'https://wetten.overheid.nl/BWBR0002629',
        'https://tolltariffen.toll.no/templates_TAD/Tolltariffen/Chapter.aspx?id=375954&epslanguage=no&bk=61.07',
        'https://www.gov.uk/?q=vat',
      ].map(isHomePage),
    ).toEqual([false, false, false, false]);
  });
  it('rejects a home page cited without saying why, and a reason given for a page that is not a home page', () => {
    const source = (j: Record<string, unknown>) => firstTax(j)['source'] as Record<string, unknown>;
    expect(
      corrupt('destinations/GB.json', (j) => {
        source(j)['url'] = 'https://www.gov.uk/';
      }),
    ).toThrow(/GB\.json: \$\.taxes\[0\]\.source\.url: https:\/\/www\.gov\.uk\/ is a home page/);
    expect(
      corrupt('destinations/GB.json', (j) => {
        source(j)['url'] = 'https://www.legislation.gov.uk';
      }),
    ).toThrow(/is a home page/);
    expect(
      corrupt('destinations/GB.json', (j) => {
        source(j)['homePage'] = 'none found';
      }),
    ).toThrow(/GB\.json: \$\.taxes\[0\]\.source\.homePage: .* is not a home page/);
    expect(
      corrupt('destinations/GB.json', (j) => {
        Object.assign(source(j), { url: 'https://www.gov.uk/', homePage: 'No page of the act was found.' });
      }),
    ).not.toThrow();
  });
  it('rejects overlapping periods for the same rule id', () => {
    expect(
      corrupt('destinations/DE.json', (j) => {
        delete firstTax(j)['validTo'];
      }),
    ).toThrow(/EU-VAT-DE-standard.*overlaps/);
  });
});

describe('relief on rejected goods sent back', () => {
  it('repays EU duty on defective goods (UCC art. 118) for every member state, never on a change of mind', () => {
    for (const code of ['DE', 'FR', 'NL', 'IT', 'ES']) {
      const [relief, ...others] = rules.rulesAt(code, TODAY).returnRelief;
      expect(others).toEqual([]);
      expect(relief?.id).toBe('EU-UCC-118-rejected-goods');
      expect(relief?.charges).toEqual(['DUTY']);
      expect(relief?.reasons).toContain('DEFECTIVE');
      expect(relief?.reasons).not.toContain('CHANGED_MIND');
    }
  });

  it('repays UK duty and import VAT, US duty less 1 %, and states none where no relief is sourced', () => {
    expect(rules.rulesAt('GB', TODAY).returnRelief.map((r) => r.charges)).toEqual([['DUTY', 'IMPORT_VAT']]);
    expect(rules.rulesAt('US', TODAY).returnRelief.map((r) => r.retainedBp)).toEqual([100]);
    expect(rules.rulesAt('US', on('2018-02-23')).returnRelief).toEqual([]);
    expect(rules.rulesAt('AU', TODAY).returnRelief).toEqual([]);
  });
});
