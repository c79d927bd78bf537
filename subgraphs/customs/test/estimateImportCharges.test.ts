import { describe, expect, it } from 'vitest';
import { CASES, item } from './caseTable.js';
import { ESTIMATE, executeCustoms, type Charges } from './executeCustoms.js';

const minor = (amount: string) => BigInt(amount.replace('.', ''));

describe('estimateImportCharges: the documented case table (caseTable.ts)', () => {
  it.each(CASES)('$name', async ({ input, expected, payable, deMinimisApplied, lines, region, mentions }) => {
    const { result } = await executeCustoms<{ estimateImportCharges: Charges }>(ESTIMATE, { input });
    expect(result.errors).toBeUndefined();
    const charges = result.data?.estimateImportCharges;
    if (!charges) throw new Error('no answer');
    const [duties, taxes, fees, total, currency] = expected;
    expect([charges.duties, charges.taxes, charges.fees, charges.total]).toEqual(
      [duties, taxes, fees, total].map((amount) => ({ amount, currency })),
    );
    const [checkout, delivery, seller] = payable ?? [
      (0).toFixed(currency === 'JPY' || currency === 'KRW' ? 0 : 2),
      total,
      (0).toFixed(currency === 'JPY' || currency === 'KRW' ? 0 : 2),
    ];
    expect([charges.payableAtCheckout.amount, charges.payableOnDelivery.amount, charges.sellerPaid.amount]).toEqual([
      checkout,
      delivery,
      seller,
    ]);
    if (deMinimisApplied !== undefined) expect(charges.deMinimisApplied).toBe(deMinimisApplied);
    if (region !== undefined) expect([charges.region, charges.regionAssumed]).toEqual(region);
    expect(charges.rulesDate).toBe(input['date']);
    for (const [kind, amount, collectedAt, remitter, paidBy = 'BUYER'] of lines ?? []) {
      expect(charges.lines).toContainEqual(expect.objectContaining({ kind, amount: { amount, currency }, collectedAt, remitter, paidBy }));
    }
    const text = charges.lines.map((line) => `${line.description} | ${line.formula} | ${line.source}`).join('\n');
    for (const mention of mentions ?? []) expect(text).toContain(mention);
    // Every line is in the destination currency and cites a rule; the totals are exact sums of the lines.
    expect(charges.lines.every((line) => line.amount.currency === currency && line.source !== '' && line.formula !== '')).toBe(true);
    const sum = (keep: (line: Charges['lines'][number]) => boolean) =>
      charges.lines.filter(keep).reduce((s, line) => s + minor(line.amount.amount), 0n);
    expect(sum(() => true)).toBe(minor(total));
    expect(sum((line) => line.paidBy === 'BUYER' && line.collectedAt === 'CHECKOUT')).toBe(minor(checkout));
    expect(minor(checkout) + minor(delivery) + minor(seller)).toBe(minor(total));
  });

  it('cites a rule in every case name, and has a case for every destination with rules', () => {
    for (const c of CASES) expect(c.name).toMatch(/\b[A-Z]{2}-[A-Za-z0-9][A-Za-z0-9-]+[,;)]/);
    const destinations = new Set(CASES.map((c) => String(c.input['destination']).slice(0, 2)));
    for (const code of ['DE', 'FR', 'IT', 'GB', 'US', 'CA', 'AU', 'JP', 'CN', 'BR', 'MY', 'SG', 'KR', 'IN', 'MX', 'NZ', 'NO'])
      expect(destinations).toContain(code);
  });

  it('names the customs series each converted line used', async () => {
    const { result } = await executeCustoms<{ estimateImportCharges: Charges }>(ESTIMATE, {
      input: { origin: 'CN', destination: 'DE', date: '2026-11-26', items: [item('610910', '300.00', 'USD')] },
    });
    const rates = result.data!.estimateImportCharges.lines.flatMap((line) => line.exchangeRates);
    expect(rates.length).toBeGreaterThan(0);
    expect(rates.every((rate) => rate.series === 'EU_CUSTOMS_MONTHLY' && rate.from === 'USD' && rate.to === 'EUR')).toBe(true);
  });

  it('asks for exchange rates only when a conversion needs them', async () => {
    const same = await executeCustoms(ESTIMATE, { input: CASES[0]?.input });
    expect(same.fetches).toBe(0);
    const converted = await executeCustoms(ESTIMATE, { input: CASES.find((c) => c.name.startsWith('BR'))?.input });
    expect(converted.fetches).toBe(1);
  });

  it('answers goods priced in another currency that cross no customs border while the FX source is down', async () => {
    const { result, fetches } = await executeCustoms<{ estimateImportCharges: Charges }>(
      ESTIMATE,
      { input: { origin: 'FR', destination: 'DE', date: '2026-11-26', items: [item('610910', '300.00', 'USD')] } },
      { fxDown: true },
    );
    expect(fetches).toBe(1);
    expect(result.errors).toBeUndefined();
    expect(result.data?.estimateImportCharges.total).toEqual({ amount: '0.00', currency: 'EUR' });
  });

  it("fails with the FX source's own failure when goods that cross a border must be converted and it is down", async () => {
    const { result } = await executeCustoms(
      ESTIMATE,
      { input: { origin: 'CN', destination: 'DE', date: '2026-11-26', items: [item('610910', '300.00', 'USD')] } },
      { fxDown: true },
    );
    expect(result.errors?.[0]?.message).toContain('FX source unreachable');
  });

  it("defaults to DAP, EXPRESS and today, and says which day's rules it used", async () => {
    const { result } = await executeCustoms<{ estimateImportCharges: Charges }>(ESTIMATE, {
      input: { origin: 'CN', destination: 'DE', items: [item('610910', '300.00', 'EUR')] },
    });
    expect(result.data?.estimateImportCharges.rulesDate).toBe('2026-11-26');
    expect(result.data?.estimateImportCharges.total).toEqual({ amount: '99.84', currency: 'EUR' });
    expect(result.data?.estimateImportCharges.payableOnDelivery).toEqual({ amount: '99.84', currency: 'EUR' });
  });
});
