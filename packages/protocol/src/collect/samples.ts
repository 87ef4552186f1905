import type { MetricSamples } from "./messages.js";
import { MetricKind, ValueType } from "./messages.js";
import { riceDecode, riceEncode } from "./rice.js";

/**
 * The columnar encoding of one instant's metric samples (`MetricSamples` in collect.proto).
 * Changed series are listed by ascending id as gaps; each takes its value from the column its
 * metric's kind and type select ({@link columnOf}). Unchanged series cost nothing: the
 * `sampled_metrics` list says which metrics were sampled in full.
 */

/** Which column a series' samples use. */
export type Column = "int" | "double" | "string" | "distribution";

/**
 * The column of a metric: distributions → `distribution`; string values → `string`; double
 * values → `double`; int and bool values → `int`. Counters carry increases, the rest values.
 */
export function columnOf(kind: number, valueType: number): Column {
  if (kind === MetricKind.METRIC_KIND_DISTRIBUTION) return "distribution";
  if (valueType === ValueType.VALUE_TYPE_STRING) return "string";
  if (valueType === ValueType.VALUE_TYPE_DOUBLE) return "double";
  return "int";
}

/**
 * What changed in a distribution since the series' previous sample: `sum` is the sum's
 * increase; `min`/`max` are the new extremes since start, present only when they changed;
 * `buckets` holds `[index, count increase]` for every bucket that grew, ascending by index.
 */
export interface DistributionChange {
  sum: number;
  min?: number;
  max?: number;
  buckets: [number, number][];
}

/** One decoded sample: the value in the series' column. */
export type SampleValue =
  | { column: "int"; value: number }
  | { column: "double"; value: number }
  | { column: "string"; value: string }
  | { column: "distribution"; value: DistributionChange };

/** A sample message that does not fit the definitions it refers to. */
export class SampleDecodeError extends Error {
  override name = "SampleDecodeError";
}

/**
 * Collects the samples of one instant and builds the `MetricSamples` message. Samples may be
 * added in any order; every series at most once per builder.
 */
export class MetricSamplesBuilder {
  private readonly metrics: number[] = [];
  private readonly changes: { series: number; value: SampleValue }[] = [];

  /** Marks every series of `metric` as sampled at this instant. */
  addSampledMetric(metric: number): void {
    this.metrics.push(metric);
  }

  /** Adds a changed series' value (counters: the increase). */
  add(series: number, value: SampleValue): void {
    this.changes.push({ series, value });
  }

  /** Number of changed series added so far. */
  get changedCount(): number {
    return this.changes.length;
  }

  /** Number of sampled metrics added so far. */
  get sampledMetricCount(): number {
    return this.metrics.length;
  }

  /** The message; `undefined` when nothing was added. */
  build(): MetricSamples | undefined {
    if (this.metrics.length === 0 && this.changes.length === 0) return undefined;
    this.changes.sort((a, b) => a.series - b.series);
    const out = {
      sampledMetrics: runs(this.metrics.sort((a, b) => a - b)),
      changed: [] as number[],
      ints: [] as number[],
      doubles: [] as number[],
      strings: [] as string[],
      buckets: [] as number[],
      changedRice: undefined as Uint8Array | undefined,
    };
    let previous = 0;
    let varintBytes = 0;
    for (const { series, value } of this.changes) {
      const gap = series - previous;
      out.changed.push(gap);
      varintBytes += gap < 0x80 ? 1 : gap < 0x4000 ? 2 : 3;
      previous = series;
      switch (value.column) {
        case "int":
          out.ints.push(value.value);
          break;
        case "double":
          out.doubles.push(value.value);
          break;
        case "string":
          out.strings.push(value.value);
          break;
        case "distribution": {
          const { sum, min, max, buckets } = value.value;
          const flags = (min === undefined ? 0 : 1) | (max === undefined ? 0 : 2);
          out.buckets.push((buckets.length << 2) | flags);
          let index = 0;
          for (const [i, count] of buckets) {
            out.buckets.push(i - index, count);
            index = i;
          }
          out.doubles.push(sum);
          if (min !== undefined) out.doubles.push(min);
          if (max !== undefined) out.doubles.push(max);
        }
      }
    }
    if (this.changes.length > 8) {
      const rice = riceEncode(this.changes.map((c) => c.series));
      if (rice.length < varintBytes) {
        out.changedRice = rice;
        out.changed = [];
      }
    }
    return out;
  }
}

/** Ascending distinct ids as runs: pairs (gap from the end of the previous run, length). */
function runs(ascending: number[]): number[] {
  const out: number[] = [];
  let end = 0;
  for (let i = 0; i < ascending.length; ) {
    let j = i + 1;
    while (j < ascending.length && ascending[j] === ascending[j - 1] + 1) j++;
    out.push(ascending[i] - end, j - i);
    end = ascending[j - 1];
    i = j;
  }
  return out;
}

/**
 * Expands `sampled_metrics` runs into ids. Throws {@link SampleDecodeError} for an odd-length
 * list or an empty run.
 */
export function fromRuns(list: readonly number[] | null | undefined): number[] {
  const out: number[] = [];
  const pairs = list ?? [];
  if (pairs.length % 2 !== 0) throw new SampleDecodeError("sampled_metrics holds an odd count");
  let end = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    const length = pairs[i + 1];
    if (length === 0 || pairs[i] === 0) throw new SampleDecodeError("empty or overlapping run");
    if (length > 1_000_000) throw new SampleDecodeError("run too long");
    for (let id = end + pairs[i]; id < end + pairs[i] + length; id++) out.push(id);
    end += pairs[i] + length - 1;
  }
  return out;
}

/**
 * Walks the changed samples of `samples` in series order, calling `visit` with each series id
 * and its value. `column(series)` gives the column of a defined series, `undefined` for an
 * unknown id. Throws {@link SampleDecodeError} for an unknown series, ids not ascending, a
 * column that runs short or has values left over, or a malformed bucket list.
 */
export function readMetricSamples(
  samples: MetricSamples,
  column: (series: number) => Column | undefined,
  visit: (series: number, value: SampleValue) => void,
): void {
  let changed = samples.changed ?? [];
  if (samples.changedRice && samples.changedRice.length > 0) {
    if (changed.length > 0) throw new SampleDecodeError("both changed and changed_rice");
    try {
      const ids = riceDecode(samples.changedRice);
      changed = ids.map((id, i) => (i === 0 ? id : id - ids[i - 1]));
    } catch (error) {
      throw new SampleDecodeError(`changed_rice: ${(error as Error).message}`);
    }
  }
  const ints = samples.ints ?? [];
  const doubles = samples.doubles ?? [];
  const strings = samples.strings ?? [];
  const buckets = samples.buckets ?? [];
  let i = 0;
  let d = 0;
  let s = 0;
  let b = 0;
  let series = 0;
  for (let k = 0; k < changed.length; k++) {
    if (k > 0 && changed[k] === 0) throw new SampleDecodeError(`series ${series} listed twice`);
    series += changed[k];
    const col = column(series);
    if (col === undefined) throw new SampleDecodeError(`sample for undefined series ${series}`);
    const short = () => new SampleDecodeError(`the ${col} column ends before series ${series}`);
    switch (col) {
      case "int":
        if (i >= ints.length) throw short();
        visit(series, { column: col, value: ints[i++] });
        break;
      case "double":
        if (d >= doubles.length) throw short();
        visit(series, { column: col, value: doubles[d++] });
        break;
      case "string":
        if (s >= strings.length) throw short();
        visit(series, { column: col, value: strings[s++] });
        break;
      case "distribution": {
        if (b >= buckets.length) throw short();
        const head = buckets[b++];
        const n = head >>> 2;
        if (b + 2 * n > buckets.length) throw short();
        const grown: [number, number][] = [];
        let index = 0;
        for (let j = 0; j < n; j++) {
          index += buckets[b++];
          grown.push([index, buckets[b++]]);
        }
        const need = 1 + (head & 1) + ((head >>> 1) & 1);
        if (d + need > doubles.length) throw short();
        const change: DistributionChange = { sum: doubles[d++], buckets: grown };
        if (head & 1) change.min = doubles[d++];
        if (head & 2) change.max = doubles[d++];
        visit(series, { column: col, value: change });
      }
    }
  }
  if (i !== ints.length || d !== doubles.length || s !== strings.length || b !== buckets.length) {
    throw new SampleDecodeError("value columns hold more values than the changed series use");
  }
}
