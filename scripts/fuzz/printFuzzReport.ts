import type { FuzzReport, FuzzViolation } from './runFuzz.js';

/** The summary table of a fuzz run: one row per kind of request, then the totals, statuses and error codes. */
export function printFuzzReport(report: FuzzReport, exits: readonly string[]): string {
  const header = ['request', 'sent', '2xx', '4xx', '5xx', 'closed', 'timeout', 'violations'];
  const rows = [...report.rows.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = { sent: 0, ok2xx: 0, client4xx: 0, server5xx: 0, closed: 0, timeouts: 0, violations: 0 };
  for (const [, row] of rows) for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += row[key];
  const line = (name: string, row: typeof total) =>
    [name, row.sent, row.ok2xx, row.client4xx, row.server5xx, row.closed, row.timeouts, row.violations].map(String);
  const table = [header, ...rows.map(([name, row]) => line(name, row)), line('TOTAL', total)];
  const widths = header.map((_, column) => Math.max(...table.map((cells) => cells[column]!.length)));
  const render = (cells: string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!))).join('  ');
  const sortedCounts = (counts: ReadonlyMap<string | number, number>) =>
    [...counts.entries()]
      .sort(([, a], [, b]) => b - a)
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
  return [
    render(table[0]!),
    ...table.slice(1, -1).map(render),
    render(table[table.length - 1]!),
    '',
    `seed ${report.seed}: ${report.sent} requests in ${(report.elapsedMs / 1000).toFixed(1)} s (${Math.round((report.sent * 1000) / Math.max(1, report.elapsedMs))}/s), slowest answer ${report.slowestMs} ms`,
    `HTTP statuses: ${sortedCounts(report.statuses)}`,
    `GraphQL error codes: ${sortedCounts(report.errorCodes) || 'none'}`,
    `service exits: ${exits.length === 0 ? 0 : exits.join(', ')}`,
    `violations: ${report.violations.length}`,
    ...firstOfEachKind(report.violations).map(([count, violation]) => `${describeViolation(violation, report.seed)}\n(${count} like it)`),
  ].join('\n');
}

/** One example of each rule broken by each kind of request, with how many broke it alike. */
function firstOfEachKind(violations: readonly FuzzViolation[]): Array<[number, FuzzViolation]> {
  const kinds = new Map<string, [number, FuzzViolation]>();
  for (const violation of violations) {
    const key = `${violation.rule} ${violation.fuzzCase.kind} ${violation.fuzzCase.label}`;
    const seen = kinds.get(key);
    if (seen) seen[0]++;
    else kinds.set(key, [1, violation]);
  }
  return [...kinds.values()];
}

/** One offending request, byte for byte (cut at 1500 characters), with the rule it broke and the answer's start. */
export function describeViolation(violation: FuzzViolation, seed: number): string {
  const { fuzzCase, rule, answer } = violation;
  const sent = fuzzCase.request.bytes.toString('latin1');
  const shown = sent.length > 1_500 ? `${sent.slice(0, 1_500)}… (${sent.length} bytes)` : sent;
  const got = answer.kind === 'answered' ? `HTTP ${answer.status} ${answer.body.slice(0, 600)}` : answer.kind;
  return [
    '',
    `VIOLATION (${rule}) in case ${fuzzCase.index} [${fuzzCase.kind}: ${fuzzCase.label}]; replay: npm run fuzz -- --seed ${seed} --case ${fuzzCase.index}`,
    `sent: ${JSON.stringify(shown)}`,
    `got:  ${got}`,
  ].join('\n');
}
