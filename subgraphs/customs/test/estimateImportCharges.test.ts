import { describe, expect, it } from 'vitest';
import { ESTIMATE, executeCustoms, type Charges } from './executeCustoms.js';

/**
 * The documented table of import-charge cases. Each name cites the rule it exercises; amounts were
 * worked out by hand from the rules data and the fixed test rates (1 EUR = 1.16 USD = 6.20 BRL =
 * 21.20 MXN = 104 INR = 180.50 JPY), every line rounded once, half-up.
 */
interface Case {
  name: string;
  input: Record<string, unknown>;
  /** duties, taxes, fees, total, in the destination currency. */
  expected: [duties: string, taxes: string, fees: string, total: string, currency: string];
  deMinimisApplied?: boolean;
  collectedAtSale?: boolean;
  /** Substrings expected somewhere in the lines (formula, description or source). */
  mentions?: string[];
}

const item = (hsCode: string, amount: string, currency: string, quantity = 1) => ({ hsCode, quantity, value: { amount, currency } });
const money = (amount: string, currency: string) => ({ amount, currency });

const CASES: Case[] = [
  {
    name: 'DE 2026-11-26, €300 cotton T-shirt (610910) from CN, no shipping: duty 12% (EU-MFN-6109), VAT 19% on value plus duty (EU-VAT-DE-standard)',
    input: {
      origin: 'CN',
      destination: 'DE',
      incoterm: 'DDP',
      date: '2026-11-26',
      items: [item('610910', '300.00', 'EUR')],
      shipping: money('0.00', 'EUR'),
    },
    expected: ['36.00', '63.84', '0.00', '99.84', 'EUR'],
    deMinimisApplied: false,
    mentions: ['12% × 300.00 EUR', '19% × (300.00 + 36.00) EUR', 'EU-MFN-6109', 'EU-VAT-DE-standard'],
  },
  {
    name: 'DE 2026-06-30, €100 T-shirt + €8 freight from CN: no duty under the €150 relief (EU-duty-relief-150), VAT 19% on CIF',
    input: {
      origin: 'CN',
      destination: 'DE',
      date: '2026-06-30',
      items: [item('610910', '100.00', 'EUR')],
      shipping: money('8.00', 'EUR'),
    },
    expected: ['0.00', '20.52', '0.00', '20.52', 'EUR'],
    deMinimisApplied: true,
    mentions: ['intrinsic value 100.00 EUR ≤ 150.00 EUR', 'EU-duty-relief-150', '19% × (100.00 + 8.00) EUR'],
  },
  {
    name: 'DE 2026-07-01, the same parcel: relief abolished, €3 per tariff subheading (EU-flat-duty-3-per-line), duty in the VAT base',
    input: {
      origin: 'CN',
      destination: 'DE',
      date: '2026-07-01',
      items: [item('610910', '100.00', 'EUR')],
      shipping: money('8.00', 'EUR'),
    },
    expected: ['3.00', '21.09', '0.00', '24.09', 'EUR'],
    deMinimisApplied: false,
    mentions: ['3.00 EUR × 1 (610910)', '19% × (100.00 + 8.00 + 3.00) EUR', 'EU-flat-duty-3-per-line'],
  },
  {
    name: 'DE 2026-07-01, two T-shirt lines and headphones (€120): two distinct subheadings = €6 (EU-flat-duty-3-per-line)',
    input: {
      origin: 'CN',
      destination: 'DE',
      date: '2026-07-01',
      items: [item('610910', '60.00', 'EUR', 3), item('6109.10', '40.00', 'EUR', 2), item('851830', '20.00', 'EUR')],
      shipping: money('8.00', 'EUR'),
    },
    expected: ['6.00', '25.46', '0.00', '31.46', 'EUR'],
    mentions: ['3.00 EUR × 2 (610910, 851830)', '19% × (120.00 + 8.00 + 6.00) EUR'],
  },
  {
    name: 'DE 2026-11-26, €100 with an IOSS number: VAT charged at sale, none at the border (EU-IOSS); the €3 duty still applies',
    input: { origin: 'CN', destination: 'DE', date: '2026-11-26', iossNumber: 'IM2760000001', items: [item('610910', '100.00', 'EUR')] },
    expected: ['3.00', '0.00', '0.00', '3.00', 'EUR'],
    collectedAtSale: true,
    mentions: ['19% × 100.00 EUR = 19.00 EUR charged at checkout', 'EU-IOSS'],
  },
  {
    name: 'DE 2026-06-01, €1.50 parcel: VAT 19% × 1.50 = 0.285 rounds half-up to 0.29 (customs rounding), not half-even 0.28',
    input: { origin: 'CN', destination: 'DE', date: '2026-06-01', items: [item('610910', '1.50', 'EUR')] },
    expected: ['0.00', '0.29', '0.00', '0.29', 'EUR'],
  },
  {
    name: 'FR 2026-11-26, €100 T-shirt: €3 EU duty plus the €2 national small-parcel tax per item category (FR-taxe-petits-colis)',
    input: { origin: 'CN', destination: 'FR', date: '2026-11-26', items: [item('610910', '100.00', 'EUR')] },
    expected: ['3.00', '20.60', '2.00', '25.60', 'EUR'],
    mentions: ['FR-taxe-petits-colis', '20% × (100.00 + 3.00) EUR'],
  },
  {
    name: 'DE 2026-11-26, €200 T-shirt from JP: 0% under the EU-Japan EPA (EUJP-EU-61) instead of 12% MFN',
    input: { origin: 'JP', destination: 'DE', date: '2026-11-26', items: [item('610910', '200.00', 'EUR')] },
    expected: ['0.00', '38.00', '0.00', '38.00', 'EUR'],
    mentions: ['preferential rate under the EU-Japan Economic Partnership Agreement (MFN 12%)', 'EUJP-EU-61'],
  },
  {
    name: 'DE from PL: inside the EU customs union, nothing is owed at delivery',
    input: { origin: 'PL', destination: 'DE', date: '2026-11-26', items: [item('610910', '100.00', 'EUR')] },
    expected: ['0.00', '0.00', '0.00', '0.00', 'EUR'],
    mentions: ['same customs territory'],
  },
  {
    name: 'GB 2026-11-26, £100 + £10 freight: no duty under £135 (GB-duty-relief-135), VAT collected at sale (GB-135-supply-vat-at-sale)',
    input: {
      origin: 'CN',
      destination: 'GB',
      date: '2026-11-26',
      items: [item('610910', '100.00', 'GBP')],
      shipping: money('10.00', 'GBP'),
    },
    expected: ['0.00', '0.00', '0.00', '0.00', 'GBP'],
    deMinimisApplied: true,
    collectedAtSale: true,
    mentions: ['20% × (100.00 + 10.00) GBP = 22.00 GBP charged at checkout', 'GB-135-supply-vat-at-sale', 'GB-duty-relief-135'],
  },
  {
    name: 'GB 2026-11-26, £200 + £10 freight: duty 12% CIF (GB-MFN-6109), import VAT 20% on CIF plus duty',
    input: {
      origin: 'CN',
      destination: 'GB',
      date: '2026-11-26',
      items: [item('610910', '200.00', 'GBP')],
      shipping: money('10.00', 'GBP'),
    },
    expected: ['25.20', '47.04', '0.00', '72.24', 'GBP'],
    mentions: ['12% × (200.00 + 10.00) GBP', '20% × (200.00 + 10.00 + 25.20) GBP'],
  },
  {
    name: 'US 2025-08-28, $100 T-shirt from DE: $800 de minimis still open to non-CN origins (US-deminimis-1321-non-CN-HK)',
    input: { origin: 'DE', destination: 'US', date: '2025-08-28', items: [item('610910', '100.00', 'USD')] },
    expected: ['0.00', '0.00', '0.00', '0.00', 'USD'],
    deMinimisApplied: true,
  },
  {
    name: 'US 2025-09-15, $100 T-shirt + $10 freight from CN: no de minimis since 2025-08-29 (US-deminimis-suspended-all), 16.5% on FOB',
    input: {
      origin: 'CN',
      destination: 'US',
      date: '2025-09-15',
      items: [item('610910', '100.00', 'USD')],
      shipping: money('10.00', 'USD'),
    },
    expected: ['16.50', '0.00', '0.00', '16.50', 'USD'],
    deMinimisApplied: false,
    mentions: ['16.5% × 100.00 USD'],
  },
  {
    name: 'US 2026-03-15, $100 T-shirt from CN: MFN 16.5% plus the 10% Section 122 surcharge (US-section-122-surcharge)',
    input: { origin: 'CN', destination: 'US', date: '2026-03-15', items: [item('610910', '100.00', 'USD')] },
    expected: ['26.50', '0.00', '0.00', '26.50', 'USD'],
    mentions: ['US-section-122-surcharge', '10% × 100.00 USD'],
  },
  {
    name: 'US 2026-03-15, $100 T-shirt from MX: 0% under USMCA and no Section 122 surcharge for USMCA goods',
    input: { origin: 'MX', destination: 'US', date: '2026-03-15', items: [item('610910', '100.00', 'USD')] },
    expected: ['0.00', '0.00', '0.00', '0.00', 'USD'],
    mentions: ['USMCA-originating-all'],
  },
  {
    name: 'JP 2026-11-26, ¥15,000 toy + ¥1,000 freight: 60% personal-use value (JP-personal-use-60pct) = ¥10,000, within the ¥10,000 waiver (JP-deminimis-10000)',
    input: { origin: 'US', destination: 'JP', date: '2026-11-26', items: [item('950300', '15000', 'JPY')], shipping: money('1000', 'JPY') },
    expected: ['0', '0', '0', '0', 'JPY'],
    deMinimisApplied: true,
    mentions: ['customs value 10000 JPY ≤ 10000 JPY'],
  },
  {
    name: 'JP 2026-11-26, ¥30,000 green tea + ¥1,500 freight from CN: duty 17% and reduced 8% consumption tax on 60% value, whole yen',
    input: { origin: 'CN', destination: 'JP', date: '2026-11-26', items: [item('090210', '30000', 'JPY')], shipping: money('1500', 'JPY') },
    expected: ['3315', '1825', '0', '5140', 'JPY'],
    mentions: ['17% × (60% × 30000 + 1500) JPY', '8% × (60% × 30000 + 1500 + 3315) JPY', 'JP-CT-reduced-food'],
  },
  {
    name: 'JP 2026-11-26, ¥10,000 knitted T-shirt from CN: knitted apparel is excluded from the ¥10,000 waiver (JP-deminimis-10000 exclusions)',
    input: { origin: 'CN', destination: 'JP', date: '2026-11-26', items: [item('610910', '10000', 'JPY')] },
    expected: ['654', '665', '0', '1319', 'JPY'],
    deMinimisApplied: false,
  },
  {
    name: 'JP 2026-11-26, €100 T-shirt from FR: EU member claims the EU-Japan EPA (EUJP-JP-61); EUR converted to whole yen',
    input: { origin: 'FR', destination: 'JP', date: '2026-11-26', items: [item('610910', '100.00', 'EUR')] },
    expected: ['0', '1083', '0', '1083', 'JPY'],
    mentions: ['EUJP-JP-61', '10% × 60% × 18050 JPY', '1 EUR = 180.500 JPY'],
  },
  {
    name: 'CN 2026-11-26, CNY 1,000 cosmetics from JP: cross-border e-commerce, duty 0 and VAT 13% × 70% = 9.1% (CN-CBEC-retail-import)',
    input: { origin: 'JP', destination: 'CN', date: '2026-11-26', items: [item('330499', '1000.00', 'CNY')] },
    expected: ['0.00', '91.00', '0.00', '91.00', 'CNY'],
    mentions: ['13% × 70% × 1000.00 CNY', 'CN-CBEC-retail-import'],
  },
  {
    name: 'CN 2026-11-26, CNY 6,000 cosmetics: above the CNY 5,000 single-transaction limit, general trade duty and full 13% VAT',
    input: { origin: 'JP', destination: 'CN', date: '2026-11-26', items: [item('330499', '6000.00', 'CNY')] },
    expected: ['450.00', '838.50', '0.00', '1288.50', 'CNY'],
    mentions: ['CN-MFN-default'],
  },
  {
    name: 'BR 2026-11-26, $40 + $5 freight from CN: Remessa Conforme 20% up to USD 50 (BR-remessa-conforme), ICMS 17% grossed up',
    input: { origin: 'CN', destination: 'BR', date: '2026-11-26', items: [item('950300', '40.00', 'USD')], shipping: money('5.00', 'USD') },
    expected: ['48.10', '59.11', '0.00', '107.21', 'BRL'],
    mentions: [
      '20% × (213.79 + 26.72) BRL',
      'customs value 45.00 USD ≤ 50.00 USD',
      '17% × (213.79 + 26.72 + 48.10) BRL / (1 − 17%)',
      '1 USD = 5.34483 BRL',
    ],
  },
  {
    name: 'BR 2026-11-26, $100 from CN: Remessa Conforme 60% minus USD 20 above USD 50, ICMS 17% grossed up (BR-ICMS-RTS-17)',
    input: { origin: 'CN', destination: 'BR', date: '2026-11-26', items: [item('950300', '100.00', 'USD')] },
    expected: ['213.79', '153.26', '0.00', '367.05', 'BRL'],
    mentions: ['60% × 534.48 BRL − 20.00 USD (106.90 BRL)', 'BR-ICMS-RTS-17'],
  },
  {
    name: 'MX 2026-11-26, $100 from CN by courier: global rate 33.5% replaces duty and IVA (MX-courier-global-rate-non-FTA)',
    input: { origin: 'CN', destination: 'MX', date: '2026-11-26', items: [item('950300', '100.00', 'USD')] },
    expected: ['612.24', '0.00', '0.00', '612.24', 'MXN'],
  },
  {
    name: 'IN 2026-11-26, $100 toy from CN: heading 9804 at 10% (IN-personal-import-9804), SWS 10% of duty, IGST 18% on value plus both',
    input: { origin: 'CN', destination: 'IN', date: '2026-11-26', items: [item('950300', '100.00', 'USD')] },
    expected: ['986.21', '1791.31', '0.00', '2777.52', 'INR'],
  },
  {
    name: 'CA 2026-11-26, CAD 100 + CAD 20 freight from CN: duty 18% on FOB (CA-MFN-6109), GST 5% on value for duty plus duty',
    input: {
      origin: 'CN',
      destination: 'CA',
      date: '2026-11-26',
      items: [item('610910', '100.00', 'CAD')],
      shipping: money('20.00', 'CAD'),
    },
    expected: ['18.00', '5.90', '0.00', '23.90', 'CAD'],
  },
  {
    name: 'AU 2026-11-26, AUD 100: no duty or GST at the border up to AUD 1,000 (AU-deminimis-1000), GST collected at sale (AU-LVG-GST)',
    input: { origin: 'CN', destination: 'AU', date: '2026-11-26', items: [item('610910', '100.00', 'AUD')] },
    expected: ['0.00', '0.00', '0.00', '0.00', 'AUD'],
    deMinimisApplied: true,
    collectedAtSale: true,
  },
  {
    name: 'KR 2026-11-26, $100 green tea from the US: food is limited to the USD 150 list clearance, which covers US origin too (KR-list-clearance-150)',
    input: { origin: 'US', destination: 'KR', date: '2026-11-26', items: [item('090210', '100.00', 'USD')] },
    expected: ['0', '0', '0', '0', 'KRW'],
    deMinimisApplied: true,
  },
];

describe('estimateImportCharges: the documented case table', () => {
  it.each(CASES)('$name', async ({ input, expected, deMinimisApplied, collectedAtSale, mentions }) => {
    const { result } = await executeCustoms<{ estimateImportCharges: Charges }>(ESTIMATE, { input });
    expect(result.errors).toBeUndefined();
    const charges = result.data?.estimateImportCharges;
    if (!charges) throw new Error('no answer');
    const [duties, taxes, fees, total, currency] = expected;
    expect([charges.duties, charges.taxes, charges.fees, charges.total]).toEqual(
      [duties, taxes, fees, total].map((amount) => ({ amount, currency })),
    );
    if (deMinimisApplied !== undefined) expect(charges.deMinimisApplied).toBe(deMinimisApplied);
    expect(charges.collectedAtSale).toBe(collectedAtSale ?? false);
    expect(charges.rulesDate).toBe(input['date']);
    const text = charges.lines.map((line) => `${line.description} | ${line.formula} | ${line.source}`).join('\n');
    for (const mention of mentions ?? []) expect(text).toContain(mention);
    // Every line is in the destination currency, cites a rule, and the total is the exact sum of the lines.
    const minor = (amount: string) => BigInt(amount.replace('.', ''));
    expect(charges.lines.every((line) => line.amount.currency === currency && line.source !== '' && line.formula !== '')).toBe(true);
    expect(charges.lines.reduce((sum, line) => sum + minor(line.amount.amount), 0n)).toBe(minor(total));
  });

  it('asks for reference rates only when a conversion needs them', async () => {
    const same = await executeCustoms(ESTIMATE, { input: CASES[0]?.input });
    expect(same.fetches).toBe(0);
    const converted = await executeCustoms(ESTIMATE, { input: CASES.find((c) => c.name.startsWith('BR'))?.input });
    expect(converted.fetches).toBe(1);
  });

  it("defaults to DAP and today, and says which day's rules it used", async () => {
    const { result } = await executeCustoms<{ estimateImportCharges: Charges }>(ESTIMATE, {
      input: { origin: 'CN', destination: 'DE', items: [item('610910', '300.00', 'EUR')] },
    });
    expect(result.data?.estimateImportCharges.rulesDate).toBe('2026-11-26');
    expect(result.data?.estimateImportCharges.total).toEqual({ amount: '99.84', currency: 'EUR' });
  });
});
