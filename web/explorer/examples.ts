import estimateImportCharges from '../../operations/estimateImportCharges.graphql';
import order from '../../operations/order.graphql';
import placeOrder from '../../operations/placeOrder.graphql';
import search from '../../operations/search.graphql';

/** One tab the explorer opens with: a contract operation and variables that run as they are. */
export interface Example {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/**
 * The contract operations (`operations/*.graphql`, bundled at build time, so they are the ones CI
 * checks), in the order a new developer uses them: find an item with its landed cost, estimate a
 * lane's charges, book the quote, follow the order. Booking and following need ids from the step
 * before; their variables say where to find them.
 */
export function contractExamples(idempotencyKey: string): Example[] {
  return [
    { query: search, variables: { query: 'tea', shipTo: 'DE', currency: 'EUR', first: 3 } },
    {
      query: estimateImportCharges,
      variables: {
        input: {
          origin: 'CN',
          destination: 'DE',
          incoterm: 'DDP',
          items: [{ hsCode: '610910', quantity: 1, value: { amount: '300.00', currency: 'EUR' } }],
          shipping: { amount: '0.00', currency: 'EUR' },
        },
      },
    },
    {
      query: placeOrder,
      variables: {
        input: {
          quoteId: 'paste a landedCost.quoteId from the Search tab',
          idempotencyKey,
          buyer: {
            name: 'Lena Schmidt',
            email: 'lena@example.com',
            address: { line1: 'Torstraße 10', city: 'Berlin', postalCode: '10119', country: 'DE' },
          },
          payment: { method: 'CARD' },
        },
      },
    },
    { query: order, variables: { id: 'paste order.id from the Place order tab' } },
  ];
}
