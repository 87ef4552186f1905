// The collection-protocol workload of issue 5 ("Performance"): 1,000 series in one process —
// 600 counters (6 names × 100 tag combinations), 300 gauges (3 × 100), 100 distributions
// (1 × 100, 11 explicit bounds) — where 10% of the series change in each 1 s interval, for 600
// intervals. Deterministic: the same seed gives the same intervals in every run and process.
import { mulberry32 } from "./random.js";

/** What kind of instrument a metric is. */
export type WorkloadKind = "counter" | "gauge" | "distribution";

/** One metric of the workload; `name` is a Sonde path (`/bench/http/server/request_count`). */
export interface WorkloadMetric {
  readonly name: string;
  readonly kind: WorkloadKind;
  readonly description: string;
  readonly unit: string;
  /** Explicit bucket upper bounds (distributions only, else empty). */
  readonly bounds: readonly number[];
}

/** The two tags every series has. */
export interface WorkloadTags {
  readonly route: string;
  readonly method: string;
}

/** One series: a metric and a tag combination. `id` is its index in {@link CollectionWorkload.series}. */
export interface WorkloadSeries {
  readonly id: number;
  readonly metric: WorkloadMetric;
  readonly tags: WorkloadTags;
}

/** What happened to one series in one interval. */
export interface SeriesChange {
  /** Index into {@link CollectionWorkload.series}. */
  readonly series: number;
  /**
   * Counter: the increment (1–10). Gauge: the step (±1–3, never 0). Distribution: the number of
   * observations (1–5).
   */
  readonly delta: number;
  /** Counter: the new total. Gauge: the new value. Distribution: the total observation count. */
  readonly value: number;
  /** Distribution: the values observed in this interval (ms); empty for other kinds. */
  readonly observations: readonly number[];
}

/** One interval: the changed series in ascending id order, at simulated time `timeMs`. */
export interface WorkloadInterval {
  /** 0..intervals−1; −1 for {@link CollectionWorkload.start}. */
  readonly index: number;
  /** Simulated end of the interval, ms since the UNIX epoch (1 s apart). */
  readonly timeMs: number;
  readonly changes: readonly SeriesChange[];
}

/** The whole workload, generated up front (about 60,000 changes, a few MB). */
export interface CollectionWorkload {
  readonly seed: number;
  readonly metrics: readonly WorkloadMetric[];
  readonly series: readonly WorkloadSeries[];
  /**
   * Every series' first value, recorded before interval 0 (as in a process that has already
   * served traffic), so that all 1,000 series exist from the start. Not a sample interval.
   */
  readonly start: WorkloadInterval;
  readonly intervals: readonly WorkloadInterval[];
  /**
   * Intervals at the start left out of the steady-state byte count (the start step and these
   * intervals carry definitions, HELP text on a new connection, handshakes).
   */
  readonly warmupIntervals: number;
  /** Samples per interval: one per series, changed or not (1,000). */
  readonly samplesPerInterval: number;
}

/** Workload parameters; the defaults are the issue's. */
export interface WorkloadOptions {
  readonly seed?: number;
  readonly intervals?: number;
  /** Fraction of the series that change per interval (0.1: exactly 100 of 1,000). */
  readonly changeFraction?: number;
  readonly warmupIntervals?: number;
}

/** Explicit bounds of the latency distribution (ms): 11 bounds, 12 buckets. */
export const LATENCY_BOUNDS: readonly number[] = [
  5, 10, 25, 50, 75, 100, 250, 500, 1000, 2500, 5000,
];

const COUNTERS: readonly [string, string, string][] = [
  ["/bench/http/server/request_count", "Requests served.", "1"],
  ["/bench/http/server/error_count", "Requests that failed.", "1"],
  ["/bench/http/server/request_bytes", "Request body bytes read.", "By"],
  ["/bench/http/server/response_bytes", "Response body bytes written.", "By"],
  ["/bench/http/server/retry_count", "Requests retried by the client.", "1"],
  ["/bench/http/server/timeout_count", "Requests that timed out.", "1"],
];
const GAUGES: readonly [string, string, string][] = [
  ["/bench/http/server/active_requests", "Requests being served.", "1"],
  ["/bench/http/server/queued_requests", "Requests waiting for a worker.", "1"],
  ["/bench/http/server/open_connections", "Connections open.", "1"],
];
const ROUTES = [
  "/",
  "/login",
  "/logout",
  "/search",
  "/browse",
  "/cart",
  "/cart/items",
  "/checkout",
  "/charge",
  "/orders",
  "/orders/:id",
  "/orders/:id/items",
  "/account",
  "/account/settings",
  "/products",
  "/products/:id",
  "/products/:id/reviews",
  "/recommendations",
  "/healthz",
  "/metrics",
];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Simulated time of the start step: 2026-01-01T00:00:00Z. */
const T0_MS = Date.UTC(2026, 0, 1);

/**
 * Generates the issue-5 workload. Each interval changes exactly `changeFraction` of the series,
 * picked uniformly without replacement; counters grow by 1–10, gauges (starting at 0–50) step
 * by ±1–3 and never go below 0, distributions get 1–5 log-normal latencies (median 40 ms,
 * σ = 0.8, µs resolution). Pure and deterministic for a given seed; throws nothing.
 */
export function collectionWorkload(options: WorkloadOptions = {}): CollectionWorkload {
  const seed = options.seed ?? 5;
  const count = options.intervals ?? 600;
  const next = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const latency = () => {
    // Box–Muller normal, then log-normal; rounded to whole microseconds.
    const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return Math.round(Math.exp(Math.log(40) + 0.8 * z) * 1000) / 1000;
  };

  const metrics: WorkloadMetric[] = [
    ...COUNTERS.map(([name, description, unit]) => ({
      name,
      kind: "counter" as const,
      description,
      unit,
      bounds: [],
    })),
    ...GAUGES.map(([name, description, unit]) => ({
      name,
      kind: "gauge" as const,
      description,
      unit,
      bounds: [],
    })),
    {
      name: "/bench/http/server/latency",
      kind: "distribution",
      description: "Time to serve a request.",
      unit: "ms",
      bounds: LATENCY_BOUNDS,
    },
  ];
  const tags = ROUTES.flatMap((route) => METHODS.map((method) => ({ route, method })));
  const series = metrics.flatMap((metric) => tags.map((t) => ({ metric, tags: t })));
  const all: WorkloadSeries[] = series.map((s, id) => ({ id, ...s }));
  const values = new Float64Array(all.length);

  const change = (id: number, first: boolean): SeriesChange => {
    const kind = all[id].metric.kind;
    if (kind === "counter") {
      const delta = int(1, 10);
      values[id] += delta;
      return { series: id, delta, value: values[id], observations: [] };
    }
    if (kind === "gauge") {
      if (first) {
        values[id] = int(0, 50);
        return { series: id, delta: values[id], value: values[id], observations: [] };
      }
      let step = int(1, 3) * (next() < 0.5 ? -1 : 1);
      if (values[id] + step < 0) step = -step;
      values[id] += step;
      return { series: id, delta: step, value: values[id], observations: [] };
    }
    const observations = Array.from({ length: int(1, 5) }, latency);
    values[id] += observations.length;
    return { series: id, delta: observations.length, value: values[id], observations };
  };

  const start: WorkloadInterval = {
    index: -1,
    timeMs: T0_MS,
    changes: all.map((s) => change(s.id, true)),
  };
  const changed = Math.round(all.length * (options.changeFraction ?? 0.1));
  const order = all.map((s) => s.id);
  const intervals: WorkloadInterval[] = [];
  for (let index = 0; index < count; index++) {
    // Partial Fisher–Yates: the first `changed` slots become a uniform sample.
    for (let i = 0; i < changed; i++) {
      const j = i + Math.floor(next() * (order.length - i));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const ids = order.slice(0, changed).sort((a, b) => a - b);
    intervals.push({
      index,
      timeMs: T0_MS + (index + 1) * 1000,
      changes: ids.map((id) => change(id, false)),
    });
  }
  return {
    seed,
    metrics,
    series: all,
    start,
    intervals,
    warmupIntervals: options.warmupIntervals ?? 10,
    samplesPerInterval: all.length,
  };
}

/** Steady-state samples: (intervals − warm-up) × series. */
export function steadySamples(workload: CollectionWorkload): number {
  return (workload.intervals.length - workload.warmupIntervals) * workload.samplesPerInterval;
}
