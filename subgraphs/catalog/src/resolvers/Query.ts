import { parseCountryOnly } from '#packages/scalars/index.js';
import { renamedCountryInput, userInputError } from '#packages/errors/index.js';
import { resolveHsClassification } from '#packages/hs/index.js';
import type { QueryResolvers, SearchFilter } from '../__generated__/resolvers.js';
import type { MarketplaceAdapter, OfferRecord } from '../adapters/ports.js';
import type { Context } from '../context.js';
import { readClassifyProductArgs } from '../classification/readClassifyProductArgs.js';
import { fromGlobalId } from '../globalId.js';
import { canShipTo } from '../search/canShipTo.js';
import { cannotReach } from '../search/cannotReach.js';
import { countShown } from '../search/countShown.js';
import { decodeCursor, searchFingerprint } from '../search/searchCursor.js';
import { readPriceRange } from '../search/readPriceRange.js';
import { searchMarketplaces } from '../search/searchMarketplaces.js';
import { trustScreen } from '../search/trustScreen.js';

/** Most offers one page may ask for. */
export const MAX_PAGE_SIZE = 50;
const MAX_QUERY_LENGTH = 200;

export const Query: QueryResolvers<Context> = {
  marketplaces: (_parent, _args, { adapters }) => [...adapters.values()].map((adapter) => adapter.marketplace),

  marketplace: (_parent, { id }, { adapters }) => adapters.get(id)?.marketplace ?? null,

  offer: (_parent, { id }, { adapters, loaders }) => loaders.offers.load(fromGlobalId('Offer', id, 'id', new Set(adapters.keys()))),

  classifyProduct: (_parent, args, { classifier }) => {
    const { title, description, first } = readClassifyProductArgs(args);
    return classifier.classify({ title, description }, first);
  },

  async search(_parent, { query, filter: given, first, after }, context) {
    const filter = withDestination(given);
    const { adapters, searchDeadlineMs, cursorKey, referenceRates, logger } = context;
    const text = query.trim();
    if (text === '') throw userInputError('query: say what to look for', 'query');
    if (text.length > MAX_QUERY_LENGTH) throw userInputError(`query: at most ${MAX_QUERY_LENGTH} characters`, 'query');
    const pageSize = first ?? 10;
    if (pageSize < 0 || pageSize > MAX_PAGE_SIZE)
      throw userInputError(`first: must be from 0 to ${MAX_PAGE_SIZE} (got ${pageSize})`, 'first');

    const selected = selectMarketplaces(adapters, filter?.marketplaces);
    const fingerprint = searchFingerprint(text, normalizeFilter(filter));
    const cursor = after == null ? undefined : decodeCursor(after, fingerprint, cursorKey);
    const priceRange = filter?.price == null ? undefined : readPriceRange(filter.price);
    // Rates order equally relevant offers by price; a price filter cannot work without them. They are
    // read while the marketplaces are asked (searchMarketplaces), so a refresh adds no round trip.
    const rates = referenceRates.latest().then(
      (latest) => latest.rates,
      (error: unknown) => {
        if (priceRange) throw error;
        logger.warn('searching without reference rates: price ties fall back to turns', { error });
        return undefined;
      },
    );
    const accept = offerFilter(filter, context);
    const restricted = restrictionFilter(filter, context);
    const page = await searchMarketplaces({
      query: text,
      first: pageSize,
      fingerprint,
      after: cursor,
      adapters: selected,
      accept: priceRange ? (offer, read) => accept(offer) && read !== undefined && priceRange.contains(offer, read) : accept,
      restricted,
      ...(filter?.minTrustLevel != null && { screen: trustScreen(filter.minTrustLevel, context) }),
      deadlineMs: searchDeadlineMs,
      cursorKey,
      rates,
    });
    countShown(page, filter?.shipTo, context.reach);
    return page;
  },
};

function selectMarketplaces(
  adapters: ReadonlyMap<string, MarketplaceAdapter>,
  ids: readonly string[] | null | undefined,
): MarketplaceAdapter[] {
  if (ids == null) return [...adapters.values()];
  const unknown = ids.filter((id) => !adapters.has(id));
  if (unknown.length > 0) {
    throw userInputError(
      `filter.marketplaces: unknown marketplace ${unknown.map((id) => `"${id}"`).join(', ')}; see \`marketplaces\``,
      'filter.marketplaces',
    );
  }
  return [...adapters.values()].filter((adapter) => ids.includes(adapter.marketplace.id));
}

/**
 * The filter with its destination under one name: `destinationCountry`, or `shipTo` from clients
 * that predate it (deprecated); the rest of the search reads `shipTo`, so both page alike.
 */
function withDestination(filter: SearchFilter | null | undefined): SearchFilter | null | undefined {
  if (filter == null) return filter;
  const { destinationCountry, shipTo } = filter;
  if (destinationCountry == null && shipTo == null) return filter; // optional here: a search may go anywhere
  const { value } = renamedCountryInput(destinationCountry, 'filter.destinationCountry', shipTo, 'filter.shipTo');
  return { ...filter, destinationCountry: null, shipTo: value };
}

function offerFilter(filter: SearchFilter | null | undefined, context: Context): (offer: OfferRecord) => boolean {
  for (const code of filter?.originCountries ?? []) {
    const origin = parseCountryOnly(code);
    if ('problem' in origin) throw userInputError(`filter.originCountries: ${origin.problem}`, 'filter.originCountries');
  }
  const origins = filter?.originCountries == null ? undefined : new Set(filter.originCountries);
  const inStock = filter?.inStock === true;
  const chapters = filter?.hsChapters == null ? undefined : new Set(filter.hsChapters);
  // A region (CA-ON) ships wherever its country does; the region itself is for the quote's taxes.
  const shipTo = filter?.shipTo == null ? undefined : filter.shipTo.slice(0, 2);
  for (const chapter of chapters ?? []) {
    if (!/^\d{2}$/.test(chapter) || chapter === '00' || Number(chapter) > 97) {
      throw userInputError(`filter.hsChapters: "${chapter}" is not a Harmonized System chapter (01–97)`, 'filter.hsChapters');
    }
  }
  return (offer) =>
    (origins === undefined || origins.has(offer.originCountry)) &&
    (!inStock || offer.availableQuantity > 0) &&
    (chapters === undefined || chapters.has(effectiveHsCode(offer, context)?.slice(0, 2) ?? '')) &&
    (shipTo === undefined || canShipTo(offer, shipTo));
}

/** With `onlyShippable`, offers that no customs mode may carry to `shipTo` (counted in `sources`). */
function restrictionFilter(filter: SearchFilter | null | undefined, context: Context): ((offer: OfferRecord) => boolean) | undefined {
  if (filter?.onlyShippable !== true) return undefined;
  if (filter.shipTo == null)
    throw userInputError('filter.onlyShippable: say where to with filter.destinationCountry', 'filter.onlyShippable');
  const to = filter.shipTo.slice(0, 2);
  const date = new Date().toISOString().slice(0, 10);
  return (offer) => cannotReach(offer, to, effectiveHsCode(offer, context), context.restrictions, date);
}

/** The code the offer is classified under (`hsClassification.hsCode`): the seller's when it exists, else the title's. */
function effectiveHsCode(offer: OfferRecord, { nomenclature, classifier }: Context): string | null {
  const declared = offer.hsCode === undefined ? undefined : nomenclature.check(offer.hsCode);
  if (declared?.valid) return declared.code;
  const suggestions = classifier.classify({ title: offer.title, description: offer.nativeTitle }, 4);
  return resolveHsClassification(nomenclature, offer.hsCode, suggestions).hsCode;
}

/** The filter in a canonical form, so equal filters give equal fingerprints. */
function normalizeFilter(filter: SearchFilter | null | undefined): unknown {
  if (filter == null) return null;
  return {
    marketplaces: filter.marketplaces ? [...filter.marketplaces].sort() : null,
    originCountries: filter.originCountries ? [...filter.originCountries].sort() : null,
    inStock: filter.inStock ?? null,
    hsChapters: filter.hsChapters ? [...filter.hsChapters].sort() : null,
    price: filter.price ? { currency: filter.price.currency, min: filter.price.min ?? null, max: filter.price.max ?? null } : null,
    shipTo: filter.shipTo ?? null,
    onlyShippable: filter.onlyShippable ?? null,
    ...(filter.minTrustLevel != null && { minTrustLevel: filter.minTrustLevel }),
  };
}
