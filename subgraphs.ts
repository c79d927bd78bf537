/**
 * The subgraphs of Tradegraph: the one list that composition, the gateway's dev stack, the
 * tests and CI all read. Adding a subgraph is one entry here.
 */
export interface SubgraphDefinition {
  /** Name in the supergraph, and folder under `subgraphs/`. */
  readonly name: string;
  /** Where the gateway reaches it in the default stack (its routing URL in `schema/supergraph.graphql`). */
  readonly url: string;
  /** SDL file, relative to the repository root. */
  readonly schemaFile: string;
  /** Entry point that starts it as a service. */
  readonly main: string;
}

/**
 * V8 settings every subgraph process runs with, wherever it is started: `npm run subgraph` (its
 * script in package.json repeats them), the stack behind `npm start`, the e2e and chaos stacks and
 * the benchmarks (`gateway/test/nodeFlags.test.ts` keeps them equal and valid).
 *
 * A quote's answers (payments' 42 landed costs and their 150 KB text, customs' and logistics' 40 KB)
 * filled V8's default 16 MB young generation every four searches or so, and each scavenge took
 * 3–9 ms of the service's main thread. With 32 MB, half as many scavenges, each no longer: less
 * CPU per search (BENCHMARKS.md, the thirteenth round of issue 16).
 */
export const SUBGRAPH_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32'];

export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  {
    name: 'catalog',
    url: 'http://127.0.0.1:4001/graphql',
    schemaFile: 'subgraphs/catalog/schema.graphql',
    main: 'subgraphs/catalog/src/main.ts',
  },
  {
    name: 'logistics',
    url: 'http://127.0.0.1:4002/graphql',
    schemaFile: 'subgraphs/logistics/schema.graphql',
    main: 'subgraphs/logistics/src/main.ts',
  },
  {
    name: 'customs',
    url: 'http://127.0.0.1:4003/graphql',
    schemaFile: 'subgraphs/customs/schema.graphql',
    main: 'subgraphs/customs/src/main.ts',
  },
  {
    name: 'payments',
    url: 'http://127.0.0.1:4004/graphql',
    schemaFile: 'subgraphs/payments/schema.graphql',
    main: 'subgraphs/payments/src/main.ts',
  },
  {
    name: 'orders',
    url: 'http://127.0.0.1:4005/graphql',
    schemaFile: 'subgraphs/orders/schema.graphql',
    main: 'subgraphs/orders/src/main.ts',
  },
  {
    name: 'insights',
    url: 'http://127.0.0.1:4006/graphql',
    schemaFile: 'subgraphs/insights/schema.graphql',
    main: 'subgraphs/insights/src/main.ts',
  },
  {
    name: 'trust',
    url: 'http://127.0.0.1:4007/graphql',
    schemaFile: 'subgraphs/trust/schema.graphql',
    main: 'subgraphs/trust/src/main.ts',
  },
  {
    name: 'webhooks',
    url: 'http://127.0.0.1:4008/graphql',
    schemaFile: 'subgraphs/webhooks/schema.graphql',
    main: 'subgraphs/webhooks/src/main.ts',
  },
];
