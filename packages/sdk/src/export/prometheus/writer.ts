import { diag, type MetricDeclaration } from "@sonde/api";
import type { DistributionSnapshot, MetricSnapshot, SeriesSnapshot } from "../../metrics/read.js";
import { familyName, labelNames, OVERFLOW_LABEL, prometheusUnit } from "./names.js";
import { canonicalNumber, escapeHelp, escapeLabelValue, sampleValue, seconds } from "./text.js";

/**
 * A text exposition format: `"prometheus"` is the Prometheus text format 0.0.4, `"openmetrics"`
 * OpenMetrics 1.0.0 (with `# UNIT`, `_created` samples, exemplars and `# EOF`).
 */
export type ExpositionFormat = "prometheus" | "openmetrics";

/** The `Content-Type` of each format (from their specifications). */
export const CONTENT_TYPES: Readonly<Record<ExpositionFormat, string>> = {
  prometheus: "text/plain; version=0.0.4; charset=utf-8",
  openmetrics: "application/openmetrics-text; version=1.0.0; charset=utf-8",
};

/** One metric as exposed: its names and how its tags become labels. */
export interface Family {
  readonly kind: MetricDeclaration["kind"];
  /** The metric family name (histogram base name; gauge sample name). */
  readonly name: string;
  /** The name of value samples: `<name>_total` for counters, else `name`. */
  readonly sample: string;
  /** The Prometheus unit word (`"seconds"`), `""` for none. */
  readonly unit: string;
  /** Declared tag names, in declaration order (so every scrape orders labels alike). */
  readonly tags: readonly string[];
  /** For each tag, the start of its label: `route="`. */
  readonly labelStarts: readonly string[];
  /** String and bool metrics expose `1` with the value in a `value` label. */
  readonly textual: boolean;
}

/** The label carrying the value of string and bool metrics. */
const VALUE_LABEL = "value";

/**
 * Turns {@link MetricSnapshot}s into exposition text, one series at a time, so that a caller
 * can pause between series. Consecutive snapshots of the same metric (the chunks of
 * `readMetricsIncrementally`) continue one family. A metric whose exposed names collide with an
 * earlier metric's is left out and reported through `diag` (`prometheus_name_collision`),
 * because a repeated family makes Prometheus reject the whole scrape. Never throws on odd
 * input: series without a value are skipped.
 */
export class ExpositionWriter {
  /** Text produced and not yet taken with {@link take}. */
  text = "";
  private readonly openMetrics: boolean;
  /** Exposed name → the path that claimed it. */
  private readonly claimed = new Map<string, string>();
  private currentPath: string | undefined;
  private current: Family | undefined;
  private leBounds: readonly number[] = [];
  private leLabels: string[] = [];

  constructor(readonly format: ExpositionFormat) {
    this.openMetrics = format === "openmetrics";
  }

  /**
   * Starts the family of `snapshot` (writing its HELP, TYPE and UNIT lines) or continues it
   * when the previous snapshot was the same metric. Returns `undefined` when the metric is not
   * exposed.
   */
  family(snapshot: MetricSnapshot): Family | undefined {
    const declaration = snapshot.declaration;
    if (declaration.name === this.currentPath) return this.current;
    this.currentPath = declaration.name;
    this.current = this.claim(declaration);
    if (this.current !== undefined) this.metadata(this.current, declaration);
    return this.current;
  }

  /** Appends the samples of one series of `family`. */
  series(family: Family, series: SeriesSnapshot): void {
    const labels = this.labels(family, series);
    if (family.kind === "distribution") {
      if (series.distribution !== undefined) this.histogram(family, series, labels);
      return;
    }
    const value = series.value;
    if (value === undefined) return;
    if (family.textual) {
      const text = `${VALUE_LABEL}="${escapeLabelValue(String(value))}"`;
      this.text += `${family.sample}{${labels === "" ? text : `${labels},${text}`}} 1\n`;
      return;
    }
    if (typeof value !== "number" && typeof value !== "bigint") return;
    this.text += `${family.sample}${braces(labels)} ${sampleValue(value)}\n`;
    if (family.kind === "counter" && this.openMetrics) {
      this.text += `${family.name}_created${braces(labels)} ${seconds(series.startTimeUnixNano)}\n`;
    }
  }

  /** Ends the exposition (`# EOF` in OpenMetrics). */
  finish(): void {
    if (this.openMetrics) this.text += "# EOF\n";
  }

  /** Returns the text produced since the last call and forgets it. */
  take(): string {
    const text = this.text;
    this.text = "";
    return text;
  }

  private claim(declaration: MetricDeclaration): Family | undefined {
    const unit = prometheusUnit(declaration.unit);
    const kind = declaration.kind;
    const name = familyName(declaration.name, unit, kind === "counter");
    const suffixes =
      kind === "counter"
        ? ["", "_total", "_created"]
        : kind === "distribution"
          ? ["", "_bucket", "_count", "_sum", "_created"]
          : [""];
    for (const suffix of suffixes) {
      const owner = this.claimed.get(name + suffix);
      if (owner === undefined) continue;
      diag.report({
        code: "prometheus_name_collision",
        key: name + suffix,
        message: `${declaration.name} and ${owner} both expose the Prometheus name ${name + suffix}; ${declaration.name} is left out`,
      });
      return undefined;
    }
    for (const suffix of suffixes) this.claimed.set(name + suffix, declaration.name);
    const textual = declaration.valueType === "string" || declaration.valueType === "bool";
    const added = kind === "distribution" ? "le" : textual ? VALUE_LABEL : OVERFLOW_LABEL;
    const labels = labelNames(Object.keys(declaration.tags), [OVERFLOW_LABEL, added]);
    return {
      kind,
      name,
      sample: kind === "counter" ? `${name}_total` : name,
      unit,
      tags: [...labels.keys()],
      labelStarts: [...labels.values()].map((label) => `${label}="`),
      textual,
    };
  }

  private metadata(family: Family, declaration: MetricDeclaration): void {
    const type =
      family.kind === "counter"
        ? "counter"
        : family.kind === "distribution"
          ? "histogram"
          : "gauge";
    const help = escapeHelp(declaration.description, this.openMetrics);
    if (this.openMetrics) {
      this.text += `# TYPE ${family.name} ${type}\n`;
      if (family.unit !== "") this.text += `# UNIT ${family.name} ${family.unit}\n`;
      if (help !== "") this.text += `# HELP ${family.name} ${help}\n`;
      return;
    }
    // In the 0.0.4 format, metadata names the samples: `<name>_total` for counters.
    const name = family.kind === "counter" ? family.sample : family.name;
    if (help !== "") this.text += `# HELP ${name} ${help}\n`;
    this.text += `# TYPE ${name} ${type}\n`;
  }

  /** `a="x",b="y"` (no braces), or `""` for no labels. Undeclared tags are not exposed. */
  private labels(family: Family, series: SeriesSnapshot): string {
    if (series.overflow) return `${OVERFLOW_LABEL}="true"`;
    let text = "";
    for (let i = 0; i < family.tags.length; i++) {
      const value = series.tags[family.tags[i]];
      if (value === undefined) continue;
      text += `${text === "" ? "" : ","}${family.labelStarts[i]}${escapeLabelValue(String(value))}"`;
    }
    return text;
  }

  private histogram(family: Family, series: SeriesSnapshot, labels: string): void {
    const distribution = series.distribution as DistributionSnapshot;
    const bounds = distribution.bounds;
    const le = this.le(bounds);
    const prefix = `${family.name}_bucket{${labels === "" ? "" : `${labels},`}le="`;
    let cumulative = 0;
    // One more bucket than bounds: the last one is +Inf, present even if `counts` is short.
    for (let i = 0; i <= bounds.length; i++) {
      cumulative += distribution.counts[i] ?? 0;
      this.text += `${prefix}${i < bounds.length ? le[i] : "+Inf"}"} ${cumulative}`;
      const exemplar = this.openMetrics ? distribution.exemplars[i] : undefined;
      if (exemplar !== undefined) {
        this.text += ` # {trace_id="${escapeLabelValue(exemplar.traceId)}",span_id="${escapeLabelValue(exemplar.spanId)}"} ${sampleValue(exemplar.value)} ${seconds(exemplar.timeUnixNano)}`;
      }
      this.text += "\n";
    }
    const braced = braces(labels);
    // OpenMetrics: a sum is a counter, so it MUST NOT be exposed when values can be negative,
    // and `_count` appears if and only if `_sum` does.
    const negative = (bounds.length > 0 && bounds[0] < 0) || distribution.min < 0;
    if (!this.openMetrics || !negative) {
      this.text += `${family.name}_count${braced} ${cumulative}\n`;
      this.text += `${family.name}_sum${braced} ${sampleValue(distribution.sum)}\n`;
    }
    if (this.openMetrics) {
      this.text += `${family.name}_created${braced} ${seconds(series.startTimeUnixNano)}\n`;
    }
  }

  /** Canonical `le` values for `bounds`, reused while series have the same bounds. */
  private le(bounds: readonly number[]): string[] {
    const previous = this.leBounds;
    const same =
      bounds === previous ||
      (bounds.length === previous.length && bounds.every((bound, i) => bound === previous[i]));
    if (!same) this.leLabels = bounds.map(canonicalNumber);
    this.leBounds = bounds;
    return this.leLabels;
  }
}

function braces(labels: string): string {
  return labels === "" ? "" : `{${labels}}`;
}

/**
 * Serialises metric snapshots (from `readMetrics()`) into one exposition text, synchronously:
 * for small registries, tests and custom transports; HTTP endpoints use
 * `prometheusHandler`, which does the same work in slices. Names follow the mapping described
 * in the package README (path → snake case, unit suffix, `_total` for counters). Never throws.
 *
 * @example
 * serializeMetrics(sonde.readMetrics(), "openmetrics");
 * // # TYPE net_http_server_request_count counter ... net_http_server_request_count_total 3 ...
 */
export function serializeMetrics(
  snapshots: Iterable<MetricSnapshot>,
  format: ExpositionFormat = "prometheus",
): string {
  const writer = new ExpositionWriter(format);
  for (const snapshot of snapshots) {
    const family = writer.family(snapshot);
    if (family === undefined) continue;
    for (const series of snapshot.series) writer.series(family, series);
  }
  writer.finish();
  return writer.text;
}
