import { describe, expect, it } from 'vitest';
import { operationNameIn } from './graphqlFetcher.js';

describe("the explorer's operation name", () => {
  const placeOrder = 'mutation PlaceOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } } }';

  it('keeps a name the document has', () => {
    expect(operationNameIn(`${placeOrder} query Order { order(id: "x") { id } }`, 'Order')).toBe('Order');
  });

  it("runs a document's only operation when GraphiQL still holds another tab's name", () => {
    expect(operationNameIn(placeOrder, 'Search')).toBe('PlaceOrder');
    expect(operationNameIn('{ orders { totalCount } }', 'Search')).toBeNull();
  });

  it('leaves the choice to the gateway when the document has several operations or does not parse', () => {
    expect(operationNameIn(`${placeOrder} query Order { order(id: "x") { id } }`, 'Search')).toBe('Search');
    expect(operationNameIn('mutation {', 'Search')).toBe('Search');
  });
});
