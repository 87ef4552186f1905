import { diag, type MetricDeclaration } from "@sonde/api";
import type { Attributes, MetricPointRecord } from "@sonde/protocol";
import type { MetricReader, MetricSnapshot, SeriesSnapshot } from "../metrics/read.js";
import type { Exporter } from "./exporter.js";

/** The instrumentation scope of metrics declared through @sonde/api. */
export const METRICS_SCOPE = "sonde";

/** The attributes of a metric's overflow series in OTLP: `{ "sonde.overflow": true }`. */
export const OVERFLOW_ATTRIBUTES: Attributes = Object.freeze({ "sonde.overflow": true });

/** The attribute carrying the value of a string or bool gauge or constant in OTLP. */
export const VALUE_ATTRIBUTE = "sonde.value";

/** The resource and instrumentation scope stamped on every exported point. */
export interface MetricTarget {
  resource: Attributes;
  scope: string;
}

/**
 * A declaration's metadata as OTLP `Metric.metadata`: `sonde.kind`, `sonde.value_type`,
 * `sonde.stability`, `sonde.owner` (when set) and the declaring call's location as
 * `code.file.path`, `code.line.number`, `code.column.number` (OpenTelemetry semantic
 * conventions, "code" attributes).
 */
export function metricMetadata(declaration: MetricDeclaration): Attributes {
  const metadata: Attributes = {
    "sonde.kind": declaration.kind,
    "sonde.value_type": declaration.valueType,
    "sonde.stability": declaration.stability,
  };
  if (declaration.owner !== "") metadata["sonde.owner"] = declaration.owner;
  if (declaration.source !== undefined) {
    metadata["code.file.path"] = declaration.source.file;
    metadata["code.line.number"] = declaration.source.line;
    metadata["code.column.number"] = declaration.source.column;
  }
  return metadata;
}

function point(
  target: MetricTarget,
  declaration: MetricDeclaration,
  metadata: Attributes,
  series: SeriesSnapshot,
): MetricPointRecord | undefined {
  const attributes: Attributes = series.overflow ? { ...OVERFLOW_ATTRIBUTES } : { ...series.tags };
  const base = {
    resource: target.resource,
    scope: target.scope,
    name: declaration.name,
    description: declaration.description,
    unit: declaration.unit,
    metadata,
    attributes,
    startTimeUnixNano: series.startTimeUnixNano,
    timeUnixNano: series.timeUnixNano,
    count: null,
    min: null,
    max: null,
    explicitBounds: [],
    bucketCounts: [],
    exemplars: [],
  };
  const distribution = series.distribution;
  if (distribution !== undefined) {
    if (distribution.count === 0) return undefined;
    const exponential = distribution.exponential;
    return {
      ...base,
      kind: exponential ? "exponential_histogram" : "histogram",
      ...(exponential && {
        exponential: {
          scale: exponential.scale,
          zeroCount: exponential.zeroCount,
          positive: {
            offset: exponential.positive.offset,
            bucketCounts: [...exponential.positive.counts],
          },
          negative: {
            offset: exponential.negative.offset,
            bucketCounts: [...exponential.negative.counts],
          },
        },
      }),
      monotonic: false,
      temporality: "cumulative",
      value: distribution.sum,
      count: distribution.count,
      min: distribution.min,
      max: distribution.max,
      explicitBounds: [...distribution.bounds],
      bucketCounts: [...distribution.counts],
      exemplars: distribution.exemplars.flatMap((exemplar) => (exemplar ? [{ ...exemplar }] : [])),
    };
  }
  const value = series.value;
  if (typeof value === "string" || typeof value === "boolean") {
    attributes[VALUE_ATTRIBUTE] = value;
  }
  // int64 stays exact: a bigint beyond 2^53 is exported as such (OTLP asInt).
  const numeric =
    typeof value === "bigint"
      ? value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(value)
        : value
      : typeof value === "number"
        ? value
        : 1;
  if (declaration.kind === "counter") {
    return { ...base, kind: "sum", monotonic: true, temporality: "cumulative", value: numeric };
  }
  return { ...base, kind: "gauge", monotonic: false, temporality: "", value: numeric };
}

/**
 * Metric snapshots as OTLP-shaped points (OTLP metrics/v1): counters → monotonic cumulative
 * Sum; numeric gauges and constants → Gauge; string and bool gauges and constants → Gauge of
 * value 1 with the value in the `sonde.value` attribute (as Prometheus info-style metrics);
 * distributions → cumulative explicit-bucket Histogram with count, sum, min, max and
 * exemplars (exponential and function bucketers as their explicit bounds; empty series are
 * left out). The overflow series carries `sonde.overflow: true`. Never throws.
 */
export function toMetricPoints(
  snapshots: Iterable<MetricSnapshot>,
  target: MetricTarget,
): MetricPointRecord[] {
  const points: MetricPointRecord[] = [];
  for (const { declaration, series } of snapshots) {
    const metadata = metricMetadata(declaration);
    for (const one of series) {
      const converted = point(target, declaration, metadata, one);
      if (converted !== undefined) points.push(converted);
    }
  }
  return points;
}

/**
 * Exports a cumulative snapshot of every metric every `intervalMs` and on `flush()`. Because
 * points are cumulative, a failed export loses no counts: the next one carries them. Metrics
 * are read incrementally (the event loop runs between chunks of 1000 series). Never throws;
 * failures are reported (`export_failed`).
 */
export class PeriodicMetricExporter {
  readonly #reader: MetricReader;
  readonly #target: MetricTarget;
  readonly #exporter: Exporter;
  readonly #timer: NodeJS.Timeout;
  #exporting: Promise<void> | undefined;

  constructor(reader: MetricReader, target: MetricTarget, exporter: Exporter, intervalMs: number) {
    this.#reader = reader;
    this.#target = target;
    this.#exporter = exporter;
    this.#timer = setInterval(() => this.#exportOnce(), intervalMs).unref();
  }

  /** Exports the current values now (after any export already running). Never rejects. */
  async flush(): Promise<void> {
    await this.#exporting;
    await this.#exportOnce();
  }

  /** Stops the periodic export. */
  stop(): void {
    clearInterval(this.#timer);
  }

  #exportOnce(): Promise<void> {
    this.#exporting ??= this.#export().finally(() => {
      this.#exporting = undefined;
    });
    return this.#exporting;
  }

  async #export(): Promise<void> {
    try {
      const points: MetricPointRecord[] = [];
      for await (const snapshot of this.#reader.readMetricsIncrementally()) {
        points.push(...toMetricPoints([snapshot], this.#target));
      }
      if (points.length === 0) return;
      const result = await this.#exporter.exportMetrics(points);
      if (!result.ok) {
        diag.report({
          code: "export_failed",
          message: `exporting ${points.length} metric points failed: ${result.error.message}`,
          key: "metrics",
          error: result.error,
        });
      }
    } catch (error) {
      diag.report({
        code: "export_failed",
        message: "metric exporter threw",
        key: "metrics",
        error,
      });
    }
  }
}
