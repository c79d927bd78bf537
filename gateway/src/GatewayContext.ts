/** Per-request state the gateway hands to its subgraph data sources. */
export interface GatewayContext {
  readonly requestId?: string;
}
