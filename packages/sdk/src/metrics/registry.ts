import { setImmediate as nextTurn } from "node:timers/promises";
import { diag, type MetricDeclaration, type MetricsImplementation, metrics } from "@sonde/api";
import { nowUnixNano } from "../clock.js";
import { Accounting } from "./accounting.js";
import { SdkConstant } from "./constant.js";
import { SdkCounter } from "./counter.js";
import { SdkDistribution } from "./distribution.js";
import { SdkGauge } from "./gauge.js";
import type { MetricReader, MetricSnapshot, SeriesSnapshot } from "./read.js";

/** The series limit per metric when neither the metric nor the SDK sets one. */
export const DEFAULT_MAX_SERIES = 2000;

/** What the registry keeps per metric. */
interface Instrument {
  readonly declaration: MetricDeclaration;
  readonly seriesCount: number;
  readSeries(from: number, to: number, timeUnixNano: bigint): SeriesSnapshot[];
}

/** Options for a {@link MetricRegistry}. */
export interface MetricRegistryOptions {
  /** Series per metric at most, unless the metric declares `maxSeries`. Default 2000. */
  maxSeriesPerMetric?: number;
}

function positiveInteger(value: unknown, fallback: number): number {
  return Number.isSafeInteger(value) && (value as number) > 0 ? (value as number) : fallback;
}

/**
 * All metrics recorded in this process: one instrument per declared name, aggregated in
 * memory, read through {@link MetricReader}. Every metric declared through `@sonde/api`
 * appears in reads, used or not (constants included); the SDK's own
 * `/sonde/sdk/metrics/...` counters count the samples it dropped, clamped or overflowed.
 */
export class MetricRegistry implements MetricsImplementation, MetricReader {
  readonly #instruments = new Map<string, Instrument>();
  readonly #maxSeries: number;
  readonly #accounting = new Accounting(this);
  readonly #startTimeUnixNano = nowUnixNano();

  constructor(options: MetricRegistryOptions = {}) {
    this.#maxSeries = positiveInteger(options?.maxSeriesPerMetric, DEFAULT_MAX_SERIES);
  }

  counter(declaration: MetricDeclaration): SdkCounter {
    return this.#instrument(declaration, SdkCounter);
  }

  gauge(declaration: MetricDeclaration): SdkGauge {
    return this.#instrument(declaration, SdkGauge);
  }

  distribution(declaration: MetricDeclaration): SdkDistribution {
    return this.#instrument(declaration, SdkDistribution);
  }

  readMetrics(select?: (declaration: MetricDeclaration) => boolean): MetricSnapshot[] {
    let instruments = this.#all();
    if (select !== undefined) instruments = instruments.filter((i) => select(i.declaration));
    const time = nowUnixNano();
    return instruments.map((instrument) => ({
      declaration: instrument.declaration,
      series: instrument.readSeries(0, instrument.seriesCount, time),
    }));
  }

  async *readMetricsIncrementally(chunkSize = 1000): AsyncGenerator<MetricSnapshot> {
    const size = positiveInteger(chunkSize, 1000);
    let read = 0;
    for (const instrument of this.#all()) {
      const total = instrument.seriesCount;
      let from = 0;
      do {
        const to = Math.min(from + size, total);
        // A turn of the event loop before a chunk that would take this turn past `size`.
        if (read > 0 && read + (to - from) > size) {
          await nextTurn();
          read = 0;
        }
        const series = instrument.readSeries(from, to, nowUnixNano());
        read += to - from;
        from = to;
        yield { declaration: instrument.declaration, series };
      } while (from < total);
    }
  }

  /**
   * Every instrument: those of `@sonde/api` declarations in declaration order (created now if
   * no call reached them yet), then any declared to this registry only.
   */
  #all(): Instrument[] {
    const all: Instrument[] = [];
    const listed = new Set<string>();
    for (const declaration of metrics.declarations()) {
      listed.add(declaration.name);
      all.push(this.#instruments.get(declaration.name) ?? this.#create(declaration));
    }
    for (const [name, instrument] of this.#instruments) {
      if (!listed.has(name)) all.push(instrument);
    }
    return all;
  }

  #create(declaration: MetricDeclaration): Instrument {
    if (declaration.kind === "gauge") return this.gauge(declaration);
    if (declaration.kind === "counter") return this.counter(declaration);
    if (declaration.kind === "distribution") return this.distribution(declaration);
    const constant = new SdkConstant(declaration, this.#startTimeUnixNano);
    this.#instruments.set(declaration.name, constant);
    return constant;
  }

  #instrument<T extends Instrument>(
    declaration: MetricDeclaration,
    Kind: new (declaration: MetricDeclaration, maxSeries: number, accounting: Accounting) => T,
  ): T {
    const existing = this.#instruments.get(declaration.name);
    if (existing instanceof Kind) return existing;
    const created = new Kind(
      declaration,
      positiveInteger(declaration.maxSeries, this.#maxSeries),
      this.#accounting,
    );
    if (existing === undefined) {
      this.#instruments.set(declaration.name, created);
    } else {
      diag.report({
        code: "metric_conflict",
        message: `metric ${declaration.name} is already a ${existing.declaration.kind}; this ${declaration.kind} records nowhere`,
        key: declaration.name,
      });
    }
    return created;
  }
}
