import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (ms) spent by the server processes and by PostgreSQL, read from /proc (Linux). Divided
 * by the work done it gives a cost per request that is far steadier than a rate on a shared
 * 2-core machine, where the load generator competes for the same cores.
 */
export interface CpuSnapshot {
  server: number;
  postgres: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuOf(pid: string): { comm: string; ms: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { comm, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

export function cpuSnapshot(serverPids: number[]): CpuSnapshot {
  let server = 0;
  let postgres = 0;
  for (const pid of serverPids) server += cpuOf(String(pid))?.ms ?? 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const p = cpuOf(pid);
    if (p?.comm === 'postgres') postgres += p.ms;
  }
  return { server, postgres };
}

export function cpuDelta(a: CpuSnapshot, b: CpuSnapshot): CpuSnapshot {
  return { server: b.server - a.server, postgres: b.postgres - a.postgres };
}
