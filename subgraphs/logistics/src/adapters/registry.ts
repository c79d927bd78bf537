import asiaLink from './express-asia/asiaLinkAdapter.js';
import expressGlobal from './express-global/expressGlobalAdapter.js';
import localHop from './lastmile-local/localHopAdapter.js';
import silkRoute from './line-asiaeu/silkRouteAdapter.js';
import interpost from './post-intl/interpostAdapter.js';

/** Every carrier logistics quotes with. Adding one: a folder in `adapters/` and a line here. */
export const CARRIER_ADAPTERS = [interpost, expressGlobal, asiaLink, silkRoute, localHop] as const;

type Modules = (typeof CARRIER_ADAPTERS)[number];
type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** The environment settings of all adapters together, for the logistics config module. */
export type AdapterSettings = UnionToIntersection<Modules['settings']>;

export const adapterSettings = Object.assign({}, ...CARRIER_ADAPTERS.map((module) => module.settings)) as AdapterSettings;
