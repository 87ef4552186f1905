import { performance } from "node:perf_hooks";
import { type SpanContext, trace } from "@sonde/api";
import type { ExemplarSnapshot } from "./read.js";

// The wall-clock time of performance.now() === 0 in nanoseconds, as in ../clock.ts.
const ORIGIN_UNIX_NANO = BigInt(Math.round(performance.timeOrigin * 1000)) * 1000n;

/**
 * Whether a bucket that now holds `count` samples should look for an exemplar: on its 1st,
 * 2nd, 4th, … 64th sample, then on every 64th. Looking up the active span costs ~12 ns on
 * Node 20 once AsyncLocalStorage is in use (more than the rest of a record), so exemplars are
 * sampled: rare buckets (the slow tail, where exemplars matter most) still get theirs at once.
 */
export function wantsExemplar(count: number): boolean {
  return count <= 64 ? (count & (count - 1)) === 0 : (count & 63) === 0;
}

/** The active span's context when it is sampled, else undefined. */
function sampledSpanContext(): SpanContext | undefined {
  const span = trace.activeSpan();
  if (span === undefined) return undefined;
  const context = span.spanContext();
  return context.sampled ? context : undefined;
}

/**
 * The last sample of a bucket recorded under a sampled span. Mutated in place when replaced,
 * so that recording exemplars allocates only once per bucket.
 */
export class Exemplar {
  value = 0;
  /** `performance.now()` when recorded (cheaper than a bigint clock on the hot path). */
  time = 0;
  traceId = "";
  spanId = "";

  snapshot(): ExemplarSnapshot {
    return {
      value: this.value,
      timeUnixNano: ORIGIN_UNIX_NANO + BigInt(Math.round(this.time * 1e6)),
      traceId: this.traceId,
      spanId: this.spanId,
    };
  }
}

/**
 * Records `value` as the exemplar of slot `index` of `slots` if a sampled span is active
 * (call it when {@link wantsExemplar} says so).
 */
export function keepExemplar(slots: (Exemplar | undefined)[], index: number, value: number): void {
  const context = sampledSpanContext();
  if (context === undefined) return;
  let exemplar = slots[index];
  if (exemplar === undefined) {
    exemplar = new Exemplar();
    slots[index] = exemplar;
  }
  exemplar.value = value;
  exemplar.time = performance.now();
  exemplar.traceId = context.traceId;
  exemplar.spanId = context.spanId;
}

/** Snapshots of `slots`, undefined where a bucket has none. */
export function exemplarSnapshots(
  slots: readonly (Exemplar | undefined)[],
): (ExemplarSnapshot | undefined)[] {
  return slots.map((exemplar) => exemplar?.snapshot());
}
