import type { BoundCounter, CounterImplementation, MetricDeclaration, TagSet } from "@sonde/api";
import { diag } from "@sonde/api";
import type { MetricPointRecord } from "@sonde/protocol";
import { nowUnixNano } from "../clock.js";
import type { CollectTarget } from "./registry.js";
import { SeriesTable } from "./series-table.js";

interface CounterSeries {
  value: number;
  readonly startTimeUnixNano: bigint;
}

const NOOP_BOUND: BoundCounter = { add() {} };

/** An in-memory counter: per series a cumulative integer total and its start time. */
export class SdkCounter implements CounterImplementation {
  readonly #declaration: MetricDeclaration;
  readonly #series: SeriesTable<CounterSeries>;

  constructor(declaration: MetricDeclaration, maxSeries: number) {
    this.#declaration = declaration;
    this.#series = new SeriesTable(
      declaration,
      () => ({ value: 0, startTimeUnixNano: nowUnixNano() }),
      maxSeries,
    );
  }

  add(n: number, tags: TagSet | undefined): void {
    if (!this.#valid(n)) return;
    const series = this.#series.get(tags);
    if (series !== undefined) series.value += n;
  }

  bind(tags: TagSet | undefined): BoundCounter {
    const series = this.#series.get(tags);
    if (series === undefined) return NOOP_BOUND;
    return {
      add: (n: number) => {
        if (this.#valid(n)) series.value += n;
      },
    };
  }

  /** One monotonic cumulative Sum point per series. */
  collect(target: CollectTarget, timeUnixNano: bigint): MetricPointRecord[] {
    const points: MetricPointRecord[] = [];
    for (const { attributes, value } of this.#series.entries()) {
      points.push({
        ...target,
        name: this.#declaration.name,
        description: this.#declaration.description,
        unit: this.#declaration.unit,
        metadata: {},
        exemplars: [],
        kind: "sum",
        monotonic: true,
        temporality: "cumulative",
        attributes,
        startTimeUnixNano: value.startTimeUnixNano,
        timeUnixNano,
        value: value.value,
        count: null,
        min: null,
        max: null,
        explicitBounds: [],
        bucketCounts: [],
      });
    }
    return points;
  }

  #valid(n: number): boolean {
    if (Number.isSafeInteger(n) && n >= 0) return true;
    diag.report({
      code: "invalid_counter_increment",
      message: `counter ${this.#declaration.name}: increment ${String(n)} is not a non-negative integer; dropped`,
      key: this.#declaration.name,
    });
    return false;
  }
}
