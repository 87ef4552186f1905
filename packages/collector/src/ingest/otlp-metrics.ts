import type { Attributes, AttrValue, MetricPointRecord } from "@sonde/protocol";
import {
  METRIC_KINDS,
  METRIC_VALUE_TYPES,
  type MetricKind,
  type MetricSample,
  type MetricValueType,
  type SeriesDescriptor,
} from "../storage/metric-series.js";
import type { MetricStore } from "../storage/metric-store.js";

/** The attribute carrying a string or bool gauge's value in OTLP (`@sonde/sdk`). */
const VALUE_ATTRIBUTE = "sonde.value";

const text = (v: AttrValue): string =>
  typeof v === "string" ? v : JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? String(x) : x));

const meta = (m: Attributes, key: string): string => (typeof m[key] === "string" ? m[key] : "");

/** The Sonde kind of an OTLP point: as declared in `sonde.kind`, else from the point kind. */
function kindOf(p: MetricPointRecord): MetricKind | undefined {
  const declared = p.metadata["sonde.kind"];
  if (METRIC_KINDS.includes(declared as MetricKind)) return declared as MetricKind;
  if (p.kind === "sum") return p.monotonic ? "counter" : "gauge";
  if (p.kind === "gauge") return "gauge";
  if (p.kind === "histogram" || p.kind === "exponential_histogram") return "distribution";
  return undefined;
}

function descriptor(p: MetricPointRecord, kind: MetricKind): SeriesDescriptor {
  const declared = p.metadata["sonde.value_type"];
  const valueType = METRIC_VALUE_TYPES.includes(declared as MetricValueType)
    ? (declared as MetricValueType)
    : "double";
  const tags: SeriesDescriptor["tags"] = {};
  for (const [k, v] of Object.entries(p.attributes)) {
    if (v === null || (k === VALUE_ATTRIBUTE && (valueType === "string" || valueType === "bool"))) {
      continue;
    }
    tags[k] =
      typeof v === "bigint"
        ? Number(v)
        : typeof v === "object"
          ? text(v)
          : (v as string | number | boolean);
  }
  const identity: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.resource)) if (v !== null) identity[k] = text(v);
  const line = p.metadata["code.line.number"];
  return {
    name: p.name,
    kind,
    valueType,
    description: p.description,
    unit: p.unit,
    owner: meta(p.metadata, "sonde.owner"),
    stability: meta(p.metadata, "sonde.stability"),
    sourceFile: meta(p.metadata, "code.file.path"),
    sourceLine: typeof line === "number" ? line : Number(line ?? 0) || 0,
    identity,
    tags,
    bounds: kind === "distribution" ? p.explicitBounds : [],
    // A delta point's start is the previous point's time, not a restart: deltas need no start.
    startTimeUnixNano: p.temporality === "delta" ? 0n : p.startTimeUnixNano,
  };
}

function sample(p: MetricPointRecord, d: SeriesDescriptor, series: number): MetricSample {
  const base = { series, timeUnixNano: p.timeUnixNano, startTimeUnixNano: d.startTimeUnixNano };
  if (d.kind === "distribution") {
    return {
      ...base,
      distribution: {
        count: p.count ?? 0,
        sum: Number(p.value ?? 0),
        min: p.min ?? Number.NaN,
        max: p.max ?? Number.NaN,
        bucketCounts: p.bucketCounts,
        delta: p.temporality === "delta",
      },
    };
  }
  if (d.valueType === "string" || d.valueType === "bool") {
    const v = p.attributes[VALUE_ATTRIBUTE];
    const value = d.valueType === "bool" ? v === true : v === undefined ? "" : text(v);
    return { ...base, value };
  }
  const value = p.value ?? 0;
  if (d.kind === "counter" && p.temporality === "delta") return { ...base, delta: value };
  return { ...base, value };
}

/**
 * Stores OTLP metric points (metrics/v1, as decoded by `@sonde/protocol`) in the metric store:
 * each point's series is its name, resource attributes (the identity, as text) and point
 * attributes (the tags; lists as JSON text). Kinds: `sonde.kind` from the metric's metadata
 * when present, else monotonic sum → counter (cumulative, or delta temporality as deltas),
 * non-monotonic sum and gauge → gauge, histogram and exponential histogram → distribution with
 * the point's bucket bounds (an exponential histogram as decoded into explicit bounds). Summary
 * points are not stored. String and bool values of `@sonde/sdk` gauges come from the
 * `sonde.value` attribute; the value type is `sonde.value_type`, else `double`. Metadata comes
 * from `sonde.owner`, `sonde.stability`, `code.file.path` and `code.line.number`. Points whose
 * bucket counts do not fit their bounds are left out. Resolves with the number of points stored
 * once they are durable; rejects if storage fails.
 */
export async function storeMetricPoints(
  store: MetricStore,
  points: MetricPointRecord[],
): Promise<number> {
  const kept: { point: MetricPointRecord; descriptor: SeriesDescriptor }[] = [];
  for (const point of points) {
    const kind = kindOf(point);
    if (kind === undefined) continue;
    if (kind === "distribution" && point.bucketCounts.length !== point.explicitBounds.length + 1) {
      continue;
    }
    kept.push({ point, descriptor: descriptor(point, kind) });
  }
  if (kept.length === 0) return 0;
  const ids = await store.defineSeries(kept.map((k) => k.descriptor));
  const samples = kept.map((k, i) => sample(k.point, k.descriptor, ids[i]));
  samples.sort((a, b) =>
    a.timeUnixNano < b.timeUnixNano ? -1 : a.timeUnixNano > b.timeUnixNano ? 1 : 0,
  );
  await store.appendSamples(samples);
  return kept.length;
}
