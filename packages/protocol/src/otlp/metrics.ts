import type { Attributes, MetricPointKind, MetricPointRecord } from "../model.js";
import { ExportMetricsServiceRequest } from "./generated.js";
import {
  attributes,
  each,
  list,
  type Obj,
  OtlpDecodeError,
  obj,
  toBigInt,
  toCount,
  toDouble,
  toEnum,
  toId,
  toKeyValues,
  toStr,
  within,
} from "./values.js";

const TEMPORALITY_NAMES = [
  "AGGREGATION_TEMPORALITY_UNSPECIFIED",
  "AGGREGATION_TEMPORALITY_DELTA",
  "AGGREGATION_TEMPORALITY_CUMULATIVE",
] as const;
const TEMPORALITIES = ["", "delta", "cumulative"] as const;

interface MetricHead {
  resource: Attributes;
  scope: string;
  name: string;
  description: string;
  unit: string;
  metadata: Attributes;
}

function point(
  head: MetricHead,
  kind: MetricPointKind,
  p: Obj,
  temporality: MetricPointRecord["temporality"],
  monotonic: boolean,
): MetricPointRecord {
  return {
    ...head,
    kind,
    monotonic,
    temporality,
    attributes: attributes(p.attributes, "attributes"),
    startTimeUnixNano: toBigInt(p.startTimeUnixNano, "startTimeUnixNano"),
    timeUnixNano: toBigInt(p.timeUnixNano, "timeUnixNano"),
    value: null,
    count: null,
    min: null,
    max: null,
    explicitBounds: [],
    bucketCounts: [],
    exemplars: each(p.exemplars, "exemplars", (e) => ({
      value: Number(numberValue(e) ?? 0),
      timeUnixNano: toBigInt(e.timeUnixNano, "timeUnixNano"),
      traceId: toId(e.traceId, 16, "traceId", true),
      spanId: toId(e.spanId, 8, "spanId", true),
    })),
  };
}

/** `asDouble` or `asInt` (as a number when exact, else a bigint). */
function numberValue(p: Obj): number | bigint | null {
  if (p.asDouble !== undefined && p.asDouble !== null) return toDouble(p.asDouble, "asDouble");
  if (p.asInt === undefined || p.asInt === null) return null;
  const v = toBigInt(p.asInt, "asInt", false);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : v;
}

/**
 * Exponential-histogram buckets (OTLP metrics/v1 `ExponentialHistogramDataPoint`) as explicit
 * upper bounds: bucket i of the positive range covers (base^(offset+i), base^(offset+i+1)] with
 * base = 2^(2^-scale). Zero and negative counts are folded into a first bucket bounded by 0.
 */
function exponentialToExplicit(p: Obj): { bounds: number[]; counts: number[] } {
  const base = 2 ** (2 ** -Number(p.scale ?? 0));
  const positive = obj(p.positive, "positive");
  const negative = obj(p.negative, "negative");
  const offset = Number(positive.offset ?? 0);
  let low = toCount(p.zeroCount, "zeroCount");
  for (const c of list(negative.bucketCounts, "negative.bucketCounts")) {
    low += toCount(c, "negative.bucketCounts");
  }
  const bounds = [0];
  const counts = [low];
  list(positive.bucketCounts, "positive.bucketCounts").forEach((c, i) => {
    bounds.push(base ** (offset + i + 1));
    counts.push(toCount(c, "positive.bucketCounts"));
  });
  counts.push(0); // the +Inf bucket: explicit histograms have bounds.length + 1 buckets
  return { bounds, counts };
}

const KINDS: [string, MetricPointKind][] = [
  ["gauge", "gauge"],
  ["sum", "sum"],
  ["histogram", "histogram"],
  ["exponentialHistogram", "exponential_histogram"],
  ["summary", "summary"],
];

function dataPoint(kind: MetricPointKind, rec: MetricPointRecord, p: Obj): MetricPointRecord {
  if (kind === "gauge" || kind === "sum") {
    rec.value = numberValue(p);
    return rec;
  }
  rec.value = toDouble(p.sum, "sum");
  rec.count = toCount(p.count, "count");
  rec.min = toDouble(p.min, "min");
  rec.max = toDouble(p.max, "max");
  if (kind === "histogram") {
    rec.explicitBounds = list(p.explicitBounds, "explicitBounds").map(
      (b) => toDouble(b, "explicitBounds") ?? 0,
    );
    rec.bucketCounts = list(p.bucketCounts, "bucketCounts").map((c) => toCount(c, "bucketCounts"));
  } else if (kind === "exponential_histogram") {
    const { bounds, counts } = exponentialToExplicit(p);
    rec.explicitBounds = bounds;
    rec.bucketCounts = counts;
  }
  return rec;
}

function metricPoints(head: MetricHead, m: Obj): MetricPointRecord[] {
  for (const [field, kind] of KINDS) {
    if (m[field] === undefined || m[field] === null) continue;
    return within(field, () => {
      const data = obj(m[field], "");
      const t = toEnum(data.aggregationTemporality, TEMPORALITY_NAMES, "aggregationTemporality");
      const temporality = kind === "gauge" || kind === "summary" ? "" : (TEMPORALITIES[t] ?? "");
      const monotonic = kind === "sum" && data.isMonotonic === true;
      return each(data.dataPoints, "dataPoints", (p) =>
        dataPoint(kind, point(head, kind, p, temporality, monotonic), p),
      );
    });
  }
  return [];
}

/**
 * Maps an `ExportMetricsServiceRequest` (protobufjs-decoded or OTLP/JSON) to one record per data
 * point. Throws OtlpDecodeError naming the bad field.
 */
export function metricsRequestFromObject(request: unknown): MetricPointRecord[] {
  const req = obj(request, "");
  return each(req.resourceMetrics, "resourceMetrics", (rm) => {
    const resource = within("resource", () =>
      attributes(obj(rm.resource, "").attributes, "attributes"),
    );
    return each(rm.scopeMetrics, "scopeMetrics", (sm) => {
      const scope = toStr(obj(sm.scope, "scope").name, "scope.name");
      return each(sm.metrics, "metrics", (m) => {
        const head = {
          resource,
          scope,
          name: toStr(m.name, "name"),
          description: toStr(m.description, "description"),
          unit: toStr(m.unit, "unit"),
          metadata: attributes(m.metadata, "metadata"),
        };
        if (!head.name) throw new OtlpDecodeError("name", "a metric needs a name");
        return metricPoints(head, m);
      }).flat();
    }).flat();
  }).flat();
}

/** Decodes an OTLP/HTTP protobuf metrics export body. Throws OtlpDecodeError. */
export function decodeMetricsRequest(body: Uint8Array): MetricPointRecord[] {
  let decoded: unknown;
  try {
    decoded = ExportMetricsServiceRequest.decode(body);
  } catch (e) {
    throw new OtlpDecodeError("", `invalid protobuf: ${(e as Error).message}`);
  }
  return metricsRequestFromObject(decoded);
}

function encodePoint(p: MetricPointRecord): Record<string, unknown> {
  const base = {
    attributes: toKeyValues(p.attributes),
    exemplars: p.exemplars.map((e) => ({
      timeUnixNano: e.timeUnixNano.toString(),
      asDouble: e.value,
      traceId: e.traceId ? Buffer.from(e.traceId, "hex") : undefined,
      spanId: e.spanId ? Buffer.from(e.spanId, "hex") : undefined,
    })),
    startTimeUnixNano: p.startTimeUnixNano.toString(),
    timeUnixNano: p.timeUnixNano.toString(),
  };
  if (p.kind === "gauge" || p.kind === "sum") {
    const v = p.value ?? 0;
    if (typeof v === "bigint") return { ...base, asInt: v.toString() };
    return { ...base, ...(Number.isInteger(v) ? { asInt: v } : { asDouble: v }) };
  }
  const summary = {
    ...base,
    count: p.count ?? 0,
    sum: p.value === null ? undefined : Number(p.value),
    min: p.min ?? undefined,
    max: p.max ?? undefined,
  };
  if (p.exponential) {
    const { scale, zeroCount, positive, negative } = p.exponential;
    return { ...summary, scale, zeroCount, positive, negative };
  }
  return { ...summary, explicitBounds: p.explicitBounds, bucketCounts: p.bucketCounts };
}

/**
 * Encodes metric points as an OTLP/HTTP protobuf `ExportMetricsServiceRequest`, grouping points
 * by resource, scope and metric name. Gauges → Gauge, sums → Sum, histograms → Histogram,
 * exponential histograms with `exponential` buckets → ExponentialHistogram (others, and summary
 * points, are sent as explicit-bucket histograms). Never throws for
 * well-typed input.
 */
export function encodeMetricsRequest(points: MetricPointRecord[]): Uint8Array {
  const resources = new Map<
    string,
    { resource: Attributes; scopes: Map<string, Map<string, MetricPointRecord[]>> }
  >();
  for (const p of points) {
    const rk = JSON.stringify(p.resource, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    let r = resources.get(rk);
    if (!r) {
      r = { resource: p.resource, scopes: new Map() };
      resources.set(rk, r);
    }
    let s = r.scopes.get(p.scope);
    if (!s) {
      s = new Map();
      r.scopes.set(p.scope, s);
    }
    const ms = s.get(p.name);
    if (ms) ms.push(p);
    else s.set(p.name, [p]);
  }
  const resourceMetrics = [...resources.values()].map((r) => ({
    resource: { attributes: toKeyValues(r.resource) },
    scopeMetrics: [...r.scopes].map(([scope, metrics]) => ({
      scope: { name: scope },
      metrics: [...metrics.values()].map((ps) => {
        const first = ps[0];
        const dataPoints = ps.map(encodePoint);
        const temporality = first.temporality === "delta" ? 1 : 2;
        const head = {
          name: first.name,
          description: first.description,
          unit: first.unit,
          metadata: toKeyValues(first.metadata),
        };
        if (first.kind === "gauge") return { ...head, gauge: { dataPoints } };
        if (first.kind === "sum") {
          return {
            ...head,
            sum: { dataPoints, aggregationTemporality: temporality, isMonotonic: first.monotonic },
          };
        }
        if (first.kind === "exponential_histogram" && first.exponential) {
          return {
            ...head,
            exponentialHistogram: { dataPoints, aggregationTemporality: temporality },
          };
        }
        return { ...head, histogram: { dataPoints, aggregationTemporality: temporality } };
      }),
    })),
  }));
  return ExportMetricsServiceRequest.encode({ resourceMetrics }).finish();
}
