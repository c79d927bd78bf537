/**
 * Faults a sandbox upstream can be told to show, so that adapters and the gateway can be seen
 * failing the way real vendors fail. Written `down`, `slow:<ms>`, `error:<status>`, `ratelimit`,
 * `garbage` or `closed:<ms>`; `SANDBOX_FAULTS` lists them per upstream id: `cn-jademarket=down,br-feira=slow:800`.
 * `down` drops each connection once the request is read (the caller cannot know whether it was
 * acted on); `closed:<ms>` stops listening for that long, so connections are refused (nothing can
 * have been acted on), then listens again on the same port with its state kept.
 */
export type Fault =
  | { kind: 'down' }
  | { kind: 'slow'; ms: number }
  | { kind: 'error'; status: number }
  | { kind: 'ratelimit' }
  | { kind: 'garbage' }
  | { kind: 'closed'; ms: number };

export function parseFault(text: string): Fault {
  const [kind, argument] = text.trim().split(':', 2);
  switch (kind) {
    case 'down':
    case 'ratelimit':
    case 'garbage':
      if (argument !== undefined) break;
      return { kind };
    case 'slow':
    case 'closed': {
      const ms = Number(argument);
      if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) break;
      return { kind, ms };
    }
    case 'error': {
      const status = Number(argument);
      if (!Number.isInteger(status) || status < 400 || status > 599) break;
      return { kind, status };
    }
  }
  throw new Error(`"${text}" is not a fault (down, slow:<ms>, error:<4xx|5xx>, ratelimit, garbage, closed:<ms>)`);
}

export function formatFault(fault: Fault): string {
  switch (fault.kind) {
    case 'slow':
    case 'closed':
      return `${fault.kind}:${fault.ms}`;
    case 'error':
      return `error:${fault.status}`;
    default:
      return fault.kind;
  }
}

/** Parses `id=fault,id=fault`. Ids are checked by the caller, who knows which upstreams exist. */
export function parseFaultList(text: string | undefined): Map<string, Fault> {
  const faults = new Map<string, Fault>();
  for (const entry of (text ?? '').split(',')) {
    if (entry.trim() === '') continue;
    const separator = entry.indexOf('=');
    if (separator <= 0) throw new Error(`"${entry}" should read <upstream-id>=<fault>`);
    faults.set(entry.slice(0, separator).trim(), parseFault(entry.slice(separator + 1)));
  }
  return faults;
}
