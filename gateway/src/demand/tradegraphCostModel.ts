import type { CostModel } from './CostModel.js';

/**
 * Weights for Tradegraph's schema, where the real cost is the upstream calls a field causes. A
 * field of a subgraph that does not exist yet costs nothing here until listed: it falls back to the
 * defaults (1 per object, sizes from `first`/`limit`).
 */
export const TRADEGRAPH_COST_MODEL: CostModel = {
  defaultListSize: 10,
  mutationWeight: 10,
  fields: {
    // A search asks every marketplace at once (the seven of marketplaces.yaml unless its filter
    // names fewer), each call worth 10; `first` sizes its edges, not the connection.
    'Query.search': {
      weight: 10,
      slicingArguments: ['first'],
      sizedFields: ['edges'],
      fanOut: { argumentPath: ['filter', 'marketplaces'], assumedUpstreams: 7 },
    },
    'Query.marketplaces': { assumedSize: 10 },
    'Query.carriers': { assumedSize: 10 },
    'Query.paymentProviders': { assumedSize: 5 },
    'OfferConnection.sources': { assumedSize: 10 },
    // Rate quotes from every carrier serving the lane.
    'Offer.shippingOptions': { weight: 3, assumedSize: 6 },
    'Offer.shippingRestrictions': { assumedSize: 10 },
    'Offer.warehouseCountries': { assumedSize: 5 },
    'ShippingOption.legs': { assumedSize: 2 },
    // Import charges (customs rules) and landed cost (FX, provider fees) each cross a subgraph.
    'ShippingOption.importCharges': { weight: 2 },
    'ShippingOption.landedCost': { weight: 2 },
    'ImportCharges.lines': { assumedSize: 6 },
    'LandedCost.lines': { assumedSize: 8 },
    'ExchangeRates.rates': { assumedSize: 40 },
    'Query.orders': { slicingArguments: ['first'], sizedFields: ['edges'] },
  },
};
