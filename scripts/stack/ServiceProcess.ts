import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServiceProcessOptions {
  name: string;
  /** TypeScript entry point, relative to the repository root. */
  entry: string;
  args?: string[];
  /** Options for node itself, before the entry (e.g. V8 heap settings). Default: none. */
  nodeArgs?: readonly string[];
  env: Record<string, string>;
  root: URL;
  /** Where the service's output goes; each line is passed as it comes. */
  onLine?: (line: string) => void;
}

/** One service of the stack as a child process, started with tsx, stopped with SIGTERM. */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private readonly lines: string[] = [];
  private lineListeners: Array<(line: string) => void> = [];
  onUnexpectedExit: ((code: number | null) => void) | undefined;

  constructor(readonly options: ServiceProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The last lines it printed, for error messages. */
  recentOutput(count = 20): string {
    return this.lines.slice(-count).join('\n');
  }

  start(): void {
    const { entry, args = [], nodeArgs = [], env, root } = this.options;
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        this.lines.push(line);
        if (this.lines.length > 500) this.lines.shift();
        this.options.onLine?.(line);
        for (const listener of this.lineListeners) listener(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      if (this.child === child) {
        this.child = undefined;
        this.onUnexpectedExit?.(code);
      }
    });
  }

  /** Resolves with the first line that `match` accepts, or fails when the process exits or time runs out. */
  async waitForLine<T>(match: (line: string) => T | undefined, timeoutMs: number): Promise<T> {
    for (const line of this.lines) {
      const found = match(line);
      if (found !== undefined) return found;
    }
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`${this.options.name} did not start within ${timeoutMs} ms:\n${this.recentOutput()}`)),
        timeoutMs,
      );
      const exitCheck = setInterval(() => {
        if (!this.child) finish(new Error(`${this.options.name} exited during start-up:\n${this.recentOutput()}`));
      }, 100);
      const listener = (line: string) => {
        const found = match(line);
        if (found !== undefined) finish(undefined, found);
      };
      const finish = (error?: Error, value?: T) => {
        clearTimeout(timer);
        clearInterval(exitCheck);
        this.lineListeners = this.lineListeners.filter((l) => l !== listener);
        if (error) reject(error);
        else resolve(value as T);
      };
      this.lineListeners.push(listener);
    });
  }

  /** Polls an HTTP endpoint until it answers 200. */
  async waitForHttp(url: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`${this.options.name} exited during start-up:\n${this.recentOutput()}`);
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`${this.options.name} was not ready at ${url} within ${timeoutMs} ms:\n${this.recentOutput()}`);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    const exited = once(child, 'exit');
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  /** Ends the process at once, as a crash would. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }
}
