export {
  createSandboxServer,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxRoute,
  type SandboxServerOptions,
  type SandboxStats,
} from './createSandboxServer.js';
export { formatFault, parseFault, parseFaultList, type Fault } from './faults.js';
export { PRODUCT_ARCHETYPES, STYLES, type Category, type Language, type ProductArchetype, type Titles } from './productArchetypes.js';
export { matchesQuery, seedCatalog, type SeedListing, type SeedOptions, type SeedSeller } from './seedListings.js';
export { seededRandom, type SeededRandom } from './seededRandom.js';
export { type SandboxUpstream } from './SandboxUpstream.js';
export { upstreamUrlVariable } from './upstreamUrlVariable.js';
