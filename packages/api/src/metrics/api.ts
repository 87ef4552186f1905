import { diag } from "../diag.js";
import { sondeGlobal } from "../global.js";
import { normalizeDeclaration, sameShape } from "./declaration.js";
import {
  noopCounter,
  noopDistribution,
  noopGauge,
  ProxyCounter,
  ProxyDistribution,
  ProxyGauge,
} from "./proxy.js";
import { captureSource } from "./source.js";
import type {
  AllowedValues,
  Constant,
  ConstantOptions,
  ConstantValue,
  Counter,
  Distribution,
  DistributionOptions,
  Gauge,
  GaugeOptions,
  MetricDeclaration,
  MetricKind,
  MetricOptions,
  NoTags,
  TagSchema,
  ValueType,
} from "./types.js";

interface Entry {
  declaration: MetricDeclaration;
  instrument: unknown;
}

/**
 * The instrument registered under the declaration's name, registering one from `create` if
 * there is none; or, after reporting why, `fallback(declaration)` for an invalid or
 * conflicting declaration.
 */
function declare(
  kind: MetricKind,
  name: unknown,
  options: unknown,
  declaring: (...args: never[]) => unknown,
  create: (declaration: MetricDeclaration) => unknown,
  fallback: (declaration: MetricDeclaration) => unknown,
): unknown {
  const { declaration, problem, long } = normalizeDeclaration(
    kind,
    name,
    options,
    captureSource(declaring),
  );
  if (problem !== undefined) {
    diag.report({
      code: "invalid_metric_declaration",
      message: `metric ${declaration.name}: ${problem}; it will not record`,
      key: declaration.name,
    });
    return fallback(declaration);
  }
  if (long) {
    diag.report({
      code: "clamped_metric_value",
      message: `constant ${declaration.name}: value truncated to its first 4096 characters`,
      key: declaration.name,
    });
  }
  const existing = sondeGlobal.metrics.get(declaration.name) as Entry | undefined;
  if (existing === undefined) {
    const instrument = create(declaration);
    sondeGlobal.metrics.set(declaration.name, { declaration, instrument });
    return instrument;
  }
  if (sameShape(existing.declaration, declaration)) return existing.instrument;
  diag.report({
    code: "metric_conflict",
    message: `metric ${declaration.name} is already declared with another kind, value type, unit, tags or buckets; the first declaration is kept and this one will not record`,
    key: declaration.name,
  });
  return fallback(declaration);
}

/**
 * Declares a counter: a monotonic int64 count (requests served, bytes sent), exact beyond
 * 2^53 (read back as `bigint`). Each series records its start time, so a collector can tell
 * a reset.
 *
 * Declaring the same name again with the same kind, unit, tags and series limit returns the
 * same instrument. Never throws: an invalid declaration (`invalid_metric_declaration`) or one
 * that conflicts with an earlier declaration of the name (`metric_conflict`) is reported
 * through `diag` and gets a noop instrument; the earlier declaration keeps recording.
 * Works before an SDK is installed (a noop) and records once one is. The source location of
 * the call is captured (see {@link MetricDeclaration.source}).
 *
 * @example
 * const charges = metrics.counter("/demo/billing/charge_count", {
 *   description: "Charges attempted.", unit: "1", owner: "team-billing",
 *   tags: { outcome: { type: "string", values: ["ok", "declined"] }, retry: "bool" },
 * });
 * charges.add(1, { outcome: "ok", retry: false });
 * const ok = charges.bind({ outcome: "ok", retry: false }); // for hot paths
 * ok.add(1);
 */
function counter<const S extends TagSchema = NoTags>(
  name: string,
  options: MetricOptions<S>,
): Counter<S> {
  return declare(
    "counter",
    name,
    options,
    counter,
    (d) => new ProxyCounter(d),
    noopCounter,
  ) as Counter<S>;
}

/**
 * Declares a gauge: a value that varies freely. `valueType` is `"double"` (default), `"int"`
 * (int64, exact), `"string"` (optionally limited to `values`, a list or a TypeScript enum
 * reported by member names) or `"bool"`. Numeric gauges also take `add(delta)`. Same
 * declaration rules as {@link counter}.
 *
 * @example
 * const inFlight = metrics.gauge("/net/http/server/active_requests", {
 *   description: "Requests being served.", unit: "{request}", valueType: "int",
 * });
 * inFlight.add(1); // … and inFlight.add(-1) when done
 * enum Mode { OPT_FOO = 1, OPT_BAR = 2 }
 * const mode = metrics.gauge("/demo/mode", {
 *   description: "Current mode.", unit: "1", valueType: "string", values: Mode,
 * });
 * mode.set(Mode.OPT_BAR); // reported as "OPT_BAR"
 */
function gauge<
  const S extends TagSchema = NoTags,
  const T extends ValueType = "double",
  const A extends AllowedValues = never,
>(name: string, options: GaugeOptions<S, T, A>): Gauge<S, T, A> {
  return declare(
    "gauge",
    name,
    options,
    gauge,
    (d) => new ProxyGauge(d),
    noopGauge,
  ) as unknown as Gauge<S, T, A>;
}

/**
 * Declares a constant: a value fixed for the life of the process (build revision, start
 * time), read by every exporter with its metadata. Integers are kept as int64 (`bigint`);
 * strings longer than 4096 characters are truncated (reported as `clamped_metric_value`).
 * Same declaration rules as {@link counter} (the value is part of the shape).
 *
 * @example
 * metrics.constant("/build/revision_id", {
 *   description: "Git revision of this build.", unit: "1", value: "git:da39a3ee",
 * });
 * metrics.constant("/build/timestamp", { description: "Build time.", unit: "s", value: 1300000000 });
 */
function constant<const V extends ConstantValue>(
  name: string,
  options: ConstantOptions<V>,
): Constant<V> {
  const fallback = (declaration: MetricDeclaration) => {
    let value: unknown;
    try {
      value = (options as { value?: unknown } | undefined)?.value;
    } catch {
      // Options with a throwing getter: the constant has no value.
    }
    return Object.freeze({ declaration, value: value as V });
  };
  return declare("constant", name, options, constant, fallback, fallback) as Constant<V>;
}

/**
 * Declares a distribution: values (latencies, sizes) in buckets, with count, sum, min, max,
 * and per bucket the last exemplar recorded under a sampled span (its trace and span ids).
 * Buckets: `buckets: [2, 3, 5, 8, 13]` (explicit upper bounds; default
 * {@link DEFAULT_BUCKETS}), or `bucketer: { type: "exponential" }` (OTLP base-2 exponential),
 * or `bucketer: { type: "function", upperBound }` (see {@link BucketerOptions}). Same
 * declaration rules as {@link counter}.
 *
 * @example
 * const latency = metrics.distribution("/net/http/server/response_latency", {
 *   description: "Time to answer a request.", unit: "s", tags: { route: "string" },
 *   buckets: [2, 3, 5, 8, 13],
 * });
 * latency.record(4.2, { route: "/users" }); // counted in the (3, 5] bucket
 */
function distribution<const S extends TagSchema = NoTags>(
  name: string,
  options: DistributionOptions<S>,
): Distribution<S> {
  return declare(
    "distribution",
    name,
    options,
    distribution,
    (d) => new ProxyDistribution(d),
    noopDistribution,
  ) as Distribution<S>;
}

/** Every valid metric declared so far in this process, in declaration order. */
function declarations(): MetricDeclaration[] {
  return [...sondeGlobal.metrics.values()].map((entry) => (entry as Entry).declaration);
}

/**
 * Metric declarations (seed "SRE School: Instrumentation"): `constant`, `gauge`, `counter`,
 * `distribution`, and `declarations()` to list them. Names are UNIX paths (`/` then segments
 * `[a-z0-9_]+`). Nothing here throws; problems are reported through `diag`.
 */
export const metrics = { constant, gauge, counter, distribution, declarations } as const;
