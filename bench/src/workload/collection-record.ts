// Records the collection workload into real instruments of prom-client, OpenTelemetry JS and
// Sonde (@sonde/api), so that each library's own exporter produces what goes on the wire.
import type { Meter } from "@opentelemetry/api";
import { metrics } from "@sonde/api";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type {
  CollectionWorkload,
  SeriesChange,
  WorkloadInterval,
  WorkloadMetric,
  WorkloadTags,
} from "./collection-workload.js";

/** Records one interval's changes; returns nothing and throws nothing for workload input. */
export type IntervalRecorder = (interval: WorkloadInterval) => void;

/**
 * Prometheus name of a Sonde path (`/bench/http/server/request_count` →
 * `bench_http_server_request_count_total`), as Sonde's own Prometheus exporter maps it.
 */
export function prometheusName(metric: WorkloadMetric): string {
  const base = metric.name.slice(1).replaceAll("/", "_");
  return metric.kind === "counter" ? `${base}_total` : base;
}

/** Dotted name of a Sonde path for OpenTelemetry and statsd (`bench.http.server.latency`). */
export function dottedName(metric: WorkloadMetric): string {
  return metric.name.slice(1).replaceAll("/", ".");
}

/** Applies each change of an interval through one per-series function. */
function recorder(apply: ((change: SeriesChange) => void)[]): IntervalRecorder {
  return (interval) => {
    for (const change of interval.changes) apply[change.series](change);
  };
}

/**
 * prom-client: one Counter / Gauge / Histogram per metric in `registry` (labels `route`,
 * `method`), recorded through per-series labelled children.
 */
export function recordIntoPromClient(
  workload: CollectionWorkload,
  registry: Registry,
): IntervalRecorder {
  const labelNames = ["route", "method"] as const;
  const apply = new Map<WorkloadMetric, (tags: object) => (change: SeriesChange) => void>();
  for (const metric of workload.metrics) {
    const common = { name: prometheusName(metric), help: metric.description, labelNames };
    const registers = [registry];
    if (metric.kind === "counter") {
      const c = new Counter({ ...common, registers });
      apply.set(metric, (tags) => {
        const child = c.labels(tags as never);
        return (change) => child.inc(change.delta);
      });
    } else if (metric.kind === "gauge") {
      const g = new Gauge({ ...common, registers });
      apply.set(metric, (tags) => {
        const child = g.labels(tags as never);
        return (change) => child.set(change.value);
      });
    } else {
      const h = new Histogram({ ...common, buckets: [...metric.bounds], registers });
      apply.set(metric, (tags) => {
        const child = h.labels(tags as never);
        return (change) => {
          for (const v of change.observations) child.observe(v);
        };
      });
    }
  }
  return recorder(workload.series.map((s) => apply.get(s.metric)?.(s.tags) ?? (() => {})));
}

/**
 * OpenTelemetry JS: a Counter, a synchronous Gauge (absolute values) or a Histogram (explicit
 * bounds as advice) per metric on `meter`, recorded with `{ route, method }` attributes.
 */
export function recordIntoOpenTelemetry(
  workload: CollectionWorkload,
  meter: Meter,
): IntervalRecorder {
  const apply = new Map<WorkloadMetric, (tags: object) => (change: SeriesChange) => void>();
  for (const metric of workload.metrics) {
    const name = dottedName(metric);
    const options = { description: metric.description, unit: metric.unit };
    if (metric.kind === "counter") {
      const c = meter.createCounter(name, options);
      apply.set(metric, (tags) => (change) => c.add(change.delta, { ...tags }));
    } else if (metric.kind === "gauge") {
      const g = meter.createGauge(name, options);
      apply.set(metric, (tags) => (change) => g.record(change.value, { ...tags }));
    } else {
      const h = meter.createHistogram(name, {
        ...options,
        advice: { explicitBucketBoundaries: [...metric.bounds] },
      });
      apply.set(metric, (tags) => (change) => {
        for (const v of change.observations) h.record(v, { ...tags });
      });
    }
  }
  return recorder(workload.series.map((s) => apply.get(s.metric)?.(s.tags) ?? (() => {})));
}

/**
 * Sonde: `metrics.counter` / `metrics.gauge` (int) / `metrics.distribution` (the workload's
 * bounds) from @sonde/api, recorded through bound handles. The instruments record once an SDK
 * is registered (before that they are noops); declare once per process, since a second
 * declaration of the same name returns the same instruments.
 */
export function recordIntoSonde(workload: CollectionWorkload): IntervalRecorder {
  const tags = { route: "string", method: "string" } as const;
  const apply = new Map<WorkloadMetric, (t: WorkloadTags) => (change: SeriesChange) => void>();
  for (const metric of workload.metrics) {
    const options = { description: metric.description, unit: metric.unit, tags };
    if (metric.kind === "counter") {
      const c = metrics.counter(metric.name, options);
      apply.set(metric, (t) => {
        const bound = c.bind(t);
        return (change) => bound.add(change.delta);
      });
    } else if (metric.kind === "gauge") {
      const g = metrics.gauge(metric.name, { ...options, valueType: "int" });
      apply.set(metric, (t) => {
        const bound = g.bind(t);
        return (change) => bound.set(change.value);
      });
    } else {
      const d = metrics.distribution(metric.name, { ...options, buckets: [...metric.bounds] });
      apply.set(metric, (t) => {
        const bound = d.bind(t);
        return (change) => {
          for (const v of change.observations) bound.record(v);
        };
      });
    }
  }
  return recorder(workload.series.map((s) => apply.get(s.metric)?.(s.tags) ?? (() => {})));
}
