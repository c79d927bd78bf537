import type { Exchange } from './recordExchanges.js';
import type { CheckResult } from './runConformance.js';

/** The last exchanges shown for a failure: the one that went wrong is nearly always among them. */
const EVIDENCE_EXCHANGES = 3;
const BODY_CHARACTERS = 600;

const clip = (text: string) => (text.length > BODY_CHARACTERS ? `${text.slice(0, BODY_CHARACTERS)}… (${text.length} characters)` : text);
const indent = (text: string, by: string) => text.replace(/^/gm, by);

/** What was sent and what came back, for people: method and URL, the body both ways, the status. */
export function formatEvidence(exchanges: readonly Exchange[]): string {
  if (exchanges.length === 0) return '    (no request was sent)';
  const shown = exchanges.slice(-EVIDENCE_EXCHANGES);
  const lines = shown.map((exchange) => {
    const sent = [`  sent:     ${exchange.method} ${exchange.url}`];
    const idempotencyKey = exchange.requestHeaders['idempotency-key'];
    if (idempotencyKey) sent.push(`            Idempotency-Key: ${idempotencyKey}`);
    if (exchange.requestBody !== '') sent.push(indent(clip(exchange.requestBody), '            '));
    const answer =
      exchange.status === undefined
        ? `  got back: no answer (${exchange.error ?? 'the call was abandoned'})`
        : `  got back: HTTP ${exchange.status}${exchange.responseBody === '' ? '' : `\n${indent(clip(exchange.responseBody), '            ')}`}`;
    return [...sent, answer].join('\n');
  });
  const omitted = exchanges.length - shown.length;
  return indent([...(omitted > 0 ? [`  (${omitted} earlier exchanges not shown)`] : []), ...lines].join('\n'), '  ');
}

/** One line per check, and for a failure why and its evidence. */
export function formatResult(result: CheckResult): string {
  switch (result.outcome) {
    case 'passed':
      return `  ✓ ${result.check.name}`;
    case 'skipped':
      return `  - ${result.check.name} (skipped: ${result.reason})`;
    case 'failed':
      return [`  ✗ ${result.check.name}`, indent(result.reason ?? '', '      '), formatEvidence(result.exchanges)].join('\n');
  }
}

export function formatSummary(results: readonly CheckResult[]): string {
  const count = (outcome: CheckResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
  return `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`;
}
