import type { MarketplaceInfo } from '../ports.js';

/** How the catalog proves itself to a connector marketplace, with the secrets read from the environment. */
export type ConnectorCredentials =
  | { readonly scheme: 'hmac'; readonly keyId: string; readonly secret: string }
  | {
      readonly scheme: 'oauth2';
      readonly tokenUrl: string;
      readonly clientId: string;
      readonly clientSecret: string;
      readonly scope: string;
    }
  /** Outside production a marketplace may be listed before its secrets are set: every call is refused, naming them. */
  | { readonly scheme: 'missing'; readonly variables: readonly string[] };

/** One marketplace reached through the connector protocol, as its `MARKETPLACES_FILE` entry configures it. */
export interface ConnectorMarketplace {
  readonly marketplace: MarketplaceInfo;
  /** The base URL of its connector API (the entry's, or `<ID>_URL` when set). */
  readonly baseUrl: string;
  readonly credentials: ConnectorCredentials;
}
