import type { MetricReader, MetricSnapshot, SeriesSnapshot } from "./read.js";

/** Tag values as recorded (enum tags by member name); omit for an untagged metric. */
export type RecordedTags = Readonly<Record<string, string | number | boolean>>;

/** What a distribution series recorded since the recorder was made. */
export interface RecordedDistribution {
  readonly count: number;
  readonly sum: number;
  /** The series' current upper bounds (see `DistributionSnapshot.bounds`). */
  readonly bounds: readonly number[];
  /** Per bucket of `bounds` (+Inf last), the samples added since (matched by upper bound). */
  readonly counts: readonly number[];
}

/** Assertions on what code recorded, for tests. See {@link metricsRecorder}. */
export interface MetricsRecorder {
  /**
   * The current value of a counter, gauge or constant series (`bigint` for ints), or
   * undefined when the series does not exist or was never set.
   */
  value(name: string, tags?: RecordedTags): bigint | number | string | boolean | undefined;
  /** How much a counter series grew since the recorder was made (`0n` if it did not). */
  increase(name: string, tags?: RecordedTags): bigint;
  /** What a distribution series recorded since the recorder was made (zeros if nothing). */
  recorded(name: string, tags?: RecordedTags): RecordedDistribution;
  /** Every current series of a metric (the overflow series last); `[]` if none. */
  series(name: string): readonly SeriesSnapshot[];
  /**
   * One line per series that changed since the recorder was made, for metrics whose name
   * starts with `prefix` (default `"/"`), sorted: `/path{tag="x",code=200} +3` for counters,
   * `/path{…} = 21.5` for gauges and constants (strings quoted), `/path{…} count +2 sum +7.5`
   * for distributions; the overflow series is written `{overflow}`.
   */
  changes(prefix?: string): string[];
}

function sameTags(series: SeriesSnapshot, tags: RecordedTags | undefined): boolean {
  if (series.overflow) return false;
  const wanted = tags ?? {};
  const names = Object.keys(series.tags);
  return (
    names.length === Object.keys(wanted).length &&
    names.every((name) => series.tags[name] === wanted[name])
  );
}

function render(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function label(name: string, series: SeriesSnapshot): string {
  if (series.overflow) return `${name}{overflow}`;
  const tags = Object.entries(series.tags).map(([tag, value]) => `${tag}=${render(value)}`);
  return `${name}{${tags.join(",")}}`;
}

function key(series: SeriesSnapshot): string {
  return series.overflow ? "\u0000overflow" : JSON.stringify(series.tags);
}

function distributionDelta(now: SeriesSnapshot, before: SeriesSnapshot | undefined) {
  const current = now.distribution;
  const base = before?.distribution;
  if (current === undefined) return { count: 0, sum: 0, bounds: [], counts: [0] };
  const baseCounts = new Map<number, number>();
  base?.counts.forEach((count, i) => {
    baseCounts.set(base.bounds[i] ?? Number.POSITIVE_INFINITY, count);
  });
  return {
    count: current.count - (base?.count ?? 0),
    sum: current.sum - (base?.sum ?? 0),
    bounds: current.bounds,
    counts: current.counts.map(
      (count, i) => count - (baseCounts.get(current.bounds[i] ?? Number.POSITIVE_INFINITY) ?? 0),
    ),
  };
}

/**
 * A test helper in the spirit of client_golang's `testutil`: it reads metrics through the
 * one read interface now (the baseline) and answers what changed since, so assertions do not
 * depend on what earlier tests in the same process recorded. `source` is the handle returned
 * by `startSonde` (or a `MetricRegistry`). Reads are synchronous; nothing throws for unknown
 * names or tags (they read as absent).
 *
 * @example
 * import { InMemoryExporter, metricsRecorder, startSonde } from "@sonde/sdk";
 * const sonde = startSonde({ serviceName: "test", exporter: new InMemoryExporter() });
 * const recorder = metricsRecorder(sonde);
 * await handleCharge({ amount: 3 }); // code under test, recording metrics
 * assert.equal(recorder.increase("/demo/billing/charge_count", { outcome: "ok" }), 1n);
 * assert.equal(recorder.recorded("/demo/billing/charge_latency").count, 1);
 * assert.deepEqual(recorder.changes("/demo/"), [
 *   '/demo/billing/charge_count{outcome="ok"} +1',
 *   "/demo/billing/charge_latency{} count +1 sum +12.5",
 * ]);
 */
export function metricsRecorder(source: MetricReader): MetricsRecorder {
  const baseline = new Map<string, Map<string, SeriesSnapshot>>();
  for (const metric of source.readMetrics()) {
    baseline.set(metric.declaration.name, new Map(metric.series.map((s) => [key(s), s])));
  }
  const metric = (name: string): MetricSnapshot | undefined =>
    source.readMetrics().find((snapshot) => snapshot.declaration.name === name);
  const find = (name: string, tags: RecordedTags | undefined) =>
    metric(name)?.series.find((series) => sameTags(series, tags));
  const before = (name: string, series: SeriesSnapshot) => baseline.get(name)?.get(key(series));

  return {
    value: (name, tags) => find(name, tags)?.value,
    increase(name, tags) {
      const series = find(name, tags);
      if (typeof series?.value !== "bigint") return 0n;
      const base = before(name, series)?.value;
      return series.value - (typeof base === "bigint" ? base : 0n);
    },
    recorded(name, tags) {
      const series = find(name, tags);
      if (series === undefined) return { count: 0, sum: 0, bounds: [], counts: [0] };
      return distributionDelta(series, before(name, series));
    },
    series: (name) => metric(name)?.series ?? [],
    changes(prefix = "/") {
      const lines: string[] = [];
      for (const snapshot of source.readMetrics()) {
        const name = snapshot.declaration.name;
        if (!name.startsWith(prefix)) continue;
        for (const series of snapshot.series) {
          const base = before(name, series);
          if (series.distribution !== undefined) {
            const { count, sum } = distributionDelta(series, base);
            if (count !== 0) lines.push(`${label(name, series)} count +${count} sum +${sum}`);
          } else if (snapshot.declaration.kind === "counter") {
            const delta = (series.value as bigint) - ((base?.value as bigint | undefined) ?? 0n);
            if (delta !== 0n) lines.push(`${label(name, series)} +${delta}`);
          } else if (base === undefined || base.value !== series.value) {
            lines.push(`${label(name, series)} = ${render(series.value)}`);
          }
        }
      }
      return lines.sort();
    },
  };
}
