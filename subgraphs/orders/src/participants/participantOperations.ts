/**
 * The GraphQL operations orders sends its participants, as each one's own schema declares them
 * (`subgraphs/{catalog,logistics,payments}/schema.graphql`, the `@inaccessible` mutations).
 * `test/participantOperations.test.ts` validates every one against those files.
 */
export const PARTICIPANT_OPERATIONS = {
  reserveStock: /* GraphQL */ `
    mutation ReserveStock($input: ReserveStockInput!) {
      reserveStock(input: $input) {
        id
        status
        expiresAt
        offer {
          id
          title
          hsClassification {
            hsCode
          }
          weightGrams
          originCountry
          seller {
            id
            name
            country
            dispatchAddress {
              lines
              city
              region
              postalCode
              country
            }
            verification {
              level
            }
            rating {
              average
              worst
              best
              count
            }
          }
          marketplace {
            id
            name
          }
        }
      }
    }
  `,
  releaseStock: /* GraphQL */ `
    mutation ReleaseStock($input: ReleaseStockInput!) {
      releaseStock(input: $input) {
        id
        status
      }
    }
  `,
  placeMarketplaceOrder: /* GraphQL */ `
    mutation PlaceMarketplaceOrder($input: PlaceMarketplaceOrderInput!) {
      placeMarketplaceOrder(input: $input) {
        id
        status
        total {
          amount
          currency
        }
      }
    }
  `,
  cancelMarketplaceOrder: /* GraphQL */ `
    mutation CancelMarketplaceOrder($input: CancelMarketplaceOrderInput!) {
      cancelMarketplaceOrder(input: $input) {
        id
        status
      }
    }
  `,
  createShipment: /* GraphQL */ `
    mutation CreateShipment($input: CreateShipmentInput!) {
      createShipment(input: $input) {
        id
        trackingNumber
        carrier {
          id
        }
        labels {
          carrier {
            id
          }
          mode
          from
          to
        }
      }
    }
  `,
  cancelShipment: /* GraphQL */ `
    mutation CancelShipment($input: CancelShipmentInput!) {
      cancelShipment(input: $input) {
        id
        cancelled
      }
    }
  `,
  authorizePayment: /* GraphQL */ `
    mutation AuthorizePayment($input: AuthorizePaymentInput!) {
      authorizePayment(input: $input) {
        id
        status
        provider
        escrow
      }
    }
  `,
  capturePayment: /* GraphQL */ `
    mutation CapturePayment($input: PaymentActionInput!) {
      capturePayment(input: $input) {
        id
        status
        provider
      }
    }
  `,
  voidPayment: /* GraphQL */ `
    mutation VoidPayment($input: PaymentActionInput!) {
      voidPayment(input: $input) {
        id
        status
        provider
      }
    }
  `,
  releaseEscrow: /* GraphQL */ `
    mutation ReleaseEscrow($input: PaymentActionInput!) {
      releaseEscrow(input: $input) {
        id
        status
        provider
      }
    }
  `,
  refundPayment: /* GraphQL */ `
    mutation RefundPayment($input: RefundPaymentInput!) {
      refundPayment(input: $input) {
        id
        status
        provider
      }
    }
  `,
  trackShipments: /* GraphQL */ `
    query TrackShipments($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Shipment {
          id
          tracking {
            status
            events {
              at
              status
            }
          }
        }
      }
    }
  `,
  offerShippingFacts: /* GraphQL */ `
    query OfferShippingFacts($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Offer {
          id
          price {
            amount
            currency
          }
          originCountry
          hsCode
          hsClassification {
            hsCode
            status
            confidence
          }
          weightGrams
          dimensions {
            lengthCm
            widthCm
            heightCm
          }
          warehouseCountries
          containsLithiumBattery
        }
      }
    }
  `,
  offerShippingOptions: /* GraphQL */ `
    query OfferShippingOptions($representations: [_Any!]!, $to: CountryCode!, $quantity: Int!) {
      _entities(representations: $representations) {
        ... on Offer {
          shippingOptions(to: $to, quantity: $quantity) {
            id
            mode
            carrier {
              id
              name
            }
          }
        }
      }
    }
  `,
  sellerTrust: /* GraphQL */ `
    query SellerTrust($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Seller {
          trust {
            level
            score
          }
        }
      }
    }
  `,
  sellerReturnPolicy: /* GraphQL */ `
    query SellerReturnPolicy($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Seller {
          returnPolicy {
            acceptsReturns
            windowDays
            returnShippingPaidBy
            restockingFeeBp
          }
        }
      }
    }
  `,
  createReturnShipment: /* GraphQL */ `
    mutation CreateReturnShipment($input: CreateReturnShipmentInput!) {
      createReturnShipment(input: $input) {
        id
        trackingNumber
        labels {
          carrier {
            id
          }
          mode
          from
          to
        }
      }
    }
  `,
} as const;

/** Which participant serves each operation. */
export const OPERATION_PARTICIPANT: Readonly<Record<keyof typeof PARTICIPANT_OPERATIONS, 'catalog' | 'logistics' | 'payments' | 'trust'>> =
  {
    reserveStock: 'catalog',
    releaseStock: 'catalog',
    placeMarketplaceOrder: 'catalog',
    cancelMarketplaceOrder: 'catalog',
    createShipment: 'logistics',
    cancelShipment: 'logistics',
    authorizePayment: 'payments',
    capturePayment: 'payments',
    voidPayment: 'payments',
    releaseEscrow: 'payments',
    refundPayment: 'payments',
    trackShipments: 'logistics',
    offerShippingFacts: 'catalog',
    offerShippingOptions: 'logistics',
    sellerTrust: 'trust',
    sellerReturnPolicy: 'catalog',
    createReturnShipment: 'logistics',
  };
