export {
  createSandboxServer,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxCall,
  type SandboxRoute,
  type SandboxServerOptions,
  type SandboxStats,
} from './createSandboxServer.js';
export {
  createPaymentLedger,
  keyedTransition,
  type AuthorizationState,
  type LedgerEntry,
  type PaymentLedger,
  type TransitionError,
} from './createPaymentLedger.js';
export { createIdempotencyKeys, type IdempotencyKeys, type Remembered } from './createIdempotencyKeys.js';
export {
  createParcelLedger,
  type Parcel,
  type ParcelEvent,
  type ParcelLedger,
  type ParcelLedgerOptions,
  type ParcelStage,
} from './createParcelLedger.js';
export {
  createStockLedger,
  fingerprintOf,
  type MarketplaceOrderEntry,
  type OrderState,
  type Outcome,
  type Reservation,
  type ReservationState,
  type StockLedger,
  type StockLedgerOptions,
  type StockRefusal,
} from './createStockLedger.js';
export { formatFault, parseFault, parseFaultList, type Fault } from './faults.js';
export {
  priceFee,
  roundHalfUp,
  type CurrencyTerms,
  type FeePrice,
  type FeeRefusal,
  type FeeRequest,
  type FeeSchedule,
} from './priceFee.js';
export {
  PRODUCT_ARCHETYPES,
  RESTRICTED_ARCHETYPES,
  STYLES,
  type Category,
  type Language,
  type ProductArchetype,
  type Titles,
} from './productArchetypes.js';
export { RESTRICTED_DESTINATIONS } from './restrictedDestinations.js';
export {
  matchesQuery,
  seedCatalog,
  sellerShipsTo,
  type SeedListing,
  type SeedOptions,
  type SeedSeller,
  type SeedShippingPolicy,
} from './seedListings.js';
export { ASEAN, MERCOSUR } from './shippingRegions.js';
export { seededRandom, type SeededRandom } from './seededRandom.js';
export { type SandboxUpstream } from './SandboxUpstream.js';
export { upstreamUrlVariable } from './upstreamUrlVariable.js';
export { el, xmlDocument, type XmlContent } from './xml.js';
export {
  CLEARANCE_FEES_PATH,
  clearanceFeesRoute,
  type PublishedClearanceFee,
  type PublishedClearanceFeeTable,
} from './clearanceFeeTable.js';
export { textOf } from './textOf.js';
export { TEST_REFUSAL_MESSAGE, carrierRefusesInTestMode } from './carrierRefusesInTestMode.js';
