import { afterAll, beforeAll, describe, it } from 'vitest';
import { matchesQuery, type SandboxUpstream, type SeedListing, type SeedSeller } from '#packages/sandbox/index.js';
import { startSandbox, type TestSandbox } from '#test/support/startSandbox.js';
import type { CheckContext, ConformanceCheck, CountedEndpoint, MarketplaceSubject } from '../conformance/ConformanceCheck.js';
import { formatEvidence } from '../conformance/formatReport.js';
import { recordExchanges, type ExchangeRecorder } from '../conformance/recordExchanges.js';
import { checksOf, prepareRun, runCheck } from '../conformance/runConformance.js';
import type { ConnectorMarketplace } from '../src/adapters/connector/ConnectorMarketplace.js';
import type { MarketplaceAdapter, ShipsTo } from '../src/adapters/ports.js';

export interface AdapterSuiteOptions {
  sandbox: SandboxUpstream;
  /** The sandbox's own listings, to count what a search must find. */
  listings: readonly SeedListing[];
  /** The sandbox's own sellers, to know where each one ships. */
  sellers: readonly SeedSeller[];
  /** A seed seller's id as the adapter reports it in `OfferRecord.seller.nativeId`. */
  sellerIdOf(seller: SeedSeller): string;
  create(baseUrl: string, options?: { timeoutMs?: number; badCredentials?: boolean }): MarketplaceAdapter;
  /** The vendor's endpoint names (as counted in /__sandbox/stats). */
  endpoints: { search: string; lookup: string };
  writeEndpoints: { reserve: string; release: string; place: string; cancel: string };
  /** Most ids the vendor takes in one lookup call. */
  idsPerLookup: number;
  /** Checks only this adapter's kind has (the connector protocol's own). */
  extraChecks?: readonly ConformanceCheck[];
  /** For the connector adapter: the marketplace entry it was created from, for the protocol's own checks. */
  connector?(baseUrl: string): ConnectorMarketplace;
}

/**
 * Runs the marketplace conformance suite (`conformance/`, the same checks `npm run conformance`
 * runs against any connector marketplace) against one adapter and its real sandbox over HTTP:
 * one test per check. The seed data and the sandbox's controls let every check run: the
 * marketplace's own counts, stock and call statistics, faults. `adapterSpecific` adds tests only
 * one vendor's style needs, against the same sandbox.
 */
export function defineMarketplaceAdapterSuite(options: AdapterSuiteOptions, adapterSpecific?: (sandbox: () => TestSandbox) => void): void {
  let sandbox: TestSandbox;
  let context: CheckContext;
  let recorder: ExchangeRecorder;

  describe(`${options.sandbox.id} adapter (conformance)`, () => {
    beforeAll(async () => {
      sandbox = await startSandbox(options.sandbox);
      recorder = recordExchanges();
      context = await prepareRun(sandboxSubject(options, () => sandbox));
    });
    afterAll(async () => {
      recorder.stop();
      await context?.adapter.close();
      await sandbox.close();
    });

    const checks = checksOf({ extraChecks: options.extraChecks } as MarketplaceSubject);
    for (const group of ['reads', 'faults', 'writes', 'protocol'] as const) {
      const inGroup = checks.filter((check) => check.group === group);
      if (inGroup.length === 0) continue;
      describe(`${group} (conformance)`, () => {
        for (const check of inGroup) {
          it(check.name, async ({ skip }) => {
            const result = await runCheck(check, context, recorder);
            if (result.outcome === 'skipped') skip(result.reason);
            if (result.outcome === 'failed') {
              const error = result.error instanceof Error ? result.error : new Error(String(result.error));
              error.message += `\n${formatEvidence(result.exchanges)}`;
              throw error;
            }
          });
        }
      });
    }

    adapterSpecific?.(() => sandbox);
  });
}

/** A built-in adapter's sandbox as the suite's subject: its seeds, statistics and controls are the truth. */
function sandboxSubject(options: AdapterSuiteOptions, sandbox: () => TestSandbox): MarketplaceSubject {
  const sellersById = new Map(options.sellers.map((seller) => [options.sellerIdOf(seller), seller]));
  const endpointNames: Record<CountedEndpoint, string> = { ...options.endpoints, ...options.writeEndpoints };
  return {
    id: options.sandbox.id,
    query: 'tea',
    idsPerLookup: options.idsPerLookup,
    createAdapter: (adapterOptions) => options.create(sandbox().url, adapterOptions),
    countMatches: async (query) => options.listings.filter((listing) => matchesQuery(listing, query)).length,
    async availableOf(nativeId) {
      const response = await fetch(`${sandbox().url}/__sandbox/stock/${encodeURIComponent(nativeId)}`);
      if (response.status !== 200) throw new Error(`the sandbox does not know item ${nativeId} (HTTP ${response.status})`);
      return ((await response.json()) as { available: number }).available;
    },
    callsTo: async (endpoint) => (await sandbox().stats()).byEndpoint[endpointNames[endpoint]] ?? 0,
    resetCalls: () => sandbox().resetStats(),
    expectedShipsTo(sellerNativeId) {
      const seller = sellersById.get(sellerNativeId);
      return seller && expectedShipsTo(seller);
    },
    controls: {
      setFault: (fault) => sandbox().setFault(fault),
      async setHoldSeconds(seconds) {
        await sandbox().post('/__sandbox/stock-hold', { seconds });
      },
    },
    extraChecks: options.extraChecks,
    ...(options.connector && { connector: options.connector(sandbox().url), reachesThisMachine: true }),
  };
}

/** What the adapter must make of a seed seller's policy, in our vocabulary. */
export function expectedShipsTo(seller: SeedSeller): ShipsTo {
  switch (seller.shipping.kind) {
    case 'DOMESTIC':
      return { kind: 'ONLY', countries: [seller.country] };
    case 'REGIONAL':
      return { kind: 'ONLY', countries: seller.shipping.countries };
    case 'WORLDWIDE':
      return { kind: 'WORLDWIDE', except: seller.shipping.except };
  }
}
