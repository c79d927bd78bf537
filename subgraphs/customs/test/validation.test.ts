import { describe, expect, it } from 'vitest';
import { ESTIMATE, executeCustoms } from './executeCustoms.js';

const valid = {
  origin: 'CN',
  destination: 'DE',
  date: '2026-11-26',
  items: [{ hsCode: '610910', quantity: 1, value: { amount: '300.00', currency: 'EUR' } }],
  shipping: { amount: '8.00', currency: 'EUR' },
};
const withItem = (patch: Record<string, unknown>) => ({ ...valid, items: [{ ...valid.items[0], ...patch }] });

/** Each bad input is refused with BAD_USER_INPUT naming the field as the client wrote it. */
const BAD: Array<[what: string, field: string, input: Record<string, unknown>]> = [
  ['a destination without rules', 'input.destination', { ...valid, destination: 'TH' }],
  ['a destination without rules, by its new name', 'input.destinationCountry', { ...valid, destination: null, destinationCountry: 'TH' }],
  ['an origin given twice, differently', 'input.originCountry', { ...valid, originCountry: 'JP' }],
  ['no origin at all', 'input.originCountry', { ...valid, origin: null }],
  ['no items', 'input.items', { ...valid, items: [] }],
  ['an HS code of 4 digits', 'input.items[0].hsCode', withItem({ hsCode: '6109' })],
  ['an HS code of 11 digits', 'input.items[0].hsCode', withItem({ hsCode: '61091000001' })],
  ['an HS code with letters', 'input.items[0].hsCode', withItem({ hsCode: '6109AB' })],
  ['an HS code whose subheading HS 2022 does not have', 'input.items[0].hsCode', withItem({ hsCode: '610999' })],
  ['a mobile-phone code HS 2022 retired', 'input.items[0].hsCode', withItem({ hsCode: '8517.12.00' })],
  ['a zero quantity', 'input.items[0].quantity', withItem({ quantity: 0 })],
  ['a negative quantity', 'input.items[0].quantity', withItem({ quantity: -2 })],
  ['a negative value', 'input.items[0].value.amount', withItem({ value: { amount: '-1.00', currency: 'EUR' } })],
  ['a malformed amount', 'input.items[0].value.amount', withItem({ value: { amount: '12,50', currency: 'EUR' } })],
  ['more decimals than the currency has', 'input.items[0].value.amount', withItem({ value: { amount: '12.345', currency: 'EUR' } })],
  [
    'items in two currencies',
    'input.items[1].value.currency',
    { ...valid, items: [valid.items[0], { hsCode: '851830', quantity: 1, value: { amount: '20.00', currency: 'USD' } }] },
  ],
  ['shipping in another currency', 'input.shipping.currency', { ...valid, shipping: { amount: '8.00', currency: 'USD' } }],
  ['a negative shipping cost', 'input.shipping.amount', { ...valid, shipping: { amount: '-8.00', currency: 'EUR' } }],
  ['a date that does not exist', 'input.date', { ...valid, date: '2026-02-30' }],
  ['a date in another format', 'input.date', { ...valid, date: '26.11.2026' }],
  ['a date before the rules on file', 'input.date', { ...valid, date: '1990-01-01' }],
  ['a malformed IOSS number', 'input.iossNumber', { ...valid, iossNumber: 'IOSS-123' }],
  ['a currency without a reference rate', 'input.items', { ...withItem({ value: { amount: '100.00', currency: 'AED' } }), shipping: null }],
];

describe('estimateImportCharges input validation', () => {
  it.each(BAD)('refuses %s, naming %s', async (_what, field, input) => {
    const { result } = await executeCustoms(ESTIMATE, { input: { ...input, shipping: input['shipping'] ?? null } });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: field });
    expect(result.errors?.[0]?.message).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}`));
  });

  it('refuses an unknown Incoterm by the schema (the Incoterm enum), naming input.incoterm', async () => {
    const { result } = await executeCustoms(ESTIMATE, { input: { ...valid, incoterm: 'FREE' } });
    // Executed without Apollo Server here; over HTTP Apollo Server adds `extensions.code: BAD_USER_INPUT`.
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/"FREE" at "input\.incoterm".*Incoterm/);
  });

  it('answers alike whether origin and destination come by their names or their former ones', async () => {
    const renamed = { ...valid, origin: null, destination: null, originCountry: 'CN', destinationCountry: 'DE' };
    const [named, former] = await Promise.all([
      executeCustoms(ESTIMATE, { input: { ...renamed, shipping: valid.shipping } }),
      executeCustoms(ESTIMATE, { input: valid }),
    ]);
    expect(named.result.errors).toBeUndefined();
    expect(named.result.data).toEqual(former.result.data);
  });

  it('accepts HS codes written with dots, up to 10 digits', async () => {
    const { result } = await executeCustoms(ESTIMATE, { input: withItem({ hsCode: '6109.10.00.10' }) });
    expect(result.errors).toBeUndefined();
  });
});
