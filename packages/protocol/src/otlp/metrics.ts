import type { Attributes, MetricPointKind, MetricPointRecord } from "../model.js";
import { ExportMetricsServiceRequest } from "./generated.js";
import {
  attributes,
  list,
  OtlpDecodeError,
  toBigInt,
  toCount,
  toDouble,
  toEnum,
  toKeyValues,
  toStr,
} from "./values.js";

const TEMPORALITY_NAMES = [
  "AGGREGATION_TEMPORALITY_UNSPECIFIED",
  "AGGREGATION_TEMPORALITY_DELTA",
  "AGGREGATION_TEMPORALITY_CUMULATIVE",
] as const;
const TEMPORALITIES = ["", "delta", "cumulative"] as const;

type Obj = Record<string, unknown>;

function obj(v: unknown, path: string): Obj {
  if (v === undefined || v === null) return {};
  if (typeof v !== "object" || Array.isArray(v)) throw new OtlpDecodeError(path, "expected an object");
  return v as Obj;
}

interface MetricHead {
  resource: Attributes;
  scope: string;
  name: string;
  description: string;
  unit: string;
}

function point(
  head: MetricHead,
  kind: MetricPointKind,
  p: Obj,
  path: string,
  temporality: MetricPointRecord["temporality"],
  monotonic: boolean,
): MetricPointRecord {
  return {
    ...head,
    kind,
    monotonic,
    temporality,
    attributes: attributes(p.attributes, `${path}.attributes`),
    startTimeUnixNano: toBigInt(p.startTimeUnixNano, `${path}.startTimeUnixNano`),
    timeUnixNano: toBigInt(p.timeUnixNano, `${path}.timeUnixNano`),
    value: null,
    count: null,
    min: null,
    max: null,
    explicitBounds: [],
    bucketCounts: [],
  };
}

function numberValue(p: Obj, path: string): number | null {
  if (p.asDouble !== undefined && p.asDouble !== null) return toDouble(p.asDouble, `${path}.asDouble`);
  if (p.asInt !== undefined && p.asInt !== null) return Number(toBigInt(p.asInt, `${path}.asInt`, false));
  return null;
}

/**
 * Exponential-histogram buckets (OTLP metrics/v1 `ExponentialHistogramDataPoint`) as explicit
 * upper bounds: bucket i of the positive range covers (base^(offset+i), base^(offset+i+1)] with
 * base = 2^(2^-scale). Zero and negative counts are folded into a first bucket bounded by 0.
 */
function exponentialToExplicit(p: Obj, path: string): { bounds: number[]; counts: number[] } {
  const scale = Number(p.scale ?? 0);
  const base = 2 ** (2 ** -scale);
  const positive = obj(p.positive, `${path}.positive`);
  const negative = obj(p.negative, `${path}.negative`);
  const offset = Number(positive.offset ?? 0);
  let low = toCount(p.zeroCount, `${path}.zeroCount`);
  for (const c of list(negative.bucketCounts, `${path}.negative.bucketCounts`)) low += toCount(c, path);
  const bounds = [0];
  const counts = [low];
  list(positive.bucketCounts, `${path}.positive.bucketCounts`).forEach((c, i) => {
    bounds.push(base ** (offset + i + 1));
    counts.push(toCount(c, `${path}.positive.bucketCounts[${i}]`));
  });
  counts.push(0); // the +Inf bucket: explicit histograms have bounds.length + 1 buckets
  return { bounds, counts };
}

function metricPoints(head: MetricHead, m: Obj, path: string, out: MetricPointRecord[]): void {
  const kinds: [string, MetricPointKind][] = [
    ["gauge", "gauge"],
    ["sum", "sum"],
    ["histogram", "histogram"],
    ["exponentialHistogram", "exponential_histogram"],
    ["summary", "summary"],
  ];
  for (const [field, kind] of kinds) {
    if (m[field] === undefined || m[field] === null) continue;
    const data = obj(m[field], `${path}.${field}`);
    const t = toEnum(data.aggregationTemporality, TEMPORALITY_NAMES, `${path}.${field}.aggregationTemporality`);
    const temporality = kind === "gauge" || kind === "summary" ? "" : (TEMPORALITIES[t] ?? "");
    list(data.dataPoints, `${path}.${field}.dataPoints`).forEach((x, i) => {
      const pp = `${path}.${field}.dataPoints[${i}]`;
      const p = obj(x, pp);
      const rec = point(head, kind, p, pp, temporality, kind === "sum" && data.isMonotonic === true);
      if (kind === "gauge" || kind === "sum") rec.value = numberValue(p, pp);
      else {
        rec.value = toDouble(p.sum, `${pp}.sum`);
        rec.count = toCount(p.count, `${pp}.count`);
        rec.min = toDouble(p.min, `${pp}.min`);
        rec.max = toDouble(p.max, `${pp}.max`);
        if (kind === "histogram") {
          rec.explicitBounds = list(p.explicitBounds, `${pp}.explicitBounds`).map(
            (b, j) => toDouble(b, `${pp}.explicitBounds[${j}]`) ?? 0,
          );
          rec.bucketCounts = list(p.bucketCounts, `${pp}.bucketCounts`).map((c, j) =>
            toCount(c, `${pp}.bucketCounts[${j}]`),
          );
        } else if (kind === "exponential_histogram") {
          const { bounds, counts } = exponentialToExplicit(p, pp);
          rec.explicitBounds = bounds;
          rec.bucketCounts = counts;
        }
      }
      out.push(rec);
    });
    return;
  }
}

/**
 * Maps an `ExportMetricsServiceRequest` (protobufjs-decoded or OTLP/JSON) to one record per data
 * point. Throws OtlpDecodeError naming the bad field.
 */
export function metricsRequestFromObject(request: unknown): MetricPointRecord[] {
  const out: MetricPointRecord[] = [];
  const req = obj(request, "");
  list(req.resourceMetrics, "resourceMetrics").forEach((r, ri) => {
    const rp = `resourceMetrics[${ri}]`;
    const rm = obj(r, rp);
    const resource = attributes(obj(rm.resource, `${rp}.resource`).attributes, `${rp}.resource.attributes`);
    list(rm.scopeMetrics, `${rp}.scopeMetrics`).forEach((s, si) => {
      const sp = `${rp}.scopeMetrics[${si}]`;
      const sm = obj(s, sp);
      const scope = toStr(obj(sm.scope, `${sp}.scope`).name, `${sp}.scope.name`);
      list(sm.metrics, `${sp}.metrics`).forEach((x, mi) => {
        const mp = `${sp}.metrics[${mi}]`;
        const m = obj(x, mp);
        const head = {
          resource,
          scope,
          name: toStr(m.name, `${mp}.name`),
          description: toStr(m.description, `${mp}.description`),
          unit: toStr(m.unit, `${mp}.unit`),
        };
        if (!head.name) throw new OtlpDecodeError(`${mp}.name`, "a metric needs a name");
        metricPoints(head, m, mp, out);
      });
    });
  });
  return out;
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
    startTimeUnixNano: p.startTimeUnixNano.toString(),
    timeUnixNano: p.timeUnixNano.toString(),
  };
  if (p.kind === "gauge" || p.kind === "sum") {
    const v = p.value ?? 0;
    return { ...base, ...(Number.isInteger(v) ? { asInt: v } : { asDouble: v }) };
  }
  return {
    ...base,
    count: p.count ?? 0,
    sum: p.value ?? undefined,
    min: p.min ?? undefined,
    max: p.max ?? undefined,
    explicitBounds: p.explicitBounds,
    bucketCounts: p.bucketCounts,
  };
}

/**
 * Encodes metric points as an OTLP/HTTP protobuf `ExportMetricsServiceRequest`, grouping points
 * by resource, scope and metric name. Gauges → Gauge, sums → Sum, histograms → Histogram
 * (exponential and summary points are sent as explicit-bucket histograms). Never throws for
 * well-typed input.
 */
export function encodeMetricsRequest(points: MetricPointRecord[]): Uint8Array {
  const resources = new Map<string, { resource: Attributes; scopes: Map<string, Map<string, MetricPointRecord[]>> }>();
  for (const p of points) {
    const rk = JSON.stringify(p.resource, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    let r = resources.get(rk);
    if (!r) resources.set(rk, (r = { resource: p.resource, scopes: new Map() }));
    let s = r.scopes.get(p.scope);
    if (!s) r.scopes.set(p.scope, (s = new Map()));
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
        const head = { name: first.name, description: first.description, unit: first.unit };
        if (first.kind === "gauge") return { ...head, gauge: { dataPoints } };
        if (first.kind === "sum") {
          return { ...head, sum: { dataPoints, aggregationTemporality: temporality, isMonotonic: first.monotonic } };
        }
        return { ...head, histogram: { dataPoints, aggregationTemporality: temporality } };
      }),
    })),
  }));
  return ExportMetricsServiceRequest.encode({ resourceMetrics }).finish();
}
