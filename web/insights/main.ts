import { drawBars } from './charts.js';
import { graphql } from './graphql.js';
import { LANE, LANES, MONTHLY_BY_MODE, TOP_PARTNERS } from './queries.js';

interface Usd {
  readonly usd: string;
}
interface Row {
  readonly period?: string | null;
  readonly mode?: string | null;
  readonly synthetic: boolean;
  readonly suppressed: boolean;
  readonly primaryValue?: Usd | null;
  readonly partner?: { code: string; name?: string } | null;
  readonly reporter?: { code: string } | null;
  readonly landedCostShares?: { item: number; shipping: number; duties: number; taxes: number; fees: number } | null;
  readonly transitDays?: { median: number | null; p90: number | null } | null;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = $('status');
const say = (text: string, error = false) => {
  status.textContent = text;
  status.classList.toggle('error', error);
};
/** Suppressed cells carry no numbers: they are left out, and the status line says how many. */
const shown = (rows: readonly Row[]) => rows.filter((row) => !row.suppressed);
const label = (row: Row, text: string) => (row.synthetic ? `${text} (synthetic)` : text);
const usd = (row: Row) => Number(row.primaryValue?.usd ?? 0);

async function show(): Promise<void> {
  const key = $<HTMLInputElement>('key').value.trim();
  sessionStorage.setItem('tradegraph-key', key);
  const reporter = $<HTMLInputElement>('reporter').value.trim().toUpperCase();
  const flow = $<HTMLSelectElement>('flow').value;
  const data = $<HTMLSelectElement>('data').value;
  const origin = $<HTMLInputElement>('laneOrigin').value.trim().toUpperCase();
  const destination = $<HTMLInputElement>('laneDestination').value.trim().toUpperCase();
  say('Loading…');
  try {
    const variables = { flow, reporter, data };
    const [monthly, partners, lanes, lane] = await Promise.all([
      graphql<{ tradeFlows: { rows: Row[] } }>(MONTHLY_BY_MODE, variables, key),
      graphql<{ tradeFlows: { rows: Row[] } }>(TOP_PARTNERS, variables, key),
      graphql<{ tradeFlows: { rows: Row[] } }>(LANES, variables, key),
      graphql<{ lane: { id: string; modes: Row[]; customsRules: Array<{ kind: string; summary: string; source: string }> } }>(
        LANE,
        { origin, destination, data },
        key,
      ),
    ]);

    const months = [...new Set(shown(monthly.tradeFlows.rows).map((row) => row.period ?? ''))].sort();
    const modes = [...new Set(shown(monthly.tradeFlows.rows).map((row) => label(row, row.mode ?? 'UNKNOWN')))].sort();
    drawBars($('monthlyByMode'), {
      categories: months,
      stacked: true,
      series: modes.map((mode) => ({
        name: mode,
        values: months.map((month) =>
          shown(monthly.tradeFlows.rows)
            .filter((row) => row.period === month && label(row, row.mode ?? 'UNKNOWN') === mode)
            .reduce((sum, row) => sum + usd(row), 0),
        ),
      })),
    });

    const top = shown(partners.tradeFlows.rows).slice(0, 10);
    drawBars($('topPartners'), {
      categories: top.map((row) => label(row, row.partner?.name ?? '?')),
      horizontal: true,
      series: [{ name: 'USD', values: top.map(usd) }],
    });

    const laneRows = shown(lanes.tradeFlows.rows).filter((row) => row.landedCostShares);
    const parts = ['item', 'shipping', 'duties', 'taxes', 'fees'] as const;
    drawBars($('landedCost'), {
      categories: laneRows.map((row) => label(row, `${row.partner?.code}→${row.reporter?.code}`)),
      stacked: true,
      percent: true,
      series: parts.map((part) => ({ name: part, values: laneRows.map((row) => row.landedCostShares![part]) })),
    });

    const modeRows = shown(lane.lane.modes).filter((row) => row.transitDays?.median != null);
    drawBars($('laneTransit'), {
      categories: modeRows.map((row) => label(row, row.mode ?? '?')),
      series: [
        { name: 'median days', values: modeRows.map((row) => row.transitDays!.median ?? 0) },
        { name: 'p90 days', values: modeRows.map((row) => row.transitDays!.p90 ?? 0) },
      ],
    });
    const rules = $('customsRules');
    rules.replaceChildren(
      ...lane.lane.customsRules.map((rule) => {
        const item = document.createElement('li');
        item.textContent = `${rule.kind}: ${rule.summary}`;
        item.title = rule.source;
        return item;
      }),
    );

    const hidden = [monthly, partners, lanes].reduce(
      (sum, answer) => sum + answer.tradeFlows.rows.filter((row) => row.suppressed).length,
      0,
    );
    say(`${reporter}, ${flow === 'IMPORT' ? 'imports' : 'exports'}; lane ${lane.lane.id}. ${hidden} small cells suppressed.`);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), true);
  }
}

$<HTMLInputElement>('key').value = new URLSearchParams(location.hash.slice(1)).get('key') ?? sessionStorage.getItem('tradegraph-key') ?? '';
$('controls').addEventListener('submit', (event) => {
  event.preventDefault();
  void show();
});
void show();
