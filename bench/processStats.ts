import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** A process and all its descendants (a gateway may fork workers): their CPU and memory are counted together. */
function processTree(pid: number): number[] {
  const pids = [pid];
  for (let index = 0; index < pids.length; index++) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pids[index]}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = readFileSync(`/proc/${pids[index]}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      } catch {
        // the task ended meanwhile
      }
    }
  }
  return pids;
}

/** User + system CPU time, in milliseconds, a process tree has used so far (from /proc/<pid>/stat). */
export function cpuMillis(pid: number): number {
  let ticks = 0;
  for (const member of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${member}/stat`, 'utf8');
      // fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th, stime the 15th
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended meanwhile
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of a process tree, in MiB (VmRSS of /proc/<pid>/status). */
export function rssMiB(pid: number): number {
  let kib = 0;
  for (const member of processTree(pid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
      kib += Number(match?.[1] ?? 0);
    } catch {
      // ended meanwhile
    }
  }
  return kib / 1024;
}

/**
 * Pins a process and all its threads to one CPU core (`taskset -a -p -c`), so a gateway measured
 * on a shared machine gets one core's worth of time however busy the other core is.
 */
export function pinToCore(pid: number, core: number): void {
  execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
}

/** User + system CPU time, in milliseconds, of a process's main thread alone (the thread whose id is the pid). */
export function mainThreadCpuMillis(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Busy and total CPU time of the whole machine so far, in clock ticks (the first line of /proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already inside user and nice)
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = fields[3]! + fields[4]!;
  return { busy: total - idle, total };
}

export interface QuietSettings {
  /** The window over which the machine's load is read. */
  readonly windowMs: number;
  /** The busy share of all cores, 0–1, under which the machine counts as quiet. */
  readonly busyShare: number;
  /** How long to wait at most; the round then starts on a machine still busy. */
  readonly timeoutMs: number;
}

/**
 * Waits until the whole machine has been quiet for one window: the work a target leaves behind
 * when its load stops (requests still queued, their subgraph calls, a collection of its heap) then
 * is not charged to the next target measured.
 */
export async function waitForQuietMachine(settings: QuietSettings): Promise<{ waitedMs: number; quiet: boolean }> {
  const started = performance.now();
  let before = machineTicks();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, settings.windowMs));
    const after = machineTicks();
    const total = after.total - before.total;
    const waited = performance.now() - started;
    if (total > 0 && (after.busy - before.busy) / total <= settings.busyShare) return { waitedMs: waited, quiet: true };
    if (waited >= settings.timeoutMs) return { waitedMs: waited, quiet: false };
    before = after;
  }
}
