import http from 'node:http';
import https from 'node:https';
import { createEgressLookup } from './egress-lookup.ts';
import type { EgressPolicy } from './egress-policy.ts';

export interface EgressAgents {
  'http:': http.Agent;
  'https:': https.Agent;
}

/**
 * One keep-alive pair per policy: a pooled socket was checked against the policy that opened
 * it, so it must never serve a request made under another policy. Create a policy once (at
 * boot) and share it: a policy per run would mean a pool per run and no reuse at all.
 */
const byPolicy = new WeakMap<EgressPolicy, EgressAgents>();

export function egressAgents(policy: EgressPolicy): EgressAgents {
  let agents = byPolicy.get(policy);
  if (!agents) {
    const lookup = createEgressLookup(policy);
    const common = { keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000, lookup };
    agents = { 'http:': new http.Agent(common), 'https:': new https.Agent(common) };
    byPolicy.set(policy, agents);
  }
  return agents;
}
