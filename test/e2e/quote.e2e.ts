import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EstimateImportChargesDocument, SearchDocument, type SearchQuery } from '#operations/__generated__/operations.js';
import type { IsoCountryCode } from '#packages/countries/index.js';
import { exponentOf, parseMoney, type CurrencyCode } from '#packages/money/index.js';
import { loadHsNomenclature } from '#packages/hs/index.js';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { toGlobalId } from '#subgraphs/catalog/src/globalId.js';
import { listings, numIidOf } from '#upstreams/cn-jademarket/catalog.js';
import { graphqlRequest } from '../support/graphqlRequest.js';

/** The contract's one-request quote: search → shipping options → import charges → landed cost. */
describe('landed cost in the buyer’s currency, in one query', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    stack = await launchStack({ ports: 'free' });
  });
  afterAll(() => stack?.stop());

  const minor = (money: { amount: string; currency: string }) => parseMoney(money.amount, money.currency).minor;
  const search = async (shipTo: IsoCountryCode, currency: CurrencyCode, first = 10) => {
    const result = await graphqlRequest(stack.gatewayUrl, SearchDocument, { query: 'tea', shipTo, currency, first });
    expect(result.errors).toBeUndefined();
    return result.data!.search;
  };

  it.each<[IsoCountryCode, CurrencyCode]>([
    ['DE', 'EUR'],
    ['US', 'USD'],
    ['BR', 'BRL'],
    ['JP', 'JPY'],
    ['GB', 'GBP'],
  ])('answers search.graphql in full to %s in %s; every total is exactly the sum of its parts', async (shipTo, currency) => {
    const page = await search(shipTo, currency);
    const options = page.edges.flatMap((edge) => edge.node.shippingOptions);
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) {
      // every provider up: every option is priced (a landed cost is null only when one could not be had)
      const quote = option.landedCost!;
      expect(quote).not.toBeNull();
      const parts = [quote.item, quote.shipping, quote.duties, quote.taxes, quote.fees];
      for (const part of [...parts, quote.total]) {
        expect(part.currency).toBe(currency);
        const decimals = part.amount.split('.')[1]?.length ?? 0;
        expect(decimals).toBe(exponentOf(currency));
      }
      expect(minor(quote.total)).toBe(parts.reduce((sum, part) => sum + minor(part), 0n));
      // The contract's lines do not say who pays; every line but a fee the seller bears (EU/UK
      // consumers may not be surcharged) is the buyer's, so the lines cover the total.
      expect(quote.lines.reduce((sum, line) => sum + minor(line.amount), 0n) >= minor(quote.total)).toBe(true);
      expect(quote.quoteId.length).toBeGreaterThan(20);
      expect(Date.parse(quote.expiresAt)).toBeGreaterThan(Date.now());
      for (const line of quote.lines) expect(line.source.length).toBeGreaterThan(0);
    }
  });

  it('quotes what the buyer pays through the whole stack: checkout taxes, who collects each part, a region, a method', async () => {
    const TRUTH = `query ($shipTo: CountryCode!, $currency: CurrencyCode!, $method: PaymentMethod) {
      search(query: "tea", first: 5, filter: { shipTo: $shipTo }) { edges { node { shippingOptions(to: $shipTo) {
        mode
        consignment { destinationRegion customsMode }
        importCharges { region regionAssumed payableAtCheckout { amount currency } lines { kind amount { amount currency } collectedAt remitter paidBy } }
        landedCost(currency: $currency, paymentMethod: $method) {
          total { amount currency } payableAtCheckout { amount currency } payableOnDelivery { amount currency } paymentMethod
          lines { kind amount { amount currency } collectedAt remitter paidBy }
        }
      } } } }
    }`;
    type Line = {
      kind: string;
      amount: { amount: string; currency: string };
      collectedAt: string;
      remitter: string | null;
      paidBy: string;
    };
    type Option = {
      mode: string;
      consignment: { destinationRegion: string | null; customsMode: string | null };
      importCharges: {
        region: string | null;
        regionAssumed: boolean;
        payableAtCheckout: { amount: string; currency: string };
        lines: Line[];
      };
      landedCost: {
        total: { amount: string; currency: string };
        payableAtCheckout: { amount: string; currency: string };
        payableOnDelivery: { amount: string; currency: string };
        paymentMethod: string | null;
        lines: Line[];
      };
    };
    const ask = async (shipTo: string, currency: string, method: string | null) => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: TRUTH, variables: { shipTo, currency, method } }),
      });
      const body = (await response.json()) as {
        data?: { search: { edges: Array<{ node: { shippingOptions: Option[] } }> } };
        errors?: unknown;
      };
      expect(body.errors).toBeUndefined();
      return body.data!.search.edges.flatMap((edge) => edge.node.shippingOptions);
    };
    const holds = (option: Option) => {
      const cost = option.landedCost;
      const buyers = cost.lines.filter((line) => line.paidBy === 'BUYER').reduce((sum, line) => sum + minor(line.amount), 0n);
      expect(buyers).toBe(minor(cost.total));
      expect(minor(cost.payableAtCheckout) + minor(cost.payableOnDelivery)).toBe(minor(cost.total));
    };

    // GB: goods up to £135 carry 20% VAT charged at checkout by the marketplace, in the total.
    const gb = await ask('GB', 'GBP', 'CARD');
    expect(gb.length).toBeGreaterThan(0);
    for (const option of gb) holds(option);
    const atSale = gb.filter((option) => option.importCharges.lines.some((line) => line.kind === 'TAX' && line.collectedAt === 'CHECKOUT'));
    expect(atSale.length).toBeGreaterThan(0);
    for (const option of atSale) {
      expect(option.importCharges.lines).toContainEqual(
        expect.objectContaining({ kind: 'TAX', collectedAt: 'CHECKOUT', remitter: 'MARKETPLACE', paidBy: 'BUYER' }),
      );
      expect(option.landedCost.lines.some((line) => line.kind === 'TAX' && minor(line.amount) > 0n)).toBe(true);
      // A UK consumer's card fee is the seller's.
      expect(option.landedCost.lines).toContainEqual(expect.objectContaining({ kind: 'FEE', collectedAt: 'CHECKOUT', paidBy: 'SELLER' }));
      expect(option.landedCost.paymentMethod).toBe('CARD');
    }

    // CA-QC: the region travels from shipTo to logistics, customs and payments.
    const quebec = await ask('CA-QC', 'CAD', null);
    expect(quebec.length).toBeGreaterThan(0);
    for (const option of quebec) {
      holds(option);
      expect(option.consignment.destinationRegion).toBe('CA-QC');
      if (option.consignment.customsMode !== null) expect(option.importCharges).toMatchObject({ region: 'CA-QC', regionAssumed: false });
    }
    expect(new Set(quebec.map((option) => option.consignment.customsMode))).toContain('POSTAL');
  });

  it('offers at least three distinct modes across a page', async () => {
    const page = await search('DE', 'EUR', 20);
    const modes = new Set(page.edges.flatMap((edge) => edge.node.shippingOptions.map((option) => option.mode)));
    expect(modes.size).toBeGreaterThanOrEqual(3);
  });

  it('calls each carrier, FX and payment sandbox as often for 50 offers as for 10', async () => {
    const counts = async () => {
      const totals: Record<string, number> = {};
      for (const [id, url] of Object.entries(stack.sandboxUrls))
        totals[id] = ((await (await fetch(`${url}/__sandbox/stats`)).json()) as { total: number }).total;
      return totals;
    };
    const reset = () => Promise.all(Object.values(stack.sandboxUrls).map((url) => fetch(`${url}/__sandbox/stats`, { method: 'DELETE' })));
    const quoteSandboxes = (totals: Record<string, number>) =>
      Object.fromEntries(
        Object.entries(totals).filter(
          ([id]) => !['cn-jademarket', 'br-feira', 'my-pasarmall', 'de-marktplatz', 'us-mainstreet', 'jp-ichiba'].includes(id),
        ),
      );

    await search('DE', 'EUR', 10); // warm the FX cache, as a running service has it
    await reset();
    await search('DE', 'EUR', 10);
    const forTen = quoteSandboxes(await counts());
    await reset();
    const fifty: SearchQuery['search'] = await search('DE', 'EUR', 50);
    expect(fifty.edges.length).toBe(50);
    const forFifty = quoteSandboxes(await counts());
    expect(forFifty).toEqual(forTen);
    for (const calls of Object.values(forFifty)) expect(calls).toBeLessThanOrEqual(2);
  });

  it('answers the contract’s estimateImportCharges example', async () => {
    const result = await graphqlRequest(stack.gatewayUrl, EstimateImportChargesDocument, {
      input: {
        origin: 'CN',
        destination: 'DE',
        incoterm: 'DDP',
        items: [{ hsCode: '610910', quantity: 1, value: { amount: '300.00', currency: 'EUR' } }],
        shipping: { amount: '0.00', currency: 'EUR' },
      },
    });
    expect(result.errors).toBeUndefined();
    const charges = result.data!.estimateImportCharges;
    expect(charges.duties).toEqual({ amount: '36.00', currency: 'EUR' }); // EU MFN 12% on 6109.10
    expect(charges.taxes).toEqual({ amount: '63.84', currency: 'EUR' }); // 19% × (300.00 + 36.00)
    expect(charges.total).toEqual({ amount: '99.84', currency: 'EUR' });
  });

  it('quotes an offer whose seller declared a code HS 2022 does not have on the code classified from its title, and says so', async () => {
    const hs = loadHsNomenclature();
    const wrong = listings.find((listing) => listing.declaredHsCode?.length === 6 && !hs.get(listing.declaredHsCode) && listing.stock > 0);
    expect(wrong, 'the seeded Jade Market catalog has a listing with a wrong code').toBeDefined();
    const id = toGlobalId('Offer', { marketplaceId: 'cn-jademarket', nativeId: String(numIidOf(wrong!)) });
    type Quoted = {
      offer: {
        hsCode: string;
        hsClassification: { hsCode: string; status: string; confidence: number };
        shippingOptions: Array<{
          consignment: { hsCode: string; hsCodeStatus: string; rejectedHsCode: string };
          importCharges: { lines: Array<{ kind: string; description: string; source: string }> };
          landedCost: { lines: Array<{ kind: string; description: string; source: string }> };
        }>;
      };
    };
    const result = await graphqlRequest(
      stack.gatewayUrl,
      parse(`query ($id: ID!) { offer(id: $id) {
        hsCode hsClassification { hsCode status confidence }
        shippingOptions(to: "US") {
          consignment { hsCode hsCodeStatus rejectedHsCode }
          importCharges { lines { kind description source } }
          landedCost(currency: USD) { lines { kind description source } }
        }
      } }`) as TypedDocumentNode<Quoted, { id: string }>,
      { id },
    );
    expect(result.errors).toBeUndefined();
    const { offer } = result.data!;
    expect(offer.hsCode).toBe(wrong!.declaredHsCode);
    expect(offer.hsClassification).toMatchObject({ status: 'SUGGESTED', hsCode: wrong!.archetype.hsCode });
    expect(offer.shippingOptions.length).toBeGreaterThan(0);
    const said = `classified from the title as ${wrong!.archetype.hsCode.slice(0, 4)}.${wrong!.archetype.hsCode.slice(4)}, confidence ${offer.hsClassification.confidence.toFixed(2)} (the seller's ${wrong!.declaredHsCode} is not an HS 2022 subheading)`;
    for (const option of offer.shippingOptions) {
      expect(option.consignment).toEqual({
        hsCode: wrong!.archetype.hsCode,
        hsCodeStatus: 'SUGGESTED',
        rejectedHsCode: wrong!.declaredHsCode,
      });
      // Customs' duty line says it; the landed cost's duty line cites customs' lines in its source.
      for (const lines of [option.importCharges.lines, option.landedCost.lines]) {
        const duty = lines.filter((line) => line.kind === 'DUTY');
        expect(duty.length).toBeGreaterThan(0);
        for (const line of duty) expect(`${line.description} ${line.source}`).toContain(said);
      }
    }
  });

  it('refuses a quote id edited by hand', async () => {
    const page = await search('DE', 'EUR', 1);
    const quoteId = page.edges[0]!.node.shippingOptions[0]!.landedCost!.quoteId;
    const edited = quoteId.slice(0, 10) + (quoteId[10] === 'A' ? 'B' : 'A') + quoteId.slice(11);
    const read = (id: string) =>
      fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query ($id: ID!) { quote(quoteId: $id) { total { amount currency } } }', variables: { id } }),
      }).then((response) => response.json() as Promise<{ data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }>);
    expect((await read(quoteId)).errors).toBeUndefined();
    const refused = await read(edited);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', quoteError: 'QUOTE_INVALID' });
  });
});
