/** The public contract's placeOrder, less the fields other subgraphs resolve (no gateway here). */
export const PLACE_ORDER = /* GraphQL */ `
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      order {
        id
        status
        createdAt
        total {
          amount
          currency
        }
        steps {
          name
          status
          at
          error
        }
        shipment {
          id
        }
        payment {
          id
        }
      }
      userErrors {
        code
        message
        field
      }
    }
  }
`;

export const ORDER = /* GraphQL */ `
  query Order($id: ID!) {
    order(id: $id) {
      id
      status
      createdAt
      total {
        amount
        currency
      }
      steps {
        name
        status
        at
        error
      }
      shipment {
        id
      }
      payment {
        id
      }
    }
  }
`;

export interface OrderView {
  id: string;
  status: string;
  createdAt: string;
  total: { amount: string; currency: string };
  steps: Array<{ name: string; status: string; at: string; error: string | null }>;
  shipment: { id: string } | null;
  payment: { id: string } | null;
}

export interface PlaceOrderView {
  placeOrder: { order: OrderView | null; userErrors: Array<{ code: string; message: string; field: string[] | null }> };
}
