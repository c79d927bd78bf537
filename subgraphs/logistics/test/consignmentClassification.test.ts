import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offer, type OfferRepresentation } from './support/offerRepresentations.js';
import { startLogistics, type TestLogistics } from './startLogistics.js';

const CONSIGNMENTS = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Offer { shippingOptions(to: "DE") { consignment { hsCode hsCodeStatus hsCodeConfidence rejectedHsCode } } }
  }
}`;
type Consignment = { hsCode: string | null; hsCodeStatus: string; hsCodeConfidence: number | null; rejectedHsCode: string | null };

let logistics: TestLogistics;
beforeAll(async () => {
  logistics = await startLogistics();
});
afterAll(() => logistics.stop());

async function consignmentOf(representation: OfferRepresentation): Promise<Consignment> {
  const result = await logistics.query<{ _entities: Array<{ shippingOptions: Array<{ consignment: Consignment }> }> }>(CONSIGNMENTS, {
    representations: [representation],
  });
  expect(result.errors).toBeUndefined();
  const consignments = result.data!._entities[0]!.shippingOptions.map((option) => option.consignment);
  expect(consignments.length).toBeGreaterThan(0);
  expect(new Set(consignments.map((consignment) => JSON.stringify(consignment))).size).toBe(1); // every option carries the same goods
  return consignments[0]!;
}

describe('the consignment carries the offer’s HS classification to customs', () => {
  it('as the catalog checked it: the code to assess, where it comes from, how sure, and the seller’s code set aside', async () => {
    expect(await consignmentOf(offer())).toEqual({
      hsCode: '090210',
      hsCodeStatus: 'DECLARED',
      hsCodeConfidence: null,
      rejectedHsCode: null,
    });
    expect(
      await consignmentOf(offer({ hsCode: '090299', hsClassification: { hsCode: '090210', status: 'SUGGESTED', confidence: 0.82 } })),
    ).toEqual({ hsCode: '090210', hsCodeStatus: 'SUGGESTED', hsCodeConfidence: 0.82, rejectedHsCode: '090299' });
    expect(await consignmentOf(offer({ hsCode: null, hsClassification: { hsCode: null, status: 'UNKNOWN', confidence: null } }))).toEqual({
      hsCode: null,
      hsCodeStatus: 'UNKNOWN',
      hsCodeConfidence: null,
      rejectedHsCode: null,
    });
  });

  it('checks the seller’s code itself when a caller sends no classification', async () => {
    const { hsClassification: _, ...bare } = offer({ hsCode: '6109.10.00' });
    expect(await consignmentOf(bare)).toMatchObject({ hsCode: '61091000', hsCodeStatus: 'DECLARED' });
    const { hsClassification: __, ...wrong } = offer({ hsCode: '610999' });
    expect(await consignmentOf(wrong)).toEqual({ hsCode: null, hsCodeStatus: 'INVALID', hsCodeConfidence: null, rejectedHsCode: '610999' });
  });

  it('refuses a classification it cannot read, naming where', async () => {
    const result = await logistics.query(CONSIGNMENTS, {
      representations: [offer({ hsClassification: { hsCode: '090210', status: 'MAYBE', confidence: null } })],
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(result.errors?.[0]?.message).toMatch(/hsClassification\.status/);
  });
});
