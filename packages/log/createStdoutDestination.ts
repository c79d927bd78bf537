import { write, writeSync } from 'node:fs';

/** Pending bytes past which new lines are dropped (and counted) rather than kept: a stalled reader must not grow the heap. */
const MAX_PENDING_BYTES = 8 * 1024 * 1024;
/** How long a line waits for others to join its write, when nothing was written lately. */
const FLUSH_MS = 50;
/**
 * Least time between two writes while lines keep coming (unless FLUSH_BYTES are queued). Each write
 * hands a batch to libuv's thread pool, and on a core the process shares with that thread (a gateway
 * pinned to one core) the hand-over deschedules the main thread: at a line per request, four
 * hand-overs a second instead of twenty.
 */
const MIN_WRITE_INTERVAL_MS = 250;
/** Queued bytes that are written at once, without waiting for FLUSH_MS. */
const FLUSH_BYTES = 64 * 1024;
/** How long to wait before writing again when the reader is full (EAGAIN). */
const RETRY_MS = 10;

export interface LogDestination {
  /** Queues one line (without its newline); it is written within 50 ms after a quiet spell, 250 ms while lines keep coming, with the lines queued meanwhile. */
  write(line: string): void;
  /** Writes what is queued, synchronously: on exit, so no line is lost. */
  flushSync(): void;
}

/**
 * Log lines to a file descriptor (stdout by default) without blocking the event loop: the lines
 * of up to 50 ms (or 64 KiB) are joined and handed to one asynchronous `fs.write` (libuv's thread
 * pool), while the next ones queue up; while lines keep coming, writes are at least 250 ms apart
 * (a line waits at most that long); on exit what is left is written synchronously.
 * `process.stdout.write` is synchronous on Linux for pipes and files, so with a line per request
 * the gateway used to wait on its log reader once per request; a thread-pool write per line (or
 * per turn of the event loop) would instead cost a thread hand-over each time. Lines stay whole
 * and in order. Past 8 MiB pending (a reader that stopped reading), lines are dropped and a line
 * says how many.
 */
export function createStdoutDestination(fd = 1): LogDestination {
  let queued: string[] = [];
  let queuedBytes = 0;
  let dropped = 0;
  let writing: Buffer | undefined;
  let timer: NodeJS.Timeout | undefined;
  let lastWriteAt = -Infinity;

  const takeQueued = (): Buffer | undefined => {
    if (dropped > 0) {
      queued.push(
        JSON.stringify({ time: new Date().toISOString(), level: 'warn', msg: 'log lines dropped: the log reader is behind', dropped }),
      );
      dropped = 0;
    }
    if (queued.length === 0) return undefined;
    const text = `${queued.join('\n')}\n`;
    queued = [];
    queuedBytes = 0;
    return Buffer.from(text, 'utf8');
  };
  const writeNext = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (writing !== undefined) return; // the write in flight continues with the queue when it ends
    writing = takeQueued();
    if (writing === undefined) return;
    lastWriteAt = performance.now();
    writeFrom(writing, 0);
  };
  const writeFrom = (buffer: Buffer, offset: number): void => {
    write(fd, buffer, offset, buffer.byteLength - offset, null, (error, written) => {
      if (error?.code === 'EAGAIN') return void setTimeout(() => writeFrom(buffer, offset), RETRY_MS);
      // a closed or broken reader: nothing more can be said, and logging must never take the process down
      if (error || offset + written >= buffer.byteLength) {
        writing = undefined;
        if (!error && queuedBytes >= FLUSH_BYTES) writeNext();
        else if (!error && queued.length > 0) schedule();
        return;
      }
      writeFrom(buffer, offset + written);
    });
  };

  const schedule = (): void => {
    // unref'd: a pending line never keeps the process alive; the exit handler writes it
    timer ??= setTimeout(writeNext, Math.max(FLUSH_MS, lastWriteAt + MIN_WRITE_INTERVAL_MS - performance.now())).unref();
  };

  const destination: LogDestination = {
    write(line) {
      if (queuedBytes > MAX_PENDING_BYTES) {
        dropped++;
        return;
      }
      queued.push(line);
      queuedBytes += line.length;
      if (writing !== undefined) return; // the write in flight takes the queue on when it ends
      if (queuedBytes >= FLUSH_BYTES) writeNext();
      else schedule();
    },
    flushSync() {
      // the bytes of a write in flight are left to it; what is queued after them follows
      const rest = takeQueued();
      if (rest === undefined) return;
      try {
        let offset = 0;
        while (offset < rest.byteLength) offset += writeSync(fd, rest, offset);
      } catch {
        // EAGAIN on a non-blocking reader at exit, or no reader: lines are lost, the exit goes on
      }
    },
  };
  process.once('exit', () => destination.flushSync());
  return destination;
}

let stdout: LogDestination | undefined;

/** The process's one stdout destination, shared by all its loggers. */
export function stdoutDestination(): LogDestination {
  return (stdout ??= createStdoutDestination(1));
}
