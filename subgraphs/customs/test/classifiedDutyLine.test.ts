import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCustoms, type TestCustoms } from './startCustoms.js';

const DUTY_LINES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on ShippingOption { importCharges { duties { amount currency } lines { kind description amount { amount } } } }
  }
}`;
type Charges = {
  duties: { amount: string; currency: string };
  lines: Array<{ kind: string; description: string; amount: { amount: string } }>;
};

let customs: TestCustoms;
beforeAll(async () => {
  customs = await startCustoms();
});
afterAll(() => customs.stop());

/** A consignment of one cotton T-shirt lot from China to the US, as logistics carries it. */
function option(classification: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ShippingOption',
    id: `option-${JSON.stringify(classification)}`,
    cost: { amount: '20.00', currency: 'USD' },
    consignment: {
      originCountry: 'CN',
      destinationCountry: 'US',
      quantity: 10,
      goodsValue: { amount: '300.00', currency: 'USD' },
      weightGrams: 2000,
      alreadyImported: false,
      ...classification,
      ...overrides,
    },
  };
}

async function chargesOf(...representations: ReturnType<typeof option>[]): Promise<Charges[]> {
  const { data, errors } = await customs.query<{ _entities: Array<{ importCharges: Charges }> }>(DUTY_LINES, { representations });
  expect(errors).toBeUndefined();
  return data!._entities.map((entity) => entity.importCharges);
}
const dutyLine = (charges: Charges) => charges.lines.find((line) => line.kind === 'DUTY')!;

describe('the duty line says where the HS code came from', () => {
  const declared = { hsCode: '610910', hsCodeStatus: 'DECLARED', hsCodeConfidence: null, rejectedHsCode: null };
  const suggested = { hsCode: '610910', hsCodeStatus: 'SUGGESTED', hsCodeConfidence: 0.82, rejectedHsCode: null };

  it('quotes a classified code as it would the same code declared, and says it was classified, with what confidence', async () => {
    const [asDeclared, asSuggested, replacingWrong] = await chargesOf(
      option(declared),
      option(suggested),
      option({ ...suggested, rejectedHsCode: '610999' }),
    );
    expect(asSuggested!.duties).toEqual(asDeclared!.duties);
    expect(Number(asSuggested!.duties.amount)).toBeGreaterThan(0);
    expect(dutyLine(asDeclared!).description).not.toMatch(/classified/);
    expect(dutyLine(asSuggested!).description).toContain(
      'classified from the title as 6109.10, confidence 0.82 (the seller declared no HS code)',
    );
    expect(dutyLine(replacingWrong!).description).toContain(
      "classified from the title as 6109.10, confidence 0.82 (the seller's 610999 is not an HS 2022 subheading)",
    );
  });

  it('says what was assumed when no code could be had', async () => {
    const [unknown, invalid] = await chargesOf(
      option({ hsCode: null, hsCodeStatus: 'UNKNOWN', hsCodeConfidence: null, rejectedHsCode: null }),
      option({ hsCode: null, hsCodeStatus: 'INVALID', hsCodeConfidence: null, rejectedHsCode: '6109' }),
    );
    expect(dutyLine(unknown!).description).toMatch(
      /^Import duty on unclassified goods: default rate [\d.]+% assumed for goods without an HS code \(assumption\)/,
    );
    expect(dutyLine(unknown!).description).toContain('no HS code: the seller declared no HS code and the title could not be classified');
    expect(dutyLine(invalid!).description).toContain(
      "no HS code: the seller's 6109 is not an HS 2022 subheading and the title could not be classified",
    );
  });

  it('notes the classification on a regime line too (EU flat duty or waiver on a low-value parcel)', async () => {
    const [lowValue] = await chargesOf(
      option(suggested, { destinationCountry: 'DE', goodsValue: { amount: '12.00', currency: 'EUR' }, quantity: 1 }),
    );
    expect(
      lowValue!.lines
        .filter((line) => line.kind === 'DUTY')
        .every((line) => line.description.includes('classified from the title as 6109.10')),
    ).toBe(true);
  });

  it('reads a representation without a status as the seller’s code, and refuses one that contradicts itself', async () => {
    const [plain] = await chargesOf(option({ hsCode: '610910' }));
    expect(dutyLine(plain!).description).not.toMatch(/classified|no HS code/);
    const { errors } = await customs.query(DUTY_LINES, { representations: [option({ ...suggested, hsCodeConfidence: null })] });
    expect(errors?.[0]?.message).toMatch(/SUGGESTED HS code without its confidence/);
  });
});
