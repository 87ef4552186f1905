import {
  type CounterImplementation,
  diag,
  type MetricDeclaration,
  type MetricKind,
  type MetricsImplementation,
} from "@sonde/api";
import { describe } from "./describe.js";
import {
  type ClampReason,
  clampedSamples,
  type DropReason,
  droppedSamples,
  isSelfMetric,
  overflowSamples,
} from "./self-metrics.js";

// Constants are validated when declared: they never drop samples.
const DIAG_CODES: Readonly<Record<MetricKind, string>> = {
  constant: "invalid_metric_declaration",
  counter: "invalid_counter_increment",
  gauge: "invalid_gauge_value",
  distribution: "invalid_distribution_value",
};

/**
 * Counts and reports what the SDK did with bad input: dropped samples, clamped samples and
 * samples that went to an overflow series, each counted under a `/sonde/sdk/metrics/...`
 * counter (tagged with the metric) and reported once per metric and kind of problem through
 * `diag`. Only bad input pays for this; nothing here runs for valid samples.
 */
export class Accounting {
  readonly #registry: MetricsImplementation;
  #counters: Record<"dropped" | "clamped" | "overflow", CounterImplementation> | undefined;

  /** `registry`: where the counters are recorded (resolved on first use). */
  constructor(registry: MetricsImplementation) {
    this.#registry = registry;
  }

  get #count() {
    this.#counters ??= {
      dropped: this.#registry.counter(droppedSamples.declaration),
      clamped: this.#registry.counter(clampedSamples.declaration),
      overflow: this.#registry.counter(overflowSamples.declaration),
    };
    return this.#counters;
  }

  /** A sample of `metric` was dropped because its tags do not match the declared ones. */
  invalidTags(metric: MetricDeclaration, tags: unknown): void {
    this.dropped(metric, "invalid_tags", `tags ${describe(tags)} do not match the declared tags`);
  }

  /** A sample of `metric` was dropped; `detail` names the offending input. */
  dropped(metric: MetricDeclaration, reason: DropReason, detail: string): void {
    const code =
      reason === "invalid_tags" || reason === "bucketer_error" ? reason : DIAG_CODES[metric.kind];
    diag.report({
      code,
      message: `${metric.kind} ${metric.name}: ${detail}; sample dropped`,
      key: metric.name,
    });
    if (!isSelfMetric(metric.name)) this.#count.dropped.add(1, { metric: metric.name, reason });
  }

  /** A handle of `metric` was bound to invalid tags: reported; its samples will be dropped. */
  unusable(metric: MetricDeclaration, detail: string): void {
    diag.report({
      code: "invalid_tags",
      message: `${metric.kind} ${metric.name}: ${detail}; samples through this handle are dropped`,
      key: metric.name,
    });
  }

  /** A sample of `metric` was recorded after clamping or truncating it. */
  clamped(metric: MetricDeclaration, reason: ClampReason, detail: string): void {
    diag.report({
      code: reason === "bucket_limit" ? "bucket_limit" : "clamped_metric_value",
      message: `${metric.kind} ${metric.name}: ${detail}`,
      key: metric.name,
    });
    if (!isSelfMetric(metric.name)) this.#count.clamped.add(1, { metric: metric.name, reason });
  }

  /** A sample of `metric` went to its overflow series (limit `maxSeries` reached). */
  overflowed(metric: MetricDeclaration, maxSeries: number): void {
    diag.report({
      code: "series_limit",
      message: `metric ${metric.name} reached ${maxSeries} series; samples of further tag sets are recorded in its overflow series`,
      key: metric.name,
    });
    if (!isSelfMetric(metric.name)) this.#count.overflow.add(1, { metric: metric.name });
  }
}
