import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LoadResult {
  tool: string;
  ok: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export function wrkAvailable(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    // wrk prints its version and exits 1; only a missing binary is "not available".
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

const ms = (v: string, unit: string) => Number(v) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);

/**
 * wrk (Debian package) as the load generator: written in C, it leaves the CPU to the server on a
 * 2-core machine, where a JavaScript generator would take a third of it. Each request gets a
 * unique ~1 KB JSON body so that none is deduplicated.
 */
export function runWrk(url: string, connections: number, seconds: number, note: string): LoadResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ic-wrk-'));
  const script = path.join(dir, 'post.lua');
  writeFileSync(script, `counter = 0
local thread_id = 0
setup = function(thread) thread_id = thread_id + 1; thread:set("tid", thread_id) end
request = function()
  counter = counter + 1
  local body = '{"id":"' .. tid .. '-' .. counter .. '","lead":{"name":"Иван Петров","phone":"+79181234567","city":"Краснодар","note":"${note}"}}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), summary.duration))
end`);
  const out = execFileSync('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, url]).toString();
  const m = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(out);
  if (!m) throw new Error(`wrk output not understood:\n${out}`);
  const [requests, statusErrors, socketErrors, p50us, p99us, durationUs] = m.slice(1).map(Number) as number[];
  const ok = requests! - statusErrors!;
  return { tool: 'wrk', ok, perSecond: ok / (durationUs! / 1e6), p50: ms(String(p50us), 'us'), p99: ms(String(p99us), 'us'), errors: statusErrors! + socketErrors! };
}
