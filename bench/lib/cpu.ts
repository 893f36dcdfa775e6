/**
 * CPU time of a process and its descendants from /proc (Linux only), so a figure like "server CPU = 140% of one
 * core" covers whatever the server forks. Ticks are USER_HZ, 100 on every Linux we run on.
 */
import { readdirSync, readFileSync } from 'node:fs';

const USER_HZ = 100;

function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime + stime, plus cutime + cstime: a backend that exits in the window was reaped into its parent's.
    return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const kids: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (list) kids.push(...list.split(' ').map(Number));
    }
  } catch {
    // The process is gone: it has no children to count.
  }
  return kids;
}

/** CPU seconds used so far by the process tree rooted at pid (live processes only). */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  const queue = [pid];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const p = queue.shift()!;
    if (seen.has(p)) continue;
    seen.add(p);
    ticks += ticksOf(p);
    queue.push(...childrenOf(p));
  }
  return ticks / USER_HZ;
}

/** Starts a CPU meter; `stop()` returns the share of one core used in between, in percent. */
export function cpuMeter(pid: number | null): { stop: () => number } {
  if (pid === null) return { stop: () => Number.NaN };
  const cpu0 = treeCpuSeconds(pid);
  const t0 = performance.now();
  return {
    stop: () => {
      const secs = (performance.now() - t0) / 1000;
      return secs > 0 ? Math.round(((treeCpuSeconds(pid) - cpu0) / secs) * 1000) / 10 : Number.NaN;
    },
  };
}

/** This process's own CPU (not its children): the driver shares the cores with what it measures. */
export function selfCpuMeter(): { stop: () => number } {
  const u0 = process.cpuUsage();
  const t0 = performance.now();
  return {
    stop: () => {
      const u = process.cpuUsage(u0);
      const secs = (performance.now() - t0) / 1000;
      return Math.round(((u.user + u.system) / 1e6 / secs) * 1000) / 10;
    },
  };
}
