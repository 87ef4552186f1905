import type { MetricDeclaration, MetricsImplementation } from "@sonde/api";
import type { Attributes, MetricPointRecord } from "@sonde/protocol";
import { nowUnixNano } from "../clock.js";
import { SdkCounter } from "./counter.js";
import { SdkDistribution } from "./distribution.js";

/** The resource and scope stamped on every collected point. */
export interface CollectTarget {
  resource: Attributes;
  scope: string;
}

/** The instrumentation scope of metrics declared through @sonde/api. */
export const METRICS_SCOPE = "sonde";

/**
 * All metrics recorded in this process: one instrument per declared name, aggregated in
 * memory, read with {@link MetricRegistry.collect}.
 */
export class MetricRegistry implements MetricsImplementation {
  readonly #instruments = new Map<string, SdkCounter | SdkDistribution>();
  readonly #resource: Attributes;
  readonly #maxSeries: number;

  /** `maxSeries`: the series limit per metric (beyond it, tag sets share an overflow series). */
  constructor(resource: Attributes, maxSeries: number) {
    this.#resource = resource;
    this.#maxSeries = maxSeries;
  }

  counter(declaration: MetricDeclaration): SdkCounter {
    const existing = this.#instruments.get(declaration.name);
    if (existing instanceof SdkCounter) return existing;
    const created = new SdkCounter(declaration, this.#maxSeries);
    this.#instruments.set(declaration.name, created);
    return created;
  }

  distribution(declaration: MetricDeclaration): SdkDistribution {
    const existing = this.#instruments.get(declaration.name);
    if (existing instanceof SdkDistribution) return existing;
    const created = new SdkDistribution(declaration, this.#maxSeries);
    this.#instruments.set(declaration.name, created);
    return created;
  }

  /** The current cumulative value of every series, as OTLP-shaped points stamped now. */
  collect(): MetricPointRecord[] {
    const target: CollectTarget = { resource: this.#resource, scope: METRICS_SCOPE };
    const time = nowUnixNano();
    const points: MetricPointRecord[] = [];
    for (const instrument of this.#instruments.values()) {
      points.push(...instrument.collect(target, time));
    }
    return points;
  }
}
