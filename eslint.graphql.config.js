// Lints the public API schema (schema/api.graphql, composed by `npm run compose`) with
// @graphql-eslint's recommended and Relay schema rules: `npm run lint:graphql`, in CI, zero findings.
// TypeScript has its own ESLint config; this one is apart so each runs on its own files.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

const SCHEMA = 'schema/api.graphql';

/**
 * Values, not things: they have no identity of their own (two equal amounts are the same amount),
 * are never refetched, and live inside the entity that carries them. Every other object type must
 * have an `id: ID!`, so a new type is either an entity or named here on purpose.
 */
const VALUE_TYPES = [
  // money and measures
  'Money',
  'Amounts',
  'Dimensions',
  'DayRange',
  'TransitDays',
  'ExchangeRate',
  'ExchangeRates',
  'AppliedExchangeRate',
  // what a quote or an estimate adds up
  'LandedCost',
  'LandedCostLine',
  'LandedCostShares',
  'ImportCharges',
  'ChargeLine',
  'CarrierFee',
  'Consignment',
  // customs and shipping facts, as rules and carriers state them
  'CustomsDeclaration',
  'DeclarationRequirement',
  'CustomsDocument',
  'LaneCustomsRule',
  'Restriction',
  'ShippingDestinations',
  'ShippingLeg',
  'ShippingRestriction',
  'ShipmentLabel',
  'ProductIdentifiers',
  'Tracking',
  'TrackingEvent',
  'HsClassification',
  'HsSuggestion',
  // sellers, as their marketplace and the trust model describe them
  'PostalAddress',
  'SellerRating',
  'SellerVerification',
  'SellerTrust',
  'TrustFactor',
  // an order's steps and a booking's answer
  'OrderStep',
  'UserError',
  'BookingAlternative',
  'WebhookAttempt',
  // trade-flow statistics: aggregates, keyed by their dimensions
  'TradeFlowRow',
  'TradeFlowPageInfo',
  'Country',
  'Commodity',
  // a search's report on each marketplace it asked
  'SearchSource',
  // disputes and returns: what a refusal, a policy, a refund and a relief say
  'DisputeUserError',
  'ReturnUserError',
  'SellerReturnPolicy',
  'AppliedReturnPolicy',
  'ReturnRefund',
  'RefundLine',
  'ImportChargeRelief',
  // the calling key's own view: it is the caller, not a thing with an id
  'Viewer',
  // a marketplace's reach: counts over a period, keyed by country
  'MarketplaceReach',
  'CountryReach',
  'ReachTotals',
  // what the marketplace last said of an order (a status callback)
  'OrderMarketplaceStatus',
];

export default [
  {
    files: [SCHEMA],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: SCHEMA } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      ...graphqlPlugin.configs['flat/schema-relay'].rules,
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          acceptedIdNames: ['id'],
          acceptedIdTypes: ['ID'],
          exceptions: { types: VALUE_TYPES, suffixes: ['Connection', 'Edge', 'Payload', 'PageInfo', 'Page'] },
        },
      ],
      // Short, bounded lists (an estimate's lines, an order's steps, userErrors) are whole answers,
      // not pages; only the unbounded ones (search, orders) are connections.
      '@graphql-eslint/relay-edge-types': [
        'error',
        { withEdgeSuffix: true, shouldImplementNode: true, listTypeCanWrapOnlyEdgeType: false },
      ],
      // Cursors go forward only: search streams marketplaces in turn, orders come newest first.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
    },
  },
];
