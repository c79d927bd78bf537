import type { DifferentialRequest } from './startDifferentialHarness.js';

/** A hand-written operation of the differential corpus, named by what it exercises. */
export interface CorpusEntry extends DifferentialRequest {
  readonly name: string;
}

/**
 * Hand-written operations over the test subgraphs, each aimed at one behaviour a client would
 * notice if the engine got it wrong. Run through stock @apollo/gateway and the engine, the
 * responses must be equal, errors included.
 */
export const corpus: readonly CorpusEntry[] = [
  // entities across subgraphs
  { name: 'root field of one subgraph', query: '{ marketplaces { id name country } }' },
  { name: 'entity hop to another subgraph', query: '{ offers { id title seller { name rating } } }' },
  {
    name: 'three subgraphs in one query',
    query: '{ offers(first: 5) { id shippingOptions { mode carrier { id name trackingUrl } } seller { id reviews { stars } } } }',
  },
  {
    name: 'the same seller reached from several offers (de-duplicated representations)',
    query: '{ offers(first: 5) { seller { id rating country } } }',
  },
  { name: 'nested entity lists', query: '{ topSellers { id rating reviews { stars text author } } }' },
  // @requires, @provides, @override, @shareable
  { name: '@requires: shipping estimate needs the weight', query: '{ offers(first: 4) { id shippingEstimate } }' },
  { name: '@requires with the required field also selected', query: '{ offer(id: "o2") { weightGrams shippingEstimate title } }' },
  { name: '@provides: carrier name without a hop', query: '{ offers(first: 2) { shippingOptions { carrier { name } } } }' },
  {
    name: '@provides path and a non-provided field',
    query: '{ offers(first: 2) { shippingOptions { days carrier { name trackingUrl } } } }',
  },
  { name: '@override: rating from the sellers subgraph', query: '{ offer(id: "o1") { seller { rating } } }' },
  { name: '@shareable: price answered by one subgraph', query: '{ offers { price { amount currency } shippingEstimate } }' },
  { name: 'entity from a root of another subgraph', query: '{ carriers { id name trackingUrl } }' },
  // interfaces, unions, @interfaceObject
  {
    name: 'interface entity with fragments',
    query: '{ listings { id title ... on Offer { price { amount } } ... on Auction { endsAt } } }',
  },
  { name: '@interfaceObject fields on an interface', query: '{ listings { __typename id averageStars watchers } }' },
  {
    name: '@interfaceObject root returning the interface',
    query: '{ trendingListings { __typename id title watchers ... on Auction { currentBid { amount currency } } } }',
  },
  {
    name: 'union with fragments and __typename',
    query: '{ search(text: "tea") { __typename ... on Offer { id title } ... on Seller { name rating } ... on Auction { endsAt } } }',
  },
  { name: 'union member without a fragment gets only __typename', query: '{ search(text: "o") { __typename ... on Auction { id } } }' },
  { name: 'non-entity interface', query: '{ node(id: "s1") { id __typename ... on Seller { name reviews { stars } } } }' },
  { name: 'interface fragment inside an object', query: '{ offer(id: "o1") { ... on Node { id } ... on Listing { title } } }' },
  { name: 'unknown node is null', query: '{ node(id: "nope") { id } }' },
  // @inaccessible
  { name: '@inaccessible enum value from a subgraph', query: '{ offers(first: 5) { id status } }' },
  { name: '@inaccessible value nulls a nullable parent', query: '{ offer(id: "o4") { id status } }' },
  { name: '@inaccessible field cannot be asked', query: '{ offer(id: "o1") { internalCode } }' },
  // @skip/@include, aliases, fragments, variables
  {
    name: 'skip and include with variables',
    query:
      'query($withSeller: Boolean!, $noTitle: Boolean!) { offers { id title @skip(if: $noTitle) seller @include(if: $withSeller) { name } } }',
    variables: { withSeller: true, noTitle: true },
  },
  {
    name: 'skip and include the other way',
    query:
      'query($withSeller: Boolean!, $noTitle: Boolean!) { offers { id title @skip(if: $noTitle) seller @include(if: $withSeller) { name } } }',
    variables: { withSeller: false, noTitle: false },
  },
  {
    name: 'include on a fragment, default variable',
    query:
      'query($ship: Boolean = true) { offers(first: 2) { id ...Ship @include(if: $ship) } } fragment Ship on Offer { shippingEstimate shippingOptions { mode } }',
  },
  {
    name: 'literal skip and include',
    query: '{ offers(first: 1) { id title @skip(if: true) weightGrams @include(if: false) tags @include(if: true) } }',
  },
  {
    name: 'skip on a field that needs another subgraph',
    query: 'query($s: Boolean!) { offers(first: 3) { id seller @skip(if: $s) { rating } shippingEstimate @include(if: $s) } }',
    variables: { s: true },
  },
  {
    name: 'aliases, same field twice',
    query: '{ first: offer(id: "o1") { name: title seller { n: name } } second: offer(id: "o2") { name: title } }',
  },
  {
    name: 'alias named like an Object.prototype key',
    query: '{ offers(first: 1) { constructor: id toString: title __proto__: weightGrams } }',
  },
  { name: 'alias on an entity field', query: '{ offers(first: 2) { estimate: shippingEstimate sellerRating: seller { stars: rating } } }' },
  {
    name: 'named fragments, nested',
    query:
      'query { offers { ...OfferCard } } fragment OfferCard on Offer { id title seller { ...SellerCard } } fragment SellerCard on Seller { name rating }',
  },
  {
    name: 'the same field merged from fragments',
    query: '{ offers(first: 2) { seller { name } ... on Offer { seller { rating } } ... { seller { id } } } }',
  },
  {
    name: 'variables passed to subgraphs',
    query: 'query($id: ID!, $n: Int) { offer(id: $id) { id title } offers(first: $n) { id } }',
    variables: { id: 'o3', n: 2 },
  },
  {
    name: 'operation name among several',
    query: 'query A { marketplaces { id } } query B { offers(first: 1) { id } }',
    operationName: 'B',
  },
  { name: '__typename at the root and in entities', query: '{ __typename offers(first: 1) { __typename seller { __typename id } } }' },
  { name: '__typename aliased', query: '{ offer(id: "o1") { kind: __typename seller { t: __typename } } }' },
  { name: 'missing variable is an error', query: 'query($id: ID!) { offer(id: $id) { id } }', variables: {} },
  { name: 'variable of the wrong type is an error', query: 'query($n: Int) { offers(first: $n) { id } }', variables: { n: 'three' } },
  // mutations
  {
    name: 'mutation, then entity fields',
    query: 'mutation { renameOffer(id: "o1", title: "Matcha, ceremonial") { id title seller { rating } shippingEstimate } }',
  },
  {
    name: 'mutations run in order across subgraphs',
    query:
      'mutation { a: renameOffer(id: "o2", title: "Oolong") { title } w: watch(listingId: "o2") { id watchers } b: renameOffer(id: "o2", title: "Oolong, aged") { title } }',
  },
  { name: 'failing mutation nulls the data', query: 'mutation { failOnPurpose { id } }' },
  { name: 'mutation on an unknown id', query: 'mutation { renameOffer(id: "zz", title: "x") { id } }' },
  // null and error propagation, partial failures
  { name: 'field error in a subgraph, with its code', query: '{ offers(first: 4) { id flaky } }' },
  { name: 'error in a list element', query: '{ flakyOffers { id title } }' },
  { name: 'non-null root field fails: data is null', query: '{ failingOffer { id } marketplaces { id } }' },
  { name: 'subgraph nulls a non-null field inside an entity', query: '{ offers(first: 5) { id strictNote } }' },
  { name: 'entity fetch error paths point into the client response', query: '{ topSellers { id reviews { stars text } } }' },
  { name: 'entity error under a list of offers', query: '{ offers(first: 5) { id seller { id reviews { stars } } } }' },
  {
    name: 'error in an entity fetch reached twice',
    query: '{ offers(first: 5) { seller { reviews { stars } } } again: offers(first: 5) { seller { id } } }',
  },
  { name: 'errors and valid siblings', query: '{ offers(first: 4) { id flaky title shippingEstimate seller { name } } }' },
];

/**
 * Operations whose plans ask one subgraph the same entity query at two paths at once: the engine
 * sends each pair as one request (`EntityBatcher`), which must not change any answer or error.
 */
export const batchedCorpus: readonly CorpusEntry[] = [
  {
    name: 'the same entity query at two paths, sharing representations',
    query: '{ a: offers(first: 2) { id shippingEstimate } b: offers(first: 4) { shippingEstimate } }',
  },
  {
    name: 'errors of a batched request, mapped to each path',
    query: '{ offers(first: 5) { seller { reviews { stars } } } again: offers(first: 5) { id seller { reviews { stars } } } }',
  },
  {
    name: 'a batched request under a list and under a single entity',
    query: '{ offers(first: 5) { seller { reviews { stars } } } offer(id: "o1") { seller { reviews { stars } } } }',
  },
];

/**
 * Operations whose plan asks one subgraph different entity queries at different levels
 * (`sellers`: sellers' reviews after catalog, carriers' tracking after logistics): the fetch
 * graph sends them as one request. `requests`: the requests the engine sends for it.
 */
export const mergedCorpus: ReadonlyArray<CorpusEntry & { readonly requests: number }> = [
  {
    name: 'sellers and carriers from one subgraph, at two levels',
    query: '{ offers(first: 3) { id seller { id reviews { stars author } } shippingOptions { mode carrier { id trackingUrl } } } }',
    // catalog, logistics, then one request to sellers where the plan has two fetches
    requests: 3,
  },
  {
    name: 'the same and a third query to it, with a list of sellers beside',
    query:
      '{ offers(first: 4) { seller { rating } shippingOptions { carrier { name trackingUrl } } again: seller { reviews { text } } } topSellers { id name } }',
    // topSellers and offers (two roots), sellers' names from catalog, logistics, then one to sellers
    requests: 5,
  },
];

/** Operations that meet a failing subgraph (`ratings`), run once per fault. */
export const partialFailureCorpus: readonly CorpusEntry[] = [
  { name: 'entity fetch to a failing subgraph', query: '{ listings { id title averageStars } }' },
  { name: 'non-null field from a failing subgraph', query: '{ listings { id title watchers } }' },
  { name: 'root of a failing subgraph next to a healthy one', query: '{ trendingListings { id } marketplaces { id } }' },
  { name: 'failing subgraph deep in the plan', query: '{ search(text: "o") { ... on Offer { id averageStars seller { name } } } }' },
];
