import type { MetricDeclaration } from "@sonde/api";
import type { SeriesSnapshot } from "./read.js";

const NO_TAGS = Object.freeze({});

/** A constant: one untagged series holding the declared value since `startTimeUnixNano`. */
export class SdkConstant {
  readonly declaration: MetricDeclaration;
  readonly #startTimeUnixNano: bigint;

  constructor(declaration: MetricDeclaration, startTimeUnixNano: bigint) {
    this.declaration = declaration;
    this.#startTimeUnixNano = startTimeUnixNano;
  }

  get seriesCount(): number {
    return 1;
  }

  readSeries(from: number, to: number, timeUnixNano: bigint): SeriesSnapshot[] {
    if (from > 0 || to < 1) return [];
    return [
      {
        tags: NO_TAGS,
        overflow: false,
        startTimeUnixNano: this.#startTimeUnixNano,
        timeUnixNano,
        value: this.declaration.value,
      },
    ];
  }
}
