/** Process helpers for the benchmark: resident memory of a process group, from /proc. */
import { readdirSync, readFileSync } from 'node:fs';

/** Sum of VmRSS (bytes) over every process whose process group is `pgid` (next start forks workers). */
export function groupRssBytes(pgid: number): number {
  let total = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // fields after the parenthesised command: state ppid pgrp …
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(rest[2]) !== pgid) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${d}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // the process exited while we looked
    }
  }
  return total;
}
