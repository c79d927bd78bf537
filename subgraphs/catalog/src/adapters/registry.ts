import feira from './br-feira/feiraAdapter.js';
import jadeMarket from './cn-jademarket/jadeMarketAdapter.js';
import marktplatz from './de-marktplatz/marktplatzAdapter.js';
import ichiba from './jp-ichiba/ichibaAdapter.js';
import pasarMall from './my-pasarmall/pasarMallAdapter.js';
import mainStreet from './us-mainstreet/mainStreetAdapter.js';
import connector from './connector/connectorAdapter.js';

/** Every marketplace the catalog reaches. Adding one: a folder in `adapters/` and a line here. */
export const MARKETPLACE_ADAPTERS = [jadeMarket, feira, pasarMall, ichiba, marktplatz, mainStreet] as const;

/** The one adapter for every marketplace that joins by configuration (`MARKETPLACES_FILE`) and speaks the connector protocol. */
export const CONNECTOR_ADAPTER = connector;

type Modules = (typeof MARKETPLACE_ADAPTERS)[number];
type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void ? I : never;

/** The environment settings of all adapters together, for the catalog's config module. */
export type AdapterSettings = UnionToIntersection<Modules['settings']>;

export const adapterSettings = Object.assign({}, ...MARKETPLACE_ADAPTERS.map((module) => module.settings)) as AdapterSettings;
