/**
 * Payments' share of a search: the `_entities` request the router sends payments for the contract's
 * search (tea, DE, EUR: 10 offers, 42 shipping options), answered by the payments subgraph in its
 * own process, its providers and reference rates as sandboxes in this one.
 *
 *   npm run bench:payments [-- --requests 40 --rounds 3 --baseline <another checkout> --cpu-prof <folder>]
 *
 * Prints, per checkout, payments' CPU ms per search (`/proc/<pid>/stat`, the subgraph's process only),
 * the bytes it receives and answers, and its quote tokens' size. With `--baseline`, the same
 * subgraph from another checkout (e.g. `git worktree add /tmp/base <rev>`, with `node_modules`) runs
 * beside this one, in interleaved rounds, and the ratios are printed: on a shared machine the
 * absolute CPU figures move with the load, the paired ratio much less.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { upstreamUrlVariable } from '#packages/sandbox/index.js';
import { ServiceProcess } from '#scripts/stack/ServiceProcess.js';
import { freePorts } from '#scripts/stack/freePorts.js';
import { principalHeaders } from '#test/support/serviceSecret.js';
import { startSandbox, type TestSandbox } from '#test/support/startSandbox.js';
import { shippingOptionRepresentation, type OptionSpec } from '#subgraphs/payments/test/shippingOptionRepresentation.js';
import { PAYMENTS_UPSTREAMS } from '#subgraphs/payments/test/startPayments.js';
import { SUBGRAPH_NODE_FLAGS } from '../subgraphs.js';
import { cpuMillis } from './processStats.js';
import { BENCH_SERVICE_SECRET } from './startTarget.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '40' },
    rounds: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '20' },
    baseline: { type: 'string' },
    /** A folder: the payments processes run under `node --cpu-prof` and write their profiles there when they stop. */
    'cpu-prof': { type: 'string' },
  },
});
const requests = Number(values.requests);
const rounds = Number(values.rounds);
const warmup = Number(values.warmup);

/** The contract's `landedCost` selection (`operations/search.graphql`), as the router asks payments for it. */
const ENTITIES = `query ($representations: [_Any!]!, $currency: CurrencyCode!) {
  _entities(representations: $representations) { ... on ShippingOption { landedCost(currency: $currency) {
    quoteId expiresAt item { amount currency } shipping { amount currency } duties { amount currency } taxes { amount currency }
    fees { amount currency } total { amount currency } lines { kind description amount { amount currency } formula source } } } }
}`;

/** Ten offers to DE as the search finds them (CN, JP, BR, MY, US, KE, DE sellers), each with four or five options: 42 in all. */
function representations(): unknown[] {
  const sellers: Array<Pick<OptionSpec, 'from' | 'goods'>> = [
    { from: 'CN', goods: ['302.50', 'CNY'] },
    { from: 'CN', goods: ['88.00', 'CNY'] },
    { from: 'JP', goods: ['2480', 'JPY'] },
    { from: 'JP', goods: ['12800', 'JPY'] },
    { from: 'BR', goods: ['191.20', 'BRL'] },
    { from: 'MY', goods: ['45.90', 'MYR'] },
    { from: 'US', goods: ['24.99', 'USD'] },
    { from: 'KE', goods: ['1450.00', 'KES'] },
    { from: 'CN', goods: ['620.00', 'CNY'] },
    { from: 'DE', goods: ['19.90', 'EUR'] },
  ];
  const options: unknown[] = [];
  for (const [offer, seller] of sellers.entries()) {
    const carriers =
      seller.from === 'DE' ? ['dhl-paket', 'hermes', 'dpd', 'gls'] : ['post-intl', 'express-global', 'sea-freight', 'air-cargo', 'ems'];
    for (const [index, carrier] of carriers.entries()) {
      if (options.length === 42) break;
      const lowValue = index % 2 === 0;
      const id = Buffer.from(JSON.stringify(['ShippingOption', `offer-${offer}`, carrier, `${carrier}:standard`, 'DE', 1])).toString(
        'base64url',
      );
      options.push(
        shippingOptionRepresentation({
          id,
          ...seller,
          to: 'DE',
          shipping: seller.from === 'DE' ? ['4.99', 'EUR'] : [`${12 + index}.80`, 'USD'],
          duties: seller.from === 'DE' || lowValue ? '0.00' : '1.85',
          taxes: seller.from === 'DE' ? '0.00' : `${8 + index}.83`,
          taxesAt: lowValue ? 'CHECKOUT' : 'DELIVERY',
          fees: lowValue || seller.from === 'DE' ? '0.00' : '6.00',
          importCurrency: 'EUR',
          hsCode: offer % 3 === 0 ? { code: '090210', status: 'SUGGESTED', confidence: 0.91 } : undefined,
        }),
      );
    }
  }
  return options;
}

interface Target {
  readonly name: string;
  readonly service: ServiceProcess;
  readonly url: string;
  cpuMs: number[];
  answerBytes: number;
  tokenBytes: number;
  errors: number;
  /** Upstream calls per search, by sandbox. */
  calls: Map<string, number>;
  /** The last answer without its quote tokens and expiry instants, which differ per request: the contract's figures and wording. */
  figures: string;
}

const sandboxes = new Map<string, TestSandbox>();
for (const upstream of PAYMENTS_UPSTREAMS) sandboxes.set(upstream.id, await startSandbox(upstream));
const upstreamEnv: Record<string, string> = Object.assign(
  {},
  ...PAYMENTS_UPSTREAMS.map((upstream) => upstream.clientEnvironment ?? {}),
  Object.fromEntries([...sandboxes].map(([id, sandbox]) => [upstreamUrlVariable(id), sandbox.url])),
);
const dataDir = mkdtempSync(join(tmpdir(), 'payments-bench-'));
const roots: Array<[string, URL]> = [['this checkout', new URL('..', import.meta.url)]];
if (values.baseline) roots.unshift(['baseline', new URL(`file://${values.baseline.replace(/\/?$/, '/')}`)]);
const ports = await freePorts(roots.length);
const targets: Target[] = roots.map(([name, root], index) => {
  const service = new ServiceProcess({
    name,
    entry: 'subgraphs/payments/src/main.ts',
    root,
    nodeArgs: [
      ...SUBGRAPH_NODE_FLAGS,
      ...(values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-interval', '500', '--cpu-prof-dir', values['cpu-prof']] : []),
    ],
    env: {
      ...upstreamEnv,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(ports[index]),
      DATA_DIR: join(dataDir, String(index)),
      SERVICE_SECRET: BENCH_SERVICE_SECRET,
      QUOTE_SIGNING_SECRET: 'a bench quote signing secret of 32+ characters',
    },
  });
  service.start();
  return {
    name,
    service,
    url: `http://127.0.0.1:${ports[index]}/graphql`,
    cpuMs: [],
    answerBytes: 0,
    tokenBytes: 0,
    errors: 0,
    figures: '',
    calls: new Map(),
  };
});

const body = JSON.stringify({ query: ENTITIES, variables: { representations: representations(), currency: 'EUR' } });

async function search(target: Target): Promise<void> {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...principalHeaders(undefined, BENCH_SERVICE_SECRET) },
    body,
  });
  const text = await response.text();
  const answer = JSON.parse(text) as { data?: { _entities: Array<{ landedCost: { quoteId: string } | null }> }; errors?: unknown[] };
  const costs = answer.data?._entities.map((entity) => entity.landedCost) ?? [];
  if (answer.errors || costs.length !== 42 || costs.some((cost) => cost === null)) {
    target.errors++;
    return;
  }
  target.answerBytes = Buffer.byteLength(text);
  target.tokenBytes = costs.reduce((sum, cost) => sum + cost!.quoteId.length, 0) / costs.length;
  target.figures = JSON.stringify(costs, (key, value: unknown) => (key === 'quoteId' || key === 'expiresAt' ? undefined : value));
}

try {
  await Promise.all(targets.map((target) => target.service.waitForHttp(target.url.replace('/graphql', '/health'), 120_000)));
  console.log(
    `load average at start: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  for (const target of targets) for (let i = 0; i < warmup; i++) await search(target);
  for (let round = 0; round < rounds; round++) {
    for (const target of targets) {
      await Promise.all([...sandboxes.values()].map((sandbox) => sandbox.resetStats()));
      const before = cpuMillis(target.service.pid!);
      for (let i = 0; i < requests; i++) await search(target);
      target.cpuMs.push((cpuMillis(target.service.pid!) - before) / requests);
      for (const [id, sandbox] of sandboxes) {
        target.calls.set(id, (target.calls.get(id) ?? 0) + (await sandbox.stats()).total / requests / rounds);
      }
    }
  }
  console.log(
    `load average at end: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  console.log(`payments, one search's _entities (42 options, DE/EUR): request ${Buffer.byteLength(body)} bytes`);
  console.log(
    '| checkout | CPU ms per search (median of rounds) | rounds | answer bytes | bytes per quote token | upstream calls per search | errors |',
  );
  console.log('| --- | ---: | --- | ---: | ---: | --- | ---: |');
  for (const target of targets) {
    const rounded = target.cpuMs.map((ms) => ms.toFixed(1)).join(', ');
    console.log(
      `| ${target.name} | ${median(target.cpuMs).toFixed(1)} | ${rounded} | ${target.answerBytes} | ${Math.round(target.tokenBytes)} | ${[...target.calls].map(([id, n]) => `${id} ${n.toFixed(1)}`).join(', ')} | ${target.errors} |`,
    );
  }
  if (targets.length === 2) {
    const [base, self] = targets as [Target, Target];
    console.log(
      `this checkout / baseline: CPU ${(median(self.cpuMs) / median(base.cpuMs)).toFixed(2)}×, answer ${(self.answerBytes / base.answerBytes).toFixed(2)}×, token ${(self.tokenBytes / base.tokenBytes).toFixed(2)}×`,
    );
    console.log(`same amounts, lines, descriptions, formulas and sources as the baseline: ${self.figures === base.figures ? 'yes' : 'NO'}`);
  }
} finally {
  await Promise.all(targets.map((target) => target.service.stop()));
  await Promise.all([...sandboxes.values()].map((sandbox) => sandbox.close()));
  rmSync(dataDir, { recursive: true, force: true });
}
