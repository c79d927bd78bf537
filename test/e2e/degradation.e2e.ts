import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchDocument } from '#operations/__generated__/operations.js';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { graphqlRequest } from '../support/graphqlRequest.js';

const PAYMENT_SANDBOXES = ['cardnet', 'globalwallet', 'pix-br', 'fpx-my'];

/** The whole stack with parts of it broken: what a client still gets, and what it is told. */
describe('degrading instead of failing', () => {
  let stack: RunningStack;
  beforeAll(async () => {
    // no entity cache: each search must ask payments again, as a new client's would
    stack = await launchStack({
      ports: 'free',
      env: { LOG_LEVEL: 'warn', SUBGRAPH_CACHE: 'false', RESPONSE_CACHE: 'false' },
      startTimeoutMs: 240_000, // the machine may be shared with other builds
    });
  }, 300_000);
  afterAll(() => stack?.stop());

  const post = async (body: unknown) => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      body: JSON.parse(text) as {
        data?: unknown;
        errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
      },
    };
  };
  const setFault = (id: string, fault: string | null) =>
    fetch(`${stack.sandboxUrls[id]}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault }),
    });
  const callsTo = async (id: string) =>
    ((await (await fetch(`${stack.sandboxUrls[id]}/__sandbox/stats`)).json()) as { total: number }).total;
  /** Waits until a sandbox closed by `closed:<ms>` listens again. */
  const listening = (id: string) =>
    expect
      .poll(async () => (await fetch(`${stack.sandboxUrls[id]}/__sandbox/faults`).catch(() => undefined))?.ok, { timeout: 30_000 })
      .toBe(true);

  it('refuses 30 aliased searches before any marketplace is called, and runs two', async () => {
    const before = await callsTo('cn-jademarket');
    const thirty = Array.from({ length: 30 }, (_, i) => `s${i}: search(query: "tea", first: 50) { edges { cursor } }`).join(' ');
    const refused = await post({ query: `{ ${thirty} }` });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'MAX_FAN_OUT_FIELDS_LIMIT', count: 30, max: 2 });
    expect(refused.body.errors?.[0]?.message).toMatch(/asks for `search` 30 times; at most 2/);
    expect(await callsTo('cn-jademarket')).toBe(before);
    const two = await post({
      query: '{ a: search(query: "tea", first: 2) { edges { cursor } } b: search(query: "silk", first: 2) { edges { cursor } } }',
    });
    expect(two.body.errors).toBeUndefined();
  });

  it('answers a bad country or currency with BAD_USER_INPUT naming the argument and its form, never a URL or a stack', async () => {
    const country = await post({ query: '{ search(query: "tea", filter: { shipTo: "Germany" }) { edges { cursor } } }' });
    expect(country.status).toBe(400);
    expect(country.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'search(filter.shipTo)' });
    expect(country.body.errors?.[0]?.message).toMatch(/"Germany".*ISO 3166-1 alpha-2 code such as "DE"/);
    const currency = await post({ query: print(SearchDocument), variables: { query: 'tea', shipTo: 'DE', currency: 'EURO', first: 1 } });
    expect(currency.status).toBe(400);
    expect(currency.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'landedCost(currency)' });
    for (const answer of [country, currency]) expect(answer.text).not.toMatch(/http:\/\/|stacktrace|INTERNAL_SERVER_ERROR/);
  });

  it('with every payment provider down, still returns the offers and their options; each landed cost is null with its error', async () => {
    for (const id of PAYMENT_SANDBOXES) await setFault(id, 'closed:15000'); // connections refused
    try {
      const result = await graphqlRequest(stack.gatewayUrl, SearchDocument, { query: 'tea', shipTo: 'FR', currency: 'GBP', first: 3 });
      const options = result.data!.search.edges.flatMap((edge) => edge.node.shippingOptions);
      expect(result.data!.search.edges.length).toBe(3);
      expect(options.length).toBeGreaterThan(0);
      for (const option of options) {
        expect(option.landedCost).toBeNull();
        expect(option.importCharges).not.toBeNull(); // customs answers: its part stands
      }
      const landedCostErrors = (result.errors ?? []).filter((error) => error.path?.at(-1) === 'landedCost');
      expect(landedCostErrors.length).toBe(options.length);
      for (const error of landedCostErrors) expect(error.extensions?.code).toMatch(/^UPSTREAM_/);
    } finally {
      for (const id of PAYMENT_SANDBOXES) await listening(id);
    }
  });

  it('with every payment provider slow, answers by the fee-quote deadline: offers kept, landed costs null and timed out', async () => {
    for (const id of PAYMENT_SANDBOXES) await setFault(id, 'slow:8000');
    try {
      const result = await graphqlRequest(stack.gatewayUrl, SearchDocument, { query: 'tea', shipTo: 'ES', currency: 'CHF', first: 3 });
      const options = result.data!.search.edges.flatMap((edge) => edge.node.shippingOptions);
      expect(options.length).toBeGreaterThan(0);
      expect(options.every((option) => option.landedCost === null)).toBe(true);
      const codes = new Set(
        (result.errors ?? []).filter((error) => error.path?.at(-1) === 'landedCost').map((error) => error.extensions?.code),
      );
      expect(codes).toEqual(new Set(['UPSTREAM_TIMEOUT']));
    } finally {
      for (const id of PAYMENT_SANDBOXES) await setFault(id, null);
    }
  });
});
