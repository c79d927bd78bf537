/**
 * The documented table of import-charge cases: one or more per regime, each naming the rule it
 * exercises. Amounts were worked out by hand from the rules data and the fixed test rates
 * (1 EUR = 1.16 USD = 6.20 BRL = 21.20 MXN = 104 INR = 180.50 JPY = 8.24 CNY), every line rounded
 * once as its destination rounds (half-up to the minor unit; JP base down to ¥1,000 and tax down to
 * ¥100; IN to the rupee).
 */
export interface Case {
  name: string;
  input: Record<string, unknown>;
  /** duties, taxes, fees, total (every line, whoever pays), in the destination currency. */
  expected: [duties: string, taxes: string, fees: string, total: string, currency: string];
  /** What the buyer pays at checkout, on delivery, and what the seller bears. Default: all on delivery. */
  payable?: [checkout: string, delivery: string, seller: string];
  deMinimisApplied?: boolean;
  /** Lines expected among the answer's: kind, amount, collectedAt, remitter (paidBy BUYER unless said). */
  lines?: Array<[kind: string, amount: string, collectedAt: string, remitter: string, paidBy?: string]>;
  region?: [region: string | null, assumed: boolean];
  /** Substrings expected somewhere in the lines (formula, description or source). */
  mentions?: string[];
}

export const item = (hsCode: string, amount: string, currency: string, quantity = 1) => ({ hsCode, quantity, value: { amount, currency } });
export const money = (amount: string, currency: string) => ({ amount, currency });
const on = (destination: string, date: string, rest: Record<string, unknown>) => ({ origin: 'CN', destination, date, ...rest });

/** The EU and its members: IOSS and without, the €150 relief and its end, national fees, two-leg lines. */
const EU: Case[] = [
  {
    name: 'DE, €300 cotton T-shirt from CN, DDP (the contract example): duty 12% (EU-MFN-6109) and VAT 19% on value + duty, paid by the seller at the border',
    input: on('DE', '2026-11-26', { incoterm: 'DDP', items: [item('610910', '300.00', 'EUR')], shipping: money('0.00', 'EUR') }),
    expected: ['36.00', '63.84', '0.00', '99.84', 'EUR'],
    payable: ['0.00', '0.00', '99.84'],
    lines: [
      ['DUTY', '36.00', 'BORDER', 'CARRIER', 'SELLER'],
      ['TAX', '63.84', 'BORDER', 'CARRIER', 'SELLER'],
    ],
    mentions: ['12% × 300.00 EUR', '19% × (300.00 + 36.00) EUR', 'EU-MFN-6109', 'EU-VAT-DE-standard'],
  },
  {
    name: 'DE 2026-06-30 (a past date), €100 T-shirt + €8 from CN, no IOSS: no duty under the €150 relief (EU-duty-relief-150), import VAT 19% on CIF collected on delivery',
    input: on('DE', '2026-06-30', { items: [item('610910', '100.00', 'EUR')], shipping: money('8.00', 'EUR') }),
    expected: ['0.00', '20.52', '0.00', '20.52', 'EUR'],
    deMinimisApplied: true,
    lines: [['TAX', '20.52', 'DELIVERY', 'CARRIER']],
    mentions: ['intrinsic value 100.00 EUR ≤ 150.00 EUR', 'EU-duty-relief-150', '19% × (100.00 + 8.00) EUR'],
  },
  {
    name: 'DE 2026-07-01, the same parcel: relief abolished, €3 per tariff subheading (EU-flat-duty-3-per-line), duty in the VAT base',
    input: on('DE', '2026-07-01', { items: [item('610910', '100.00', 'EUR')], shipping: money('8.00', 'EUR') }),
    expected: ['3.00', '21.09', '0.00', '24.09', 'EUR'],
    mentions: ['3.00 EUR × 1 (610910)', '19% × (100.00 + 8.00 + 3.00) EUR', 'EU-flat-duty-3-per-line'],
  },
  {
    name: 'DE 2026-07-01, two T-shirt lines and headphones (€120): two distinct subheadings = €6 (EU-flat-duty-3-per-line)',
    input: on('DE', '2026-07-01', {
      items: [item('610910', '60.00', 'EUR', 3), item('6109.10', '40.00', 'EUR', 2), item('851830', '20.00', 'EUR')],
      shipping: money('8.00', 'EUR'),
    }),
    expected: ['6.00', '25.46', '0.00', '31.46', 'EUR'],
    mentions: ['3.00 EUR × 2 (610910, 851830)', '19% × (120.00 + 8.00 + 6.00) EUR'],
  },
  {
    name: 'DE, €100 T-shirt with an IOSS number: VAT 19% charged at checkout by the marketplace (EU-IOSS, art. 14a(1)); the €3 duty is still due on delivery',
    input: on('DE', '2026-11-26', { iossNumber: 'IM2760000001', items: [item('610910', '100.00', 'EUR')] }),
    expected: ['3.00', '19.00', '0.00', '22.00', 'EUR'],
    payable: ['19.00', '3.00', '0.00'],
    lines: [
      ['TAX', '19.00', 'CHECKOUT', 'MARKETPLACE'],
      ['DUTY', '3.00', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['EU-IOSS', 'intrinsic value 100.00 EUR ≤ 150.00 EUR'],
  },
  {
    name: 'DE, the same T-shirt sold directly by a seller with an IOSS number: the seller remits the VAT (EU-IOSS)',
    input: on('DE', '2026-11-26', { iossNumber: 'IM2760000001', soldOnMarketplace: false, items: [item('610910', '100.00', 'EUR')] }),
    expected: ['3.00', '19.00', '0.00', '22.00', 'EUR'],
    payable: ['19.00', '3.00', '0.00'],
    lines: [['TAX', '19.00', 'CHECKOUT', 'SELLER']],
  },
  {
    name: 'DE, €100 T-shirt + €8 without IOSS: €3 duty (EU-flat-duty-3-per-line) and import VAT 19% on CIF + duty (EU-VAT-DE-standard), both collected on delivery',
    input: on('DE', '2026-11-26', { items: [item('610910', '100.00', 'EUR')], shipping: money('8.00', 'EUR') }),
    expected: ['3.00', '21.09', '0.00', '24.09', 'EUR'],
    payable: ['0.00', '24.09', '0.00'],
    lines: [['TAX', '21.09', 'DELIVERY', 'CARRIER']],
  },
  {
    name: 'DE, two-leg line: €200 T-shirt, €10 line haul to the hub, €5 last mile; the last mile stays out of the customs value (UCC art. 72(a), EU-valuation) but is in the VAT base (VAT Directive art. 86(1)(b))',
    input: on('DE', '2026-11-26', {
      mode: 'FREIGHT',
      items: [item('610910', '200.00', 'EUR')],
      shipping: money('10.00', 'EUR'),
      postBorderTransport: money('5.00', 'EUR'),
    }),
    expected: ['25.20', '45.64', '0.00', '70.84', 'EUR'],
    mentions: ['12% × (200.00 + 10.00) EUR', '19% × (200.00 + 10.00 + 5.00 + 25.20) EUR'],
  },
  {
    name: 'DE 2026-06-01, €1.50 parcel: VAT 19% × 1.50 = 0.285 rounds half-up to 0.29 (EU-rounding), not half-even 0.28',
    input: on('DE', '2026-06-01', { items: [item('610910', '1.50', 'EUR')] }),
    expected: ['0.00', '0.29', '0.00', '0.29', 'EUR'],
  },
  {
    name: 'DE, €200 toy from CN: EU toys are 4.7% (EU-MFN-9503), not 0%',
    input: on('DE', '2026-11-26', { items: [item('950300', '200.00', 'EUR')] }),
    expected: ['9.40', '39.79', '0.00', '49.19', 'EUR'],
    mentions: ['4.7% × 200.00 EUR', 'EU-MFN-9503'],
  },
  {
    name: 'DE, €200 wool pullover (6110 11 90) from CN: 12%; only 6110 11 10 (600 g or more) is 10.5% (EU-MFN-611011)',
    input: on('DE', '2026-11-26', { items: [item('6110119000', '200.00', 'EUR')] }),
    expected: ['24.00', '42.56', '0.00', '66.56', 'EUR'],
    mentions: ['EU-MFN-611011'],
  },
  {
    name: 'FR, €100 T-shirt: €3 EU duty, VAT 20%, and the €2 small-parcel tax per article, the seller’s cost (FR-taxe-petits-colis)',
    input: on('FR', '2026-11-26', { items: [item('610910', '100.00', 'EUR')] }),
    expected: ['3.00', '20.60', '2.00', '25.60', 'EUR'],
    payable: ['0.00', '23.60', '2.00'],
    lines: [['FEE', '2.00', 'BORDER', 'CARRIER', 'SELLER']],
    mentions: ['FR-taxe-petits-colis', '20% × (100.00 + 3.00) EUR', 'intrinsic value 100.00 EUR < 150.00 EUR'],
  },
  {
    name: 'FR 2026-02-27 (a past date), the same T-shirt: that date’s rules, before the small-parcel tax (FR-taxe-petits-colis, from 2026-03-01) and the €3 duty (from 2026-07-01), under the €150 relief (EU-duty-relief-150)',
    input: on('FR', '2026-02-27', { items: [item('610910', '100.00', 'EUR')] }),
    expected: ['0.00', '20.00', '0.00', '20.00', 'EUR'],
    deMinimisApplied: true,
  },
  {
    name: 'IT, €100 T-shirt: €3 EU duty, VAT 22%, and the €2 per-consignment contribution collected on delivery (IT-contributo-spedizioni-modico-valore)',
    input: on('IT', '2026-11-26', { items: [item('610910', '100.00', 'EUR')] }),
    expected: ['3.00', '22.66', '2.00', '27.66', 'EUR'],
    lines: [['FEE', '2.00', 'DELIVERY', 'CARRIER']],
    mentions: ['IT-contributo-spedizioni-modico-valore'],
  },
  {
    name: 'IT 2026-02-10, €100 T-shirt: under the €150 relief, VAT 22% and the €2 contribution, then due (IT-contributo-spedizioni-modico-valore, Legge 199/2025 art. 1 c. 126)',
    input: on('IT', '2026-02-10', { items: [item('610910', '100.00', 'EUR')] }),
    expected: ['0.00', '22.00', '2.00', '24.00', 'EUR'],
    deMinimisApplied: true,
    lines: [['FEE', '2.00', 'DELIVERY', 'CARRIER']],
  },
  {
    name: 'IT 2026-05-15, the same T-shirt: the contribution is suspended until 2026-06-30 (IT-contributo-spedizioni-modico-valore, MEF comunicato n. 31), a zero line says so',
    input: on('IT', '2026-05-15', { items: [item('610910', '100.00', 'EUR')] }),
    expected: ['0.00', '22.00', '0.00', '22.00', 'EUR'],
    deMinimisApplied: true,
    lines: [['FEE', '0.00', 'DELIVERY', 'CARRIER']],
    mentions: ['suspended', 'comunicato n. 31'],
  },
  {
    name: 'DE, €200 T-shirt from JP: 0% under the EU-Japan EPA (EUJP-EU-61) instead of 12% MFN',
    input: { origin: 'JP', destination: 'DE', date: '2026-11-26', items: [item('610910', '200.00', 'EUR')] },
    expected: ['0.00', '38.00', '0.00', '38.00', 'EUR'],
    mentions: ['preferential rate under the EU-Japan Economic Partnership Agreement (MFN 12%)', 'EUJP-EU-61'],
  },
  {
    name: 'DE from PL: inside the EU customs union (EU-valuation), nothing is owed at the border',
    input: { origin: 'PL', destination: 'DE', date: '2026-11-26', items: [item('610910', '100.00', 'EUR')] },
    expected: ['0.00', '0.00', '0.00', '0.00', 'EUR'],
    payable: ['0.00', '0.00', '0.00'],
    mentions: ['same customs territory'],
  },
];

/** Low-value regimes outside the EU whose tax is charged at checkout. */
const AT_CHECKOUT: Case[] = [
  {
    name: 'GB, £100 CN T-shirt + £10 shipping: £22.00 VAT charged at checkout by the marketplace (GB-135-supply-vat-at-sale, VAT Act s.5A); no duty under £135 (GB-duty-relief-135)',
    input: on('GB', '2026-11-26', { items: [item('610910', '100.00', 'GBP')], shipping: money('10.00', 'GBP') }),
    expected: ['0.00', '22.00', '0.00', '22.00', 'GBP'],
    payable: ['22.00', '0.00', '0.00'],
    deMinimisApplied: true,
    lines: [['TAX', '22.00', 'CHECKOUT', 'MARKETPLACE']],
    mentions: ['20% × (100.00 + 10.00) GBP', 'GB-135-supply-vat-at-sale', 'GB-duty-relief-135'],
  },
  {
    name: 'GB, £200 + £10: above £135, duty 12% on CIF (GB-MFN-6109) and import VAT 20% on CIF + duty, collected on delivery',
    input: on('GB', '2026-11-26', { items: [item('610910', '200.00', 'GBP')], shipping: money('10.00', 'GBP') }),
    expected: ['25.20', '47.04', '0.00', '72.24', 'GBP'],
    payable: ['0.00', '72.24', '0.00'],
    mentions: ['12% × (200.00 + 10.00) GBP', '20% × (200.00 + 10.00 + 25.20) GBP'],
  },
  {
    name: 'AU, A$100: no duty or GST at the border up to A$1,000 (AU-deminimis-1000); GST 10% charged at checkout by the marketplace (AU-LVG-GST)',
    input: on('AU', '2026-11-26', { items: [item('610910', '100.00', 'AUD')] }),
    expected: ['0.00', '10.00', '0.00', '10.00', 'AUD'],
    payable: ['10.00', '0.00', '0.00'],
    deMinimisApplied: true,
    lines: [['TAX', '10.00', 'CHECKOUT', 'MARKETPLACE']],
  },
  {
    name: 'SG, S$100: GST 9% charged at checkout under the overseas vendor regime (SG-OVR-LVG)',
    input: on('SG', '2026-11-26', { items: [item('610910', '100.00', 'SGD')] }),
    expected: ['0.00', '9.00', '0.00', '9.00', 'SGD'],
    payable: ['9.00', '0.00', '0.00'],
    lines: [['TAX', '9.00', 'CHECKOUT', 'MARKETPLACE']],
  },
  {
    name: 'MY, RM100 by courier: duty and tax relief up to RM500 by air (MY-deminimis-500-air-courier); LVG sales tax 10% at checkout (MY-LVG-sales-tax)',
    input: on('MY', '2026-11-26', { mode: 'EXPRESS', items: [item('610910', '100.00', 'MYR')] }),
    expected: ['0.00', '10.00', '0.00', '10.00', 'MYR'],
    payable: ['10.00', '0.00', '0.00'],
    deMinimisApplied: true,
  },
  {
    name: 'MY, the same parcel as freight: the air relief does not apply, so duty (MY-MFN-default) is due on delivery; LVG tax still at checkout',
    input: on('MY', '2026-11-26', { mode: 'FREIGHT', items: [item('610910', '100.00', 'MYR')] }),
    expected: ['5.00', '10.00', '0.00', '15.00', 'MYR'],
    payable: ['10.00', '5.00', '0.00'],
    deMinimisApplied: false,
  },
  {
    name: 'NZ, NZ$100: GST 15% charged at checkout by the marketplace on goods of NZ$1,000 or less (NZ-LVG-GST, GST Act s.60C); no border duty (NZ-border-relief-1000)',
    input: on('NZ', '2026-11-26', { items: [item('610910', '100.00', 'NZD')] }),
    expected: ['0.00', '15.00', '0.00', '15.00', 'NZD'],
    payable: ['15.00', '0.00', '0.00'],
    lines: [['TAX', '15.00', 'CHECKOUT', 'MARKETPLACE']],
  },
  {
    name: 'NO, NOK 500 T-shirt: VAT 25% charged at checkout under VOEC (NO-VOEC); VOEC covers VAT only, so duty (NO-MFN-61) is due on delivery',
    input: on('NO', '2026-11-26', { items: [item('610910', '500.00', 'NOK')] }),
    expected: ['53.50', '125.00', '0.00', '178.50', 'NOK'],
    payable: ['125.00', '53.50', '0.00'],
    lines: [['TAX', '125.00', 'CHECKOUT', 'MARKETPLACE']],
    mentions: ['dearest unit 500.00 NOK < 3000.00 NOK'],
  },
  {
    name: 'NO, NOK 3,500 jacket: at or above NOK 3,000 per item VOEC does not apply (NO-VOEC); duty and import VAT (NO-VAT) on delivery',
    input: on('NO', '2026-11-26', { items: [item('610910', '3500.00', 'NOK')] }),
    expected: ['374.50', '968.63', '0.00', '1343.13', 'NOK'],
    payable: ['0.00', '1343.13', '0.00'],
  },
];

/** The Americas: US additional duties, MPF and state sales tax; CA post against courier and provinces; BR; MX. */
const AMERICAS: Case[] = [
  {
    name: 'US today, $100 cotton T-shirt from CN: MFN 16.5% (US-MFN-6109) plus Section 301 List 4A 7.5% (US-section-301-list-4A; Section 122 ended 2026-07-23), MPF for an informal entry (US-MPF-informal), California sales tax assumed (US-CA-sales-tax)',
    input: on('US', '2026-11-26', { items: [item('610910', '100.00', 'USD')] }),
    expected: ['24.00', '7.25', '2.69', '33.94', 'USD'],
    payable: ['7.25', '26.69', '0.00'],
    region: ['US-CA', true],
    lines: [
      ['DUTY', '16.50', 'DELIVERY', 'CARRIER'],
      ['DUTY', '7.50', 'DELIVERY', 'CARRIER'],
      ['FEE', '2.69', 'DELIVERY', 'CARRIER'],
      ['TAX', '7.25', 'CHECKOUT', 'MARKETPLACE'],
    ],
    mentions: ['US-section-301-list-4A', 'US-MPF-informal', 'US-CA-sales-tax', 'assumed'],
  },
  {
    name: 'US 2026-03-15, the same T-shirt: the Section 122 surcharge (US-section-122-surcharge, 10 % from 2026-02-24 to 2026-07-23) adds to MFN and Section 301',
    input: on('US', '2026-03-15', { items: [item('610910', '100.00', 'USD')] }),
    expected: ['34.00', '7.25', '2.69', '43.94', 'USD'],
    payable: ['7.25', '36.69', '0.00'],
    mentions: ['US-section-122-surcharge', '10% × 100.00 USD'],
  },
  {
    name: 'US 2025-09-15, $100 + $10 from CN: no de minimis since 2025-08-29 (US-deminimis-suspended-all), duty on FOB; no MPF rule on file before FY2026; CA tax leaves delivery out',
    input: on('US', '2025-09-15', { items: [item('610910', '100.00', 'USD')], shipping: money('10.00', 'USD') }),
    expected: ['24.00', '7.25', '0.00', '31.25', 'USD'],
    payable: ['7.25', '24.00', '0.00'],
    deMinimisApplied: false,
    mentions: ['16.5% × 100.00 USD', '7.25% × 100.00 USD'],
  },
  {
    name: 'US 2025-08-28, $100 T-shirt from DE: the $800 de minimis still open to non-CN origins (US-deminimis-1321-non-CN-HK); state sales tax is not an import charge',
    input: { origin: 'DE', destination: 'US', date: '2025-08-28', items: [item('610910', '100.00', 'USD')] },
    expected: ['0.00', '7.25', '0.00', '7.25', 'USD'],
    payable: ['7.25', '0.00', '0.00'],
    deMinimisApplied: true,
  },
  {
    name: 'US 2026-03-15, $100 T-shirt from MX: 0% under USMCA (USMCA-originating-all), no Section 122 surcharge and no MPF for USMCA goods (US-MPF-informal)',
    input: { origin: 'MX', destination: 'US', date: '2026-03-15', items: [item('610910', '100.00', 'USD')] },
    expected: ['0.00', '7.25', '0.00', '7.25', 'USD'],
    payable: ['7.25', '0.00', '0.00'],
    mentions: ['USMCA'],
  },
  {
    name: 'US-NY, $100 T-shirt from CN: New York exempts clothing under $110 from its state tax (US-NY-clothing-under-110)',
    input: on('US-NY', '2026-11-26', { items: [item('610910', '100.00', 'USD')] }),
    expected: ['24.00', '0.00', '2.69', '26.69', 'USD'],
    region: ['US-NY', false],
  },
  {
    name: 'US-OR, $3,000 steel tableware (7323) from CN: the default duty (US-MFN-default, an assumption), Section 232 steel 50 % (US-section-232-steel), a formal entry’s MPF at its $33.58 minimum (US-MPF-formal), and no Oregon sales tax (US-OR-no-sales-tax)',
    input: on('US', '2026-11-26', { items: [item('732393', '3000.00', 'USD')], destination: 'US-OR' }),
    expected: ['1650.00', '0.00', '33.58', '1683.58', 'USD'],
    mentions: ['US-section-232-steel', 'US-MPF-formal', '0.3464% × 3000.00 USD'],
  },
  {
    name: 'CA, C$30 from US by post: the C$20 postal threshold (CA-deminimis-20) is passed, so HST (Ontario assumed) is due; CUSMA makes the duty 0',
    input: { origin: 'US', destination: 'CA', date: '2026-11-26', mode: 'POSTAL', items: [item('610910', '30.00', 'CAD')] },
    expected: ['0.00', '3.90', '0.00', '3.90', 'CAD'],
    region: ['CA-ON', true],
    deMinimisApplied: false,
  },
  {
    name: 'CA, the same C$30 from US by courier: within CUSMA’s C$40 for taxes and C$150 for duty (CA-courier-US-MX-tax-40, CA-courier-US-MX-duty-150)',
    input: { origin: 'US', destination: 'CA', date: '2026-11-26', mode: 'EXPRESS', items: [item('610910', '30.00', 'CAD')] },
    expected: ['0.00', '0.00', '0.00', '0.00', 'CAD'],
    deMinimisApplied: true,
  },
  {
    name: 'CA, C$100 + C$20 from CN, no province: duty 18% on FOB (CA-MFN-6109), HST 13% for Ontario, the assumed default',
    input: on('CA', '2026-11-26', { items: [item('610910', '100.00', 'CAD')], shipping: money('20.00', 'CAD') }),
    expected: ['18.00', '15.34', '0.00', '33.34', 'CAD'],
    region: ['CA-ON', true],
    mentions: ['13% × (100.00 + 18.00) CAD', 'CA-HST-ON'],
  },
  {
    name: 'CA-QC, C$100 from CN by courier: duty and GST 5% at the border, QST 9.975% charged at checkout (CA-QC-QST)',
    input: on('CA-QC', '2026-11-26', { items: [item('610910', '100.00', 'CAD')] }),
    expected: ['18.00', '15.88', '0.00', '33.88', 'CAD'],
    payable: ['9.98', '23.90', '0.00'],
    region: ['CA-QC', false],
    mentions: ['9.975% × 100.00 CAD'],
  },
  {
    name: 'BR, $40 + $5 from CN: Remessa Conforme 20% up to USD 50 (BR-remessa-conforme) and ICMS 17% grossed up (São Paulo assumed), both at checkout',
    input: on('BR', '2026-11-26', { items: [item('950300', '40.00', 'USD')], shipping: money('5.00', 'USD') }),
    expected: ['48.10', '59.11', '0.00', '107.21', 'BRL'],
    payable: ['107.21', '0.00', '0.00'],
    region: ['BR-SP', true],
    lines: [
      ['DUTY', '48.10', 'CHECKOUT', 'MARKETPLACE'],
      ['TAX', '59.11', 'CHECKOUT', 'MARKETPLACE'],
    ],
    mentions: [
      '20% × (213.79 + 26.72) BRL',
      'customs value 45.00 USD ≤ 50.00 USD',
      '17% × (213.79 + 26.72 + 48.10) BRL / (1 − 17%)',
      '1 USD = 5.34483 BRL',
    ],
  },
  {
    name: 'BR-MG, $100 from CN: Remessa Conforme 60% minus USD 20 above USD 50, ICMS 20% in Minas Gerais (BR-ICMS-RTS-20)',
    input: on('BR-MG', '2026-11-26', { items: [item('950300', '100.00', 'USD')] }),
    expected: ['213.79', '187.07', '0.00', '400.86', 'BRL'],
    payable: ['400.86', '0.00', '0.00'],
    region: ['BR-MG', false],
    mentions: ['60% × 534.48 BRL − 20.00 USD (106.90 BRL)', 'BR-ICMS-RTS-20'],
  },
  {
    name: 'MX, $100 from CN by courier: the courier global rate 33.5% replaces duty and IVA (MX-courier-global-rate-non-FTA)',
    input: on('MX', '2026-11-26', { mode: 'EXPRESS', items: [item('950300', '100.00', 'USD')] }),
    expected: ['612.24', '0.00', '0.00', '612.24', 'MXN'],
  },
  {
    name: 'MX, the same parcel by post: the courier rate does not apply, so duty (MX-MFN-default) and IVA 16% (MX-IVA)',
    input: on('MX', '2026-11-26', { mode: 'POSTAL', items: [item('950300', '100.00', 'USD')] }),
    expected: ['274.14', '336.28', '0.00', '610.42', 'MXN'],
  },
];

/** Asia: JP valuation and rounding, CN cross-border retail with consumption tax, IN heading 9804 and rupee rounding, KR. */
const ASIA: Case[] = [
  {
    name: 'JP, ¥15,000 toy + ¥1,000 from US: 60% personal-use value (JP-personal-use-60pct) = ¥10,000, within the ¥10,000 waiver (JP-deminimis-10000)',
    input: { origin: 'US', destination: 'JP', date: '2026-11-26', items: [item('950300', '15000', 'JPY')], shipping: money('1000', 'JPY') },
    expected: ['0', '0', '0', '0', 'JPY'],
    deMinimisApplied: true,
    mentions: ['customs value 10000 JPY ≤ 10000 JPY'],
  },
  {
    name: 'JP, ¥30,000 green tea + ¥1,500 from CN: duty 17% and reduced 8% consumption tax on the 60% value, base truncated to ¥1,000 and tax to ¥100 (JP-rounding)',
    input: on('JP', '2026-11-26', { items: [item('090210', '30000', 'JPY')], shipping: money('1500', 'JPY') }),
    expected: ['3200', '1700', '0', '4900', 'JPY'],
    mentions: ['17% × (60% × 30000 + 1500) → 19000 JPY', '8% × (18000 + 1500 + 3200) → 22000 JPY', 'JP-CT-reduced-food', 'JP-rounding'],
  },
  {
    name: 'JP, ¥10,000 knitted T-shirt from CN: knitted apparel is excluded from the ¥10,000 waiver (JP-deminimis-10000); ¥654 of duty truncates to ¥600 (JP-rounding)',
    input: on('JP', '2026-11-26', { items: [item('610910', '10000', 'JPY')] }),
    expected: ['600', '600', '0', '1200', 'JPY'],
    deMinimisApplied: false,
  },
  {
    name: 'JP, €100 T-shirt from FR: the EU-Japan EPA (EUJP-JP-61); euros converted at the weekly customs rate (JP-customs-weekly-rate)',
    input: { origin: 'FR', destination: 'JP', date: '2026-11-26', items: [item('610910', '100.00', 'EUR')] },
    expected: ['0', '1000', '0', '1000', 'JPY'],
    mentions: ['EUJP-JP-61', '1 EUR = 180.500 JPY'],
  },
  {
    name: 'CN, CNY 1,000 cosmetics from JP: cross-border retail (CN-CBEC-retail-import) charges duty 0, consumption tax 15% and VAT 13% at 70%, at checkout',
    input: { origin: 'JP', destination: 'CN', date: '2026-11-26', items: [item('330499', '1000.00', 'CNY')] },
    expected: ['0.00', '230.59', '0.00', '230.59', 'CNY'],
    payable: ['230.59', '0.00', '0.00'],
    lines: [
      ['TAX', '123.53', 'CHECKOUT', 'MARKETPLACE'],
      ['TAX', '107.06', 'CHECKOUT', 'MARKETPLACE'],
    ],
    mentions: ['15% × 1000.00 CNY / (1 − 15%) × 70%', '13% × (1000.00 + 176.47) CNY × 70%', 'CN-CT-cosmetics'],
  },
  {
    name: 'CN, CNY 6,000 cosmetics: above the CNY 5,000 single-transaction limit (CN-CBEC-retail-import), general trade duty, full consumption tax (CN-CT-cosmetics) and VAT at the border',
    input: { origin: 'JP', destination: 'CN', date: '2026-11-26', items: [item('330499', '6000.00', 'CNY')] },
    expected: ['450.00', '2124.71', '0.00', '2574.71', 'CNY'],
    payable: ['0.00', '2574.71', '0.00'],
    mentions: ['CN-MFN-default', '13% × (6000.00 + 450.00 + 1138.24) CNY'],
  },
  {
    name: 'CN, CNY 500 wine from FR: excise (consumption tax 10%, CN-CT-wine) where such goods may be sent, under the cross-border regime at 70%',
    input: { origin: 'FR', destination: 'CN', date: '2026-11-26', items: [item('220421', '500.00', 'CNY')] },
    expected: ['0.00', '89.45', '0.00', '89.45', 'CNY'],
    payable: ['89.45', '0.00', '0.00'],
  },
  {
    name: 'IN, $100 toy from CN: heading 9804 at 10% (IN-personal-import-9804), SWS 10% of duty, IGST 18% on value + both, each rounded to the rupee (IN-rounding)',
    input: on('IN', '2026-11-26', { items: [item('950300', '100.00', 'USD')] }),
    expected: ['987.00', '1791.00', '0.00', '2778.00', 'INR'],
    mentions: ['IN-rounding'],
  },
  {
    name: "IN, $100 toy and a $30 bottle of wine from CN: heading 9804 does not apply to alcoholic beverages (IN-personal-import-9804, Chapter 98 note 4), so the parcel is assessed at the chapter rates (IN-MFN-9503; wine 150% with the cess, IN-MFN-2204); the Social Welfare Surcharge is 10% of the toy's duty, wine being exempt from it (IN-SWS), and the wine bears no IGST (IN-IGST-alcoholic-liquor)",
    input: on('IN', '2026-11-26', { items: [item('950300', '100.00', 'USD'), item('220421', '30.00', 'USD')] }),
    // toy 8965.52 × 70% = 6276; wine 2689.66 × 150% = 4034; SWS 10% × 6276 = 628 (wine exempt);
    // IGST 18% × (8965.52 + 6276 + 628) = 2857 on the toy, none on the wine.
    expected: ['10938.00', '2857.00', '0.00', '13795.00', 'INR'],
    mentions: [
      'IN-MFN-9503',
      'IN-MFN-2204',
      '150% × 2689.66 INR',
      'IN-SWS',
      '10% × 6276.00 INR; the duty on 220421 is exempt',
      '18% × (8965.52 + 6904.00) INR',
      'IN-IGST-alcoholic-liquor',
      'IN-rounding',
    ],
  },
  {
    name: "IN, $100 toy from CN on 2025-06-01: duty under heading 9804 at 20% (IN-personal-import-9804) and IGST at that heading's own 28% (IN-IGST-personal-import-9804, 1/2017-IT(R) Schedule IV), not the toy's 18%",
    input: on('IN', '2025-06-01', { items: [item('950300', '100.00', 'USD')] }),
    expected: ['1972.00', '3063.00', '0.00', '5035.00', 'INR'],
    mentions: ['IN-IGST-personal-import-9804', '28% × (8965.52 + 1972.00) INR', 'the rate of heading 9804'],
  },
  {
    name: "IN, a Rs 900 T-shirt from CN on 2025-06-01: under heading 9804 the apparel entry (5% up to Rs 1,000) gives way to the heading's 28% (IN-IGST-personal-import-9804)",
    input: on('IN', '2025-06-01', { items: [item('610910', '900.00', 'INR')] }),
    expected: ['198.00', '307.00', '0.00', '505.00', 'INR'],
    mentions: ['IN-IGST-personal-import-9804', '28% × (900.00 + 198.00) INR'],
  },
  {
    name: 'IN, a Rs 2,500 T-shirt from CN: apparel "not exceeding Rs 2500 per piece" is IGST 5% up to and including the limit (IN-IGST-apparel-5, 9/2025-IT(R)); duty under heading 9804 at 10%',
    input: on('IN', '2026-11-26', { items: [item('610910', '2500.00', 'INR')] }),
    expected: ['275.00', '139.00', '0.00', '414.00', 'INR'],
    mentions: ['IN-IGST-apparel-5', '5% × (2500.00 + 275.00) INR'],
  },
  {
    name: 'IN, a Rs 2,500.01 T-shirt from CN: above the limit, apparel is IGST 18% (IN-IGST-apparel-above-limit, Schedule II)',
    input: on('IN', '2026-11-26', { items: [item('610910', '2500.01', 'INR')] }),
    expected: ['275.00', '500.00', '0.00', '775.00', 'INR'],
    mentions: ['IN-IGST-apparel-above-limit', '18% ×'],
  },
  {
    name: 'IN, three $20 T-shirts from CN: the limit is per piece, so at Rs 1,793.10 each they are IGST 5% (IN-IGST-apparel-5)',
    input: on('IN', '2026-11-26', { items: [item('610910', '60.00', 'USD', 3)] }),
    expected: ['592.00', '299.00', '0.00', '891.00', 'INR'],
    mentions: ['IN-IGST-apparel-5'],
  },
  {
    name: 'IN 2025-06-01 (before the GST rate reform), a Rs 1,000 shirt and a Rs 2,600 bottle of wine from CN: outside heading 9804 (alcohol), the shirt is IGST 5% up to Rs 1000 a piece (IN-IGST-apparel-5, 1/2017-IT(R)), on its value, duty and Social Welfare Surcharge (IN-SWS)',
    input: on('IN', '2025-06-01', { items: [item('620520', '1000.00', 'INR'), item('220421', '2600.00', 'INR')] }),
    // shirt 20% × 1000 = 200, SWS 20; wine 150% × 2600 = 3900; IGST 5% × (1000 + 220) = 61.
    expected: ['4120.00', '61.00', '0.00', '4181.00', 'INR'],
    mentions: ['IN-IGST-apparel-5', '5% × (1000.00 + 220.00) INR', 'IN-IGST-alcoholic-liquor'],
  },
  {
    name: 'IN 2025-06-01, a Rs 1,500 shirt and a Rs 2,600 bottle of wine from CN: above Rs 1000 a piece, IGST 12% (IN-IGST-apparel-above-limit, Schedule II of 1/2017-IT(R))',
    input: on('IN', '2025-06-01', { items: [item('620520', '1500.00', 'INR'), item('220421', '2600.00', 'INR')] }),
    // shirt 20% × 1500 = 300, SWS 30; wine 3900; IGST 12% × (1500 + 330) = 219.60 → 220.
    expected: ['4230.00', '220.00', '0.00', '4450.00', 'INR'],
    mentions: ['IN-IGST-apparel-above-limit', '12% × (1500.00 + 330.00) INR'],
  },
  {
    name: 'KR, $100 green tea from the US: food is limited to the USD 150 list clearance, which covers US origin too (KR-list-clearance-150)',
    input: { origin: 'US', destination: 'KR', date: '2026-11-26', items: [item('090210', '100.00', 'USD')] },
    expected: ['0', '0', '0', '0', 'KRW'],
    deMinimisApplied: true,
  },
];

/** A case of 24 bottles of beer (2203), as the national beer excise cases send it. */
const beerCase = (origin: string, destination: string, date: string, amount: string, currency: string) => ({
  origin,
  destination,
  date,
  items: [item('220300', amount, currency, 24)],
});

/** Specific excise on wine (2204) and spirits (2208), on the bottle the quote assumes (offers carry no volume or strength). */
const EXCISE: Case[] = [
  {
    name: 'GB, a £20 bottle of wine from FR + £5: no duty under the TCA, Alcohol Duty £30.62 per litre of alcohol on an assumed 0.75 l at 13% (GB-alcohol-duty-wine), import VAT on value + duty + excise; excise goods are outside the £135 regime',
    input: { origin: 'FR', destination: 'GB', date: '2026-11-26', items: [item('220421', '20.00', 'GBP')], shipping: money('5.00', 'GBP') },
    expected: ['0.00', '8.59', '0.00', '8.59', 'GBP'],
    payable: ['0.00', '8.59', '0.00'],
    lines: [
      ['TAX', '2.99', 'DELIVERY', 'CARRIER'],
      ['TAX', '5.60', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['1 × 0.75 l at 13% = 0.0975 l of alcohol × 30.62 GBP', 'assumed', 'GB-alcohol-duty-wine', '20% × (20.00 + 5.00 + 2.99) GBP'],
  },
  {
    name: 'GB, two £30 bottles of whisky from CN: duty (GB-MFN-default), Alcohol Duty £33.99 per litre of alcohol on 2 × 0.70 l at 40% (GB-alcohol-duty-spirits), VAT on all three',
    input: on('GB', '2026-11-26', { items: [item('220830', '60.00', 'GBP', 2)] }),
    expected: ['2.40', '35.32', '0.00', '37.72', 'GBP'],
    lines: [['TAX', '19.03', 'DELIVERY', 'CARRIER']],
    mentions: ['2 × 0.7 l at 40% = 0.56 l of alcohol × 33.99 GBP', '20% × (60.00 + 2.40 + 19.03) GBP'],
  },
  {
    name: 'GB 2025-06-01 (a past date), the same whisky: that year’s Alcohol Duty of £32.79 (GB-alcohol-duty-spirits, from 2025-02-01)',
    input: on('GB', '2025-06-01', { items: [item('220830', '60.00', 'GBP', 2)] }),
    expected: ['2.40', '34.51', '0.00', '36.91', 'GBP'],
    lines: [['TAX', '18.36', 'DELIVERY', 'CARRIER']],
    mentions: ['0.56 l of alcohol × 32.79 GBP'],
  },
  {
    name: 'GB, a £10 bottle of beer from CN: duty (GB-MFN-default), Alcohol Duty £22.58 per litre of alcohol on an assumed 0.33 l at 5% (GB-alcohol-duty-beer), VAT on all three',
    input: on('GB', '2026-11-26', { items: [item('220300', '10.00', 'GBP')] }),
    expected: ['0.40', '2.52', '0.00', '2.92', 'GBP'],
    lines: [['TAX', '0.37', 'DELIVERY', 'CARRIER']],
    mentions: ['1 × 0.33 l at 5% = 0.0165 l of alcohol × 22.58 GBP', 'GB-alcohol-duty-beer'],
  },
  {
    name: 'GB 2025-06-01 (a past date), a bottle of beer: no beer rate on file before 2026-02-01 (GB-alcohol-duty-beer), so a zero line says the beer duty is left out rather than a silent zero',
    input: on('GB', '2025-06-01', { items: [item('220300', '10.00', 'GBP')] }),
    expected: ['0.40', '2.08', '0.00', '2.48', 'GBP'],
    lines: [['TAX', '0.00', 'DELIVERY', 'CARRIER']],
    mentions: ['Excise on 220300 is due at import but not modelled for GB'],
  },
  {
    name: 'US, a $20 bottle of wine from FR: federal excise tax $1.07 per wine gallon on an assumed 0.75 l (US-FET-still-wine-16), not in any tax base',
    input: { origin: 'FR', destination: 'US', date: '2026-11-26', items: [item('220421', '20.00', 'USD')] },
    expected: ['1.00', '1.66', '2.69', '5.35', 'USD'],
    payable: ['1.45', '3.90', '0.00'],
    lines: [['TAX', '0.21', 'DELIVERY', 'CARRIER']],
    mentions: ['1 × 0.75 l = 0.198129 wine gallons × 1.07 USD', 'US-FET-still-wine-16'],
  },
  {
    name: 'US, a $30 bottle of whisky from GB: federal excise tax $13.50 per proof gallon on an assumed 0.70 l at 40% (US-FET-distilled-spirits)',
    input: { origin: 'GB', destination: 'US', date: '2026-11-26', items: [item('220830', '30.00', 'USD')] },
    expected: ['1.50', '4.18', '2.69', '8.37', 'USD'],
    payable: ['2.18', '6.19', '0.00'],
    lines: [['TAX', '2.00', 'DELIVERY', 'CARRIER']],
    mentions: ['1 × 0.7 l at 40% = 0.147936 proof gallons × 13.50 USD'],
  },
  {
    name: 'US, 24 bottles of beer from MX for $48: federal excise tax $18 per barrel of 31 gallons on 24 × an assumed 0.33 l (US-FET-beer); no duty under USMCA, the default state’s sales tax on the price',
    input: { origin: 'MX', destination: 'US', date: '2026-11-26', items: [item('220300', '48.00', 'USD', 24)] },
    expected: ['0.00', '4.69', '0.00', '4.69', 'USD'],
    payable: ['3.48', '1.21', '0.00'],
    lines: [['TAX', '1.21', 'DELIVERY', 'CARRIER']],
    mentions: ['24 × 0.33 l = 0.067492 barrels × 18 USD', 'US-FET-beer'],
  },
  {
    name: 'AU, an A$60 bottle of whisky from GB: no A$1,000 relief for excise goods (AU-deminimis-1000); excise-equivalent customs duty A$107.99 per litre of alcohol (AU-excise-equivalent-spirits) in the GST base',
    input: { origin: 'GB', destination: 'AU', date: '2026-11-26', items: [item('220830', '60.00', 'AUD')] },
    expected: ['33.24', '9.32', '0.00', '42.56', 'AUD'],
    lines: [
      ['DUTY', '30.24', 'DELIVERY', 'CARRIER'],
      ['TAX', '9.32', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['0.28 l of alcohol × 107.99 AUD', '10% × (60.00 + 3.00 + 30.24) AUD'],
  },
  {
    name: 'AU, an A$30 bottle of wine from FR: wine bears wine equalisation tax of 29% on value + duty (AU-WET), itself in the GST base; no per-litre excise',
    input: { origin: 'FR', destination: 'AU', date: '2026-11-26', items: [item('220421', '30.00', 'AUD')] },
    expected: ['1.50', '13.20', '0.00', '14.70', 'AUD'],
    lines: [
      ['TAX', '9.14', 'DELIVERY', 'CARRIER'],
      ['TAX', '4.06', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['Wine equalisation tax 29%', 'AU-WET', '10% × (30.00 + 1.50 + 9.14) AUD'],
  },
  {
    name: 'JP, a ¥5,000 bottle of whisky from GB: liquor tax ¥370,000 per kl plus ¥10,000 per degree above 37 on an assumed 0.70 l at 40% (JP-liquor-tax-whisky-spirits), truncated to ¥100',
    input: { origin: 'GB', destination: 'JP', date: '2026-11-26', items: [item('220830', '5000', 'JPY')] },
    expected: ['0', '500', '0', '500', 'JPY'],
    lines: [['TAX', '200', 'DELIVERY', 'CARRIER']],
    mentions: ['1 × 0.7 l = 0.7 l × (370 + 10 × 3 points above 37%) JPY', 'tax down to 100 JPY', '10% × (3000 + 200) → 3000 JPY'],
  },
  {
    name: 'JP, two ¥3,000 bottles of wine from FR: liquor tax ¥100 per litre on 1.5 l (JP-liquor-tax-wine) = ¥150, truncated to ¥100',
    input: { origin: 'FR', destination: 'JP', date: '2026-11-26', items: [item('220421', '6000', 'JPY', 2)] },
    expected: ['0', '400', '0', '400', 'JPY'],
    lines: [['TAX', '100', 'DELIVERY', 'CARRIER']],
    mentions: ['2 × 0.75 l = 1.5 l × 100 JPY', '10% × (3600 + 100) → 3000 JPY'],
  },
  {
    name: 'JP, twelve ¥500 bottles of beer from GB: liquor tax ¥155,000 per kl from 2026-10-01 on 12 × an assumed 0.33 l (JP-liquor-tax-beer), truncated to ¥100',
    input: { origin: 'GB', destination: 'JP', date: '2026-11-26', items: [item('220300', '6000', 'JPY', 12)] },
    expected: ['0', '1000', '0', '1000', 'JPY'],
    lines: [['TAX', '600', 'DELIVERY', 'CARRIER']],
    mentions: ['12 × 0.33 l = 3.96 l × 155 JPY', 'JP-liquor-tax-beer'],
  },
  {
    name: 'JP 2026-06-01 (a past date), the same beer: that period’s liquor tax of ¥181,000 per kl (JP-liquor-tax-beer, 2023-10-01 to 2026-09-30)',
    input: { origin: 'GB', destination: 'JP', date: '2026-06-01', items: [item('220300', '6000', 'JPY', 12)] },
    expected: ['0', '1100', '0', '1100', 'JPY'],
    lines: [['TAX', '700', 'DELIVERY', 'CARRIER']],
    mentions: ['12 × 0.33 l = 3.96 l × 181 JPY'],
  },
  {
    name: 'DE, 24 bottles of beer from US for €48: beer duty €0.787 per hl per degree Plato on 24 × an assumed 0.33 l at 12 °Plato (DE-Biersteuer); excise goods stay out of IOSS, so all is due on delivery; the €3 per subheading on file reaches them (EU-flat-duty-3-per-line)',
    input: beerCase('US', 'DE', '2026-11-26', '48.00', 'EUR'),
    expected: ['3.00', '10.58', '0.00', '13.58', 'EUR'],
    lines: [['TAX', '0.75', 'DELIVERY', 'CARRIER']],
    mentions: ['24 × 0.33 l at 12 °Plato = 0.9504 hl × °Plato × 0.787 EUR', '19% × (48.00 + 3.00 + 0.75) EUR', 'DE-Biersteuer'],
  },
  {
    name: 'FR, the same beer: excise €8.24 per hl per % vol from 2026 on 24 × 0.33 l at 5% (FR-accise-bieres), in the import VAT base',
    input: beerCase('US', 'FR', '2026-11-26', '48.00', 'EUR'),
    expected: ['3.00', '14.11', '2.00', '19.11', 'EUR'],
    payable: ['0.00', '17.11', '2.00'],
    lines: [['TAX', '3.26', 'DELIVERY', 'CARRIER']],
    mentions: ['24 × 0.33 l at 5% = 0.396 l of alcohol × 8.24 EUR', 'FR-accise-bieres'],
  },
  {
    name: 'FR 2025-06-01 (a past date), the same beer: that year’s €8.10 (FR-accise-bieres, 2025), beer free of duty (EU-MFN-2203)',
    input: beerCase('US', 'FR', '2025-06-01', '48.00', 'EUR'),
    expected: ['0.00', '13.45', '0.00', '13.45', 'EUR'],
    lines: [['TAX', '3.21', 'DELIVERY', 'CARRIER']],
    mentions: ['0.396 l of alcohol × 8.10 EUR', '20% × (48.00 + 3.21) EUR'],
  },
  {
    name: 'AU 2026-11-26, the same beer: the beer rate is on file only for its cited periods, the last ending in January 2019 (AU-excise-equivalent-beer), so a zero line says the excise is left out',
    input: beerCase('GB', 'AU', '2026-11-26', '72.00', 'AUD'),
    expected: ['3.60', '7.56', '0.00', '11.16', 'AUD'],
    lines: [['TAX', '0.00', 'DELIVERY', 'CARRIER']],
    mentions: ['Excise on 220300 is due at import but not modelled for AU'],
  },
  {
    name: 'CN, 24 bottles of beer from DE for CNY 240 by cross-border retail: consumption tax CNY 250 per tonne of 988 l (CN-CT-beer) and VAT, each at 70%, at checkout',
    input: beerCase('DE', 'CN', '2026-11-26', '240.00', 'CNY'),
    expected: ['0.00', '23.42', '0.00', '23.42', 'CNY'],
    payable: ['23.42', '0.00', '0.00'],
    lines: [['TAX', '1.40', 'CHECKOUT', 'MARKETPLACE']],
    mentions: [
      '24 × 0.33 l at 988 l per tonne = 0.008016 tonnes × 250.00 CNY × 70%',
      '13% × (240.00 + 2.00) CNY × 70%',
      'CN-CT-beer',
      'CN-CBEC-retail-import',
    ],
  },
];

/** A pack of cigarettes (2402.20) as the tobacco excise cases send it. */
const cigarettes = (destination: string, date: string, amount: string, currency: string, quantity = 1) => ({
  origin: 'CN',
  destination,
  date,
  items: [item('240220', amount, currency, quantity)],
});

/**
 * Excise on cigarettes (2402.20), per 1,000 sticks on an assumed pack of 20, with a share of the retail
 * price (the item's price) and a minimum where the law has them. Only where a parcel of cigarettes is
 * not refused (the restrictions refuse AU, US by post and MY).
 */
const TOBACCO: Case[] = [
  {
    // Excise 0.02 × 394.09 = 7.8818 + 16.5% × 12.00 = 1.98 → 9.8618 → 9.86 (no minimum on file for this period);
    // duty 50% × 12.00 = 6.00 (GB-MFN-240220); VAT 20% × (12.00 + 6.00 + 9.86) = 5.572 → 5.57; total 21.43.
    name: 'GB, a £12 pack of cigarettes from CN: customs duty 50% (GB-MFN-240220); Tobacco Products Duty £394.09 per 1,000 from 2026-10-01 plus 16.5% of the retail price, taken as the item’s price, on an assumed pack of 20 (GB-tobacco-duty-cigarettes), in the VAT base',
    input: cigarettes('GB', '2026-11-26', '12.00', 'GBP'),
    expected: ['6.00', '15.43', '0.00', '21.43', 'GBP'],
    lines: [
      ['DUTY', '6.00', 'DELIVERY', 'CARRIER'],
      ['TAX', '9.86', 'DELIVERY', 'CARRIER'],
      ['TAX', '5.57', 'DELIVERY', 'CARRIER'],
    ],
    mentions: [
      '1 × 20 sticks = 0.02 thousand sticks × 394.09 GBP + 16.5% × 12.00 GBP',
      'a pack of 20 cigarettes',
      "the item's price is taken as the retail selling price",
      '50% × 12.00 GBP',
      'GB-MFN-240220',
      '20% × (12.00 + 6.00 + 9.86) GBP',
    ],
  },
  {
    // Excise 0.02 × 353.50 = 7.07 + 16.5% × 12.00 = 1.98 → 9.05 (no minimum on file for this period either);
    // duty 50% × 12.00 = 6.00; VAT 20% × (12.00 + 6.00 + 9.05) = 5.41; total 20.46.
    name: 'GB 2026-03-01 (a past date), the £12 pack: the rate from 6 pm on 26 November 2025, applied from the next whole day, £353.50 per 1,000 plus 16.5% (GB-tobacco-duty-cigarettes, 2025-11-27 to 2026-09-30)',
    input: cigarettes('GB', '2026-03-01', '12.00', 'GBP'),
    expected: ['6.00', '14.46', '0.00', '20.46', 'GBP'],
    lines: [
      ['DUTY', '6.00', 'DELIVERY', 'CARRIER'],
      ['TAX', '9.05', 'DELIVERY', 'CARRIER'],
      ['TAX', '5.41', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['1 × 20 sticks = 0.02 thousand sticks × 353.50 GBP + 16.5% × 12.00 GBP', '20% × (12.00 + 6.00 + 9.05) GBP'],
  },
  {
    // Computed 0.02 × 334.58 = 6.6916 + 16.5% × 4.00 = 0.66 → 7.3516; Minimum Excise Duty 0.02 × 446.67 = 8.9334 → 8.93
    // is higher, so it is charged; duty 50% × 4.00 = 2.00; VAT 20% × (4.00 + 2.00 + 8.93) = 2.986 → 2.99; total 13.92.
    name: 'GB 2025-06-01 (a past date), a £4 pack: that period’s rate £334.58 + 16.5% falls below the Minimum Excise Duty of £446.67 per 1,000 (GB-tobacco-duty-cigarettes, from 2024-10-31), which is charged instead',
    input: cigarettes('GB', '2025-06-01', '4.00', 'GBP'),
    expected: ['2.00', '11.92', '0.00', '13.92', 'GBP'],
    lines: [['TAX', '8.93', 'DELIVERY', 'CARRIER']],
    mentions: [
      'minimum 0.02 × 446.67 GBP = 8.93 GBP, above 1 × 20 sticks = 0.02 thousand sticks × 334.58 GBP + 16.5% × 4.00 GBP = 7.35 GBP',
    ],
  },
  {
    // Tabaksteuer 0.02 × 122.80 = 2.456 + 19.84% × 10.00 = 1.984 → 4.44; the minimum 0.02 × 251.06 = 5.0212 less the
    // VAT within 10.00 (10.00 × 19/119 = 1.5966) = 3.42 is lower; €3 duty; VAT 19% × (10.00 + 3.00 + 4.44) = 3.3136 → 3.31.
    name: 'DE, a €10 pack of cigarettes from CN: Tabaksteuer 12.28 cent a stick plus 19.84% of the retail price, taken as the item’s price (DE-Tabaksteuer-Zigaretten, 2026), above its minimum; in the import VAT base, all on delivery',
    input: cigarettes('DE', '2026-11-26', '10.00', 'EUR'),
    expected: ['3.00', '7.75', '0.00', '10.75', 'EUR'],
    lines: [
      ['TAX', '4.44', 'DELIVERY', 'CARRIER'],
      ['TAX', '3.31', 'DELIVERY', 'CARRIER'],
    ],
    mentions: [
      '0.02 thousand sticks × 122.80 EUR + 19.84% × 10.00 EUR',
      'at least 0.02 × 251.06 EUR less the 19% VAT within 10.00 EUR = 3.42 EUR',
      '19% × (10.00 + 3.00 + 4.44) EUR',
    ],
  },
  {
    // Computed 2.456 + 19.84% × 3.00 = 0.5952 → 3.0512; minimum 5.0212 − 3.00 × 19/119 (0.478992) = 4.542208 → 4.54,
    // charged; €3 duty; VAT 19% × (3.00 + 3.00 + 4.54) = 2.0026 → 2.00; total 9.54.
    name: 'DE, a €3 pack: the minimum of 25.106 cent a stick less the VAT within the retail price (DE-Tabaksteuer-Zigaretten, TabStG § 2 Abs. 1 Nr. 1 e) is above the computed duty and is charged',
    input: cigarettes('DE', '2026-11-26', '3.00', 'EUR'),
    expected: ['3.00', '6.54', '0.00', '9.54', 'EUR'],
    lines: [['TAX', '4.54', 'DELIVERY', 'CARRIER']],
    mentions: ['minimum 0.02 × 251.06 EUR less the 19% VAT within 3.00 EUR = 4.54 EUR'],
  },
  {
    // 0.02 × 117.10 = 2.342 + 1.984 = 4.326 → 4.33; before the €3 duty, and outside the €150 relief, the tariff's
    // 57.6% × 10.00 = 5.76 (EU-MFN-240220); VAT 19% × (10.00 + 5.76 + 4.33) = 3.8171 → 3.82; total 13.91.
    name: 'DE 2025-06-01 (a past date), the €10 pack: customs duty 57.6% (EU-MFN-240220), as excise goods were outside the €150 relief; that year’s 11.71 cent a stick (DE-Tabaksteuer-Zigaretten, 2025)',
    input: cigarettes('DE', '2025-06-01', '10.00', 'EUR'),
    expected: ['5.76', '8.15', '0.00', '13.91', 'EUR'],
    lines: [
      ['DUTY', '5.76', 'DELIVERY', 'CARRIER'],
      ['TAX', '4.33', 'DELIVERY', 'CARRIER'],
      ['TAX', '3.82', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['57.6% × 10.00 EUR', '0.02 thousand sticks × 117.10 EUR + 19.84% × 10.00 EUR', '19% × (10.00 + 5.76 + 4.33) EUR'],
  },
  {
    // Excise-equivalent duty 0.02 × 1309.71 = 26.1942 → 26.19; GST 15% × (30.00 + 5.00 + 26.19) = 9.1785 → 9.18; total 35.37.
    name: 'NZ, an NZ$30 pack of cigarettes from CN + NZ$5: no NZ$1,000 relief for tobacco (NZ-border-relief-1000); excise-equivalent duty NZ$1,309.71 per 1,000 from 2026 (NZ-excise-equivalent-cigarettes), in the GST base',
    input: { ...cigarettes('NZ', '2026-11-26', '30.00', 'NZD'), shipping: money('5.00', 'NZD') },
    expected: ['26.19', '9.18', '0.00', '35.37', 'NZD'],
    lines: [
      ['DUTY', '26.19', 'DELIVERY', 'CARRIER'],
      ['TAX', '9.18', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['1 × 20 sticks = 0.02 thousand sticks × 1309.71 NZD', '15% × (30.00 + 5.00 + 26.19) NZD'],
  },
  {
    // FET 0.04 × 50.33 = 2.0132 → 2.01, in no tax base; duty 2.3% × 10.00 = 0.23 (US-MFN-240220, the ad valorem part of
    // 2402.20.80's $1.05/kg + 2.3%); CA sales tax 7.25% × 10.00 = 0.725 → 0.73 at checkout; MPF 2.69; total 5.66.
    name: 'US by courier, two $5 packs of cigarettes from CN (by post they are refused): duty 2.3% (US-MFN-240220, the $1.05/kg part left out); federal excise tax $50.33 per 1,000 (US-FET-small-cigarettes), not in the sales tax base',
    input: { ...cigarettes('US', '2026-11-26', '10.00', 'USD', 2), mode: 'EXPRESS' },
    expected: ['0.23', '2.74', '2.69', '5.66', 'USD'],
    payable: ['0.73', '4.93', '0.00'],
    lines: [
      ['DUTY', '0.23', 'DELIVERY', 'CARRIER'],
      ['TAX', '2.01', 'DELIVERY', 'CARRIER'],
    ],
    mentions: [
      '2.3% × 10.00 USD',
      'the $1.05/kg part is not charged',
      '2 × 20 sticks = 0.04 thousand sticks × 50.33 USD',
      'US-FET-small-cigarettes',
    ],
  },
  {
    // Tobacco duty 0.02 × 3150.00 = 63.00; VAT 25% × (100.00 + 63.00) = 40.75; total 103.75.
    name: 'NO 2024-06-01 (a past date), an NOK 100 pack of cigarettes from CN: tobacco duty NOK 3.15 a stick in 2024 (NO-tobakksavgift-sigaretter), in the VAT base',
    input: cigarettes('NO', '2024-06-01', '100.00', 'NOK'),
    expected: ['0.00', '103.75', '0.00', '103.75', 'NOK'],
    lines: [
      ['TAX', '63.00', 'DELIVERY', 'CARRIER'],
      ['TAX', '40.75', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['0.02 thousand sticks × 3150.00 NOK', '25% × (100.00 + 63.00) NOK'],
  },
  {
    // Duty 0.03 kg × 574.30 = 17.229 → 17.23; customs duty 70% × 20.00 = 14.00 (GB-MFN-240319);
    // VAT 20% × (20.00 + 14.00 + 17.23) = 10.246 → 10.25; total 41.48.
    name: 'GB, a £20 pouch of hand-rolling tobacco from CN: customs duty 70% (GB-MFN-240319); Tobacco Products Duty £574.30 per kg from 2026-10-01 on an assumed 30 g (GB-tobacco-duty-hand-rolling), in the VAT base',
    input: { origin: 'CN', destination: 'GB', date: '2026-11-26', items: [item('240319', '20.00', 'GBP')] },
    expected: ['14.00', '27.48', '0.00', '41.48', 'GBP'],
    lines: [
      ['DUTY', '14.00', 'DELIVERY', 'CARRIER'],
      ['TAX', '17.23', 'DELIVERY', 'CARRIER'],
      ['TAX', '10.25', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['1 × 30 g = 0.03 kg × 574.30 GBP', 'a 30 g pouch of hand-rolling tobacco', 'assumed, as the offer gives no weight'],
  },
  {
    // 20 packs, €200 > €150, so no €3 per subheading: duty 57.6% × 200.00 = 115.20 (EU-MFN-240220); Tabaksteuer
    // 0.4 × 122.80 = 49.12 + 19.84% × 200.00 = 39.68 → 88.80, above the minimum 0.4 × 251.06 = 100.424 less
    // 200.00 × 19/119 = 31.9328 → 68.49; VAT 19% × (200.00 + 115.20 + 88.80) = 76.76; total 280.76.
    name: 'DE, a €200 carton of 20 packs from CN: above €150, the tariff’s 57.6% on cigarettes (EU-MFN-240220) instead of the €3 per subheading, with the Tabaksteuer, both in the VAT base',
    input: { origin: 'CN', destination: 'DE', date: '2026-11-26', items: [item('240220', '200.00', 'EUR', 20)] },
    expected: ['115.20', '165.56', '0.00', '280.76', 'EUR'],
    lines: [
      ['DUTY', '115.20', 'DELIVERY', 'CARRIER'],
      ['TAX', '88.80', 'DELIVERY', 'CARRIER'],
      ['TAX', '76.76', 'DELIVERY', 'CARRIER'],
    ],
    mentions: [
      '57.6% × 200.00 EUR',
      'EU-MFN-240220',
      '20 × 20 sticks = 0.4 thousand sticks × 122.80 EUR',
      '19% × (200.00 + 115.20 + 88.80) EUR',
    ],
  },
  {
    // 20 packs at ¥1,000: customs value 60% × 20000 = 12000 (JP-personal-use-60pct), above the ¥10,000 waiver; duty
    // free (JP-MFN-240220); tobacco taxes 20 × 20 = 400 sticks = 0.4 × 15244 = 6097.6 → 6000 (tax down to ¥100);
    // consumption tax 10% × (12000 + 0 + 6000) = 18000 → 1800; total 7800.
    name: 'JP, 20 packs of cigarettes at ¥1,000 from CN by post: duty free (JP-MFN-240220, temporary rate); tobacco taxes ¥15,244 per 1,000 (JP-tobacco-taxes-cigarettes), truncated to ¥100 and in the consumption tax base',
    input: { origin: 'CN', destination: 'JP', date: '2026-11-26', mode: 'POSTAL', items: [item('240220', '20000', 'JPY', 20)] },
    expected: ['0', '7800', '0', '7800', 'JPY'],
    lines: [
      ['TAX', '6000', 'DELIVERY', 'CARRIER'],
      ['TAX', '1800', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['JP-MFN-240220', '20 × 20 sticks = 0.4 thousand sticks × 15244 JPY', 'JP-tobacco-taxes-cigarettes'],
  },
  {
    // Courier from CN: no C$20 or CUSMA relief for tobacco (CA-deminimis excludes 2402); duty 12.5% × 40.00 = 5.00
    // (CA-MFN-240220); no province given, so ON's HST 13% × (40.00 + 5.00) = 5.85; the excise rate adjusted on
    // 2026-04-01 is not on file, so a zero line says so; total 10.85.
    name: 'CA, a C$40 pack of cigarettes from CN by courier: duty 12.5% (CA-MFN-240220) and HST on value + duty; the federal excise rate adjusted on 2026-04-01 was not read (CA-excise-duty-cigarettes ends 2026-03-31) and a zero line says so',
    input: { origin: 'CN', destination: 'CA', date: '2026-11-26', mode: 'EXPRESS', items: [item('240220', '40.00', 'CAD')] },
    expected: ['5.00', '5.85', '0.00', '10.85', 'CAD'],
    lines: [
      ['DUTY', '5.00', 'DELIVERY', 'CARRIER'],
      ['TAX', '0.00', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['12.5% × 40.00 CAD', 'CA-MFN-240220', 'Excise on 240220 is due at import but not modelled for CA'],
  },
  {
    // By post from CN: no C$20 relief for tobacco (CA-deminimis excludes 2402); duty 12.5% × 40.00 = 5.00 (CA-MFN-240220);
    // excise duty 0.02 × 190.782 (0.95391 per 5 cigarettes × 200) = 3.81564 → 3.82, unstamped and imported for personal use
    // beyond the free allowance, so not relieved (Excise Act, 2001 s.46(2)); ON's HST 13% × (40.00 + 5.00 + 3.82) =
    // 6.3466 → 6.35; total 15.17.
    name: 'CA 2025-06-01 (a past date), a C$40 pack of cigarettes from CN by post: duty 12.5% (CA-MFN-240220); federal excise duty C$0.95391 per 5 cigarettes (CA-excise-duty-cigarettes, from 2025-04-01), in the HST base',
    input: { ...cigarettes('CA', '2025-06-01', '40.00', 'CAD'), mode: 'POSTAL' },
    expected: ['5.00', '10.17', '0.00', '15.17', 'CAD'],
    lines: [
      ['DUTY', '5.00', 'DELIVERY', 'CARRIER'],
      ['TAX', '3.82', 'DELIVERY', 'CARRIER'],
      ['TAX', '6.35', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['1 × 20 sticks = 0.02 thousand sticks × 190.782 CAD', 'CA-excise-duty-cigarettes', '13% × (40.00 + 5.00 + 3.82) CAD'],
  },
  {
    // Excise duty 0.02 × 491.00 = 9.82 (SG-excise-cigarettes, 2023-02-14 to 2026-02-11); no customs duty on tobacco
    // (the SG default, 0%); no S$400 relief for tobacco; GST 9% × (15.00 + 9.82) = 2.2338 → 2.23; total 12.05.
    name: 'SG 2025-06-01 (a past date), an S$15 pack of cigarettes from CN: excise duty 49.1 cents a stick (SG-excise-cigarettes), in the GST base at the border',
    input: { origin: 'CN', destination: 'SG', date: '2025-06-01', items: [item('240220', '15.00', 'SGD')] },
    expected: ['0.00', '12.05', '0.00', '12.05', 'SGD'],
    lines: [
      ['TAX', '9.82', 'DELIVERY', 'CARRIER'],
      ['TAX', '2.23', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['1 × 20 sticks = 0.02 thousand sticks × 491.00 SGD', '9% × (15.00 + 9.82) SGD'],
  },
  {
    // Excise duty 0.02 × 589.00 = 11.78 (SG-excise-cigarettes, from 2026-02-12, Budget 2026's 20 % rise);
    // GST 9% × (15.00 + 11.78) = 2.4102 → 2.41; total 14.19.
    name: 'SG, the S$15 pack of cigarettes from CN: excise duty 58.9 cents a stick from 2026-02-12 (SG-excise-cigarettes), in the GST base at the border',
    input: cigarettes('SG', '2026-11-26', '15.00', 'SGD'),
    expected: ['0.00', '14.19', '0.00', '14.19', 'SGD'],
    lines: [
      ['TAX', '11.78', 'DELIVERY', 'CARRIER'],
      ['TAX', '2.41', 'DELIVERY', 'CARRIER'],
    ],
    mentions: ['1 × 20 sticks = 0.02 thousand sticks × 589.00 SGD', '9% × (15.00 + 11.78) SGD'],
  },
  {
    name: 'FR, a €12 pack of cigarettes from CN: refused as a distance sale (fr-tobacco-distance-sale-prohibited, in the restrictions), and the droit de consommation was not read, so a zero line says the excise is left out; the small-parcel tax still applies (FR-taxe-petits-colis)',
    input: cigarettes('FR', '2026-11-26', '12.00', 'EUR'),
    expected: ['3.00', '3.00', '2.00', '8.00', 'EUR'],
    payable: ['0.00', '6.00', '2.00'],
    lines: [['TAX', '0.00', 'DELIVERY', 'CARRIER']],
    mentions: ['Excise on 240220 is due at import but not modelled for FR'],
  },
];

export const CASES: readonly Case[] = [...EU, ...AT_CHECKOUT, ...AMERICAS, ...ASIA, ...EXCISE, ...TOBACCO];
