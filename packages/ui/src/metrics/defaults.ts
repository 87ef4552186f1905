import type { MetricCatalogEntry, MetricOp } from "@sonde/protocol/query";

const KIND_NAMES: Record<string, string> = {
  sum: "counter",
  gauge: "gauge",
  histogram: "distribution",
  exponential_histogram: "distribution",
  summary: "summary",
};

/**
 * A metric's kind in the seed's terms: as declared when the SDK sent `sonde.kind` (constant,
 * gauge, counter, distribution), else from the OTLP point kind. Throws nothing.
 */
export function kindOf(m: MetricCatalogEntry): string {
  const declared = m.metadata["sonde.kind"];
  if (typeof declared === "string") return declared;
  return m.kind === "sum" && !m.monotonic ? "sum" : (KIND_NAMES[m.kind] ?? m.kind);
}

/**
 * The calculations a metric is charted with by default (issue 6 §6): RATE for counters, P50,
 * P99 and HEATMAP for distributions, LAST for gauges, constants and non-monotonic sums; none
 * for text values (no calculation applies to them). Throws nothing.
 */
export function defaultMetricOps(m: MetricCatalogEntry): MetricOp[] {
  if (m.value_type === "string") return [];
  const kind = kindOf(m);
  if (kind === "counter") return ["RATE"];
  if (kind === "distribution") return ["P50", "P99", "HEATMAP"];
  return ["LAST"];
}

/**
 * Path prefixes of metric names, for the prefix filter: every parent of every name
 * (`/proc/`, `/proc/memory/`), sorted. Throws nothing.
 */
export function metricPrefixes(names: string[]): string[] {
  const prefixes = new Set<string>();
  for (const name of names) {
    const parts = name.split("/");
    for (let i = 2; i < parts.length; i++) prefixes.add(`${parts.slice(0, i).join("/")}/`);
  }
  return [...prefixes].sort();
}
