import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { graphqlRequest } from '../support/graphqlRequest.js';

/** What may not cross, through the whole stack: catalog → logistics → customs → payments. */
describe('restricted goods are refused with a reason, through the gateway', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await launchStack({ ports: 'free' });
  });
  afterAll(() => stack?.stop());

  const SHIP = `query ($query: String!, $shipTo: CountryCode!, $currency: CurrencyCode!) {
    search(query: $query, first: 5, filter: { shipTo: $shipTo }) { edges { node {
      title originCountry hsClassification { hsCode }
      shippingOptions(to: $shipTo) {
        mode consignment { customsMode }
        restrictions { kind rule document }
        importCharges { restrictions { kind rule } }
        landedCost(currency: $currency) { total { amount currency } }
      }
      shippingRestrictions(to: $shipTo) { carrier { id } mode reason restriction { kind rule source } }
      restrictions(to: $shipTo) { kind rule reason source modes }
    } } }
  }`;
  type Node = {
    title: string;
    originCountry: string;
    hsClassification: { hsCode: string | null };
    shippingOptions: Array<{
      mode: string;
      consignment: { customsMode: string | null };
      restrictions: Array<{ kind: string; rule: string; document: string | null }>;
      importCharges: { restrictions: Array<{ kind: string; rule: string }> };
      landedCost: { total: { amount: string; currency: string } };
    }>;
    shippingRestrictions: Array<{
      carrier: { id: string };
      mode: string;
      reason: string;
      restriction: { kind: string; rule: string; source: string } | null;
    }>;
    restrictions: Array<{ kind: string; rule: string; reason: string; source: string; modes: string[] }>;
  };
  const ship = async (query: string, shipTo: string, currency: string): Promise<Node[]> => {
    const document = parse(SHIP) as TypedDocumentNode<{ search: { edges: Array<{ node: Node }> } }, Record<string, string>>;
    const result = await graphqlRequest(stack.gatewayUrl, document, { query, shipTo, currency });
    expect(result.errors).toBeUndefined();
    return result.data!.search.edges.map((edge) => edge.node);
  };

  it('a search for "lithium battery" to the US by post shows no postal option, and says why', async () => {
    const offers = (await ship('lithium battery', 'US', 'USD')).filter((node) => node.hsClassification.hsCode?.startsWith('8507'));
    expect(offers.length).toBeGreaterThan(0);
    for (const offer of offers) {
      expect(offer.shippingOptions.some((option) => option.consignment.customsMode === 'POSTAL')).toBe(false);
      expect(offer.shippingRestrictions).toContainEqual(
        expect.objectContaining({
          mode: 'POSTAL',
          restriction: expect.objectContaining({
            kind: 'PROHIBITED',
            rule: 'upu-lithium-batteries-alone',
            source: expect.stringMatching(/https?:\/\//),
          }),
        }),
      );
      expect(offer.restrictions[0]).toMatchObject({ kind: 'PROHIBITED', modes: ['POSTAL'] });
      // What may go is priced, and carries its conditions in the option and in the import charges alike.
      for (const option of offer.shippingOptions) {
        expect(option.landedCost.total.currency).toBe('USD');
        expect(option.importCharges.restrictions.map((r) => r.rule)).toEqual(option.restrictions.map((r) => r.rule));
      }
    }
  });

  it('wine to the US has no postal option; it may go by courier with an FDA prior notice', async () => {
    const wines = (await ship('riesling', 'US', 'USD')).filter((node) => node.hsClassification.hsCode?.startsWith('2204'));
    expect(wines.length).toBeGreaterThan(0);
    for (const wine of wines) {
      expect(wine.shippingOptions.some((option) => option.consignment.customsMode === 'POSTAL')).toBe(false);
      expect(wine.restrictions.map((restriction) => restriction.rule)).toContain('us-alcohol-nonmailable');
      for (const option of wine.shippingOptions.filter((candidate) => candidate.consignment.customsMode !== null)) {
        expect(option.restrictions).toContainEqual(expect.objectContaining({ kind: 'CONDITIONAL', rule: 'us-fda-prior-notice-food' }));
      }
    }
  });

  it('estimateImportCharges answers the restrictions of its mode', async () => {
    const ESTIMATE = `query ($mode: CustomsMode) {
      estimateImportCharges(input: { origin: "DE", destination: "US", mode: $mode, items: [{ hsCode: "2204.21", quantity: 1, value: { amount: "20.00", currency: "EUR" } }] }) {
        restrictions { kind rule modes }
      }
    }`;
    type Estimate = { estimateImportCharges: { restrictions: Array<{ kind: string; rule: string; modes: string[] }> } };
    const document = parse(ESTIMATE) as TypedDocumentNode<Estimate, { mode: string }>;
    const postal = await graphqlRequest(stack.gatewayUrl, document, { mode: 'POSTAL' });
    expect(postal.errors).toBeUndefined();
    expect(postal.data!.estimateImportCharges.restrictions[0]).toEqual({
      kind: 'PROHIBITED',
      rule: 'us-alcohol-nonmailable',
      modes: ['POSTAL'],
    });
    const courier = await graphqlRequest(stack.gatewayUrl, document, { mode: 'EXPRESS' });
    expect(courier.data!.estimateImportCharges.restrictions.map((restriction) => restriction.kind)).toEqual(['CONDITIONAL']);
  });
});
