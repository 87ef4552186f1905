import type {
  BoundDistribution,
  DistributionImplementation,
  MetricDeclaration,
  TagSet,
} from "@sonde/api";
import { diag } from "@sonde/api";
import type { MetricPointRecord } from "@sonde/protocol";
import { nowUnixNano } from "../clock.js";
import type { CollectTarget } from "./registry.js";
import { SeriesTable } from "./series-table.js";

interface DistributionSeries {
  /** `bounds.length + 1` counts; the last is the overflow bucket. */
  readonly bucketCounts: number[];
  count: number;
  sum: number;
  min: number;
  max: number;
  readonly startTimeUnixNano: bigint;
}

const NOOP_BOUND: BoundDistribution = { record() {} };

/** The index of the first bound `>= value` (OTLP: bucket i holds bounds[i-1] < v <= bounds[i]). */
function bucketIndex(bounds: readonly number[], value: number): number {
  let low = 0;
  let high = bounds.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (bounds[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** An in-memory explicit-bucket distribution: bucket counts, count, sum, min and max. */
export class SdkDistribution implements DistributionImplementation {
  readonly #declaration: MetricDeclaration;
  readonly #bounds: readonly number[];
  readonly #series: SeriesTable<DistributionSeries>;

  constructor(declaration: MetricDeclaration, maxSeries: number) {
    this.#declaration = declaration;
    this.#bounds = declaration.buckets;
    this.#series = new SeriesTable(
      declaration,
      () => ({
        bucketCounts: new Array<number>(this.#bounds.length + 1).fill(0),
        count: 0,
        sum: 0,
        min: Number.POSITIVE_INFINITY,
        max: Number.NEGATIVE_INFINITY,
        startTimeUnixNano: nowUnixNano(),
      }),
      maxSeries,
    );
  }

  record(value: number, tags: TagSet | undefined): void {
    if (!this.#valid(value)) return;
    const series = this.#series.get(tags);
    if (series !== undefined) this.#add(series, value);
  }

  bind(tags: TagSet | undefined): BoundDistribution {
    const series = this.#series.get(tags);
    if (series === undefined) return NOOP_BOUND;
    return {
      record: (value: number) => {
        if (this.#valid(value)) this.#add(series, value);
      },
    };
  }

  /** One cumulative explicit-bucket Histogram point per series that has values. */
  collect(target: CollectTarget, timeUnixNano: bigint): MetricPointRecord[] {
    const points: MetricPointRecord[] = [];
    for (const { attributes, value } of this.#series.entries()) {
      if (value.count === 0) continue;
      points.push({
        ...target,
        name: this.#declaration.name,
        description: this.#declaration.description,
        unit: this.#declaration.unit,
        metadata: {},
        exemplars: [],
        kind: "histogram",
        monotonic: false,
        temporality: "cumulative",
        attributes,
        startTimeUnixNano: value.startTimeUnixNano,
        timeUnixNano,
        value: value.sum,
        count: value.count,
        min: value.min,
        max: value.max,
        explicitBounds: [...this.#bounds],
        bucketCounts: [...value.bucketCounts],
      });
    }
    return points;
  }

  #add(series: DistributionSeries, value: number): void {
    series.bucketCounts[bucketIndex(this.#bounds, value)]++;
    series.count++;
    series.sum += value;
    if (value < series.min) series.min = value;
    if (value > series.max) series.max = value;
  }

  #valid(value: number): boolean {
    if (Number.isFinite(value)) return true;
    diag.report({
      code: "invalid_distribution_value",
      message: `distribution ${this.#declaration.name}: value ${String(value)} is not a finite number; dropped`,
      key: this.#declaration.name,
    });
    return false;
  }
}
