import type { MetricRule, Policy } from "./messages.js";

/**
 * The collection policy's rule semantics, shared by the collector that sends a policy and the
 * client that follows it (seed "SRE School: Instrumentation", "Collection Policies").
 */

/**
 * The push interval of metric `name` under `rules`, ms; 0 when it is not pushed. An exact
 * `name` rule beats any prefix, and the longest matching prefix wins; a metric no rule matches
 * is not pushed (the seed's example: `/net/rpc/client/response_latency` is pushed while the
 * rest of `/net/rpc/client/` is not).
 */
export function metricInterval(rules: readonly MetricRule[], name: string): number {
  let best = -1;
  let interval = 0;
  for (const rule of rules) {
    if (rule.name != null && rule.name !== "") {
      if (rule.name === name) return rule.intervalMs ?? 0;
    } else if (rule.prefix != null && name.startsWith(rule.prefix) && rule.prefix.length > best) {
      best = rule.prefix.length;
      interval = rule.intervalMs ?? 0;
    }
  }
  return interval;
}

/** The policy of a collector that was given none: every metric every 10 s, all spans. */
export const DEFAULT_POLICY: Policy = Object.freeze({
  version: 0,
  metrics: [{ prefix: "/", intervalMs: 10_000 }],
  spans: { enabled: true, sampling: 1 },
  events: { enabled: true, sampling: 1 },
  logs: { enabled: true, sampling: 1 },
});
