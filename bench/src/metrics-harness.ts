// Timing and allocation measurement for the metrics benchmarks: implementations of the same
// operation are measured in interleaved rounds so that machine noise hits them all alike.
import { GCProfiler } from "node:v8";

/** One implementation of an operation. */
export interface Case {
  /** Library name as printed, e.g. `"prom-client"`. */
  readonly name: string;
  /**
   * Performs the operation `n` times. Each case must be its own function literal: V8 shares
   * type feedback between closures of one literal, which would make the calls polymorphic.
   */
  readonly run: (n: number) => void;
  /** Operations performed so far (warm-up included), to check against what was recorded. */
  calls: number;
}

/** Timings of one case: nanoseconds per operation, one sample per round. */
export interface Timing {
  readonly name: string;
  readonly samples: number[];
  /** Operations per round, chosen during warm-up for about `roundMs` per round. */
  readonly perRound: number;
}

/** How long to measure. */
export interface Plan {
  rounds: number;
  /** Target milliseconds per case per round. */
  roundMs: number;
  /** Milliseconds of warm-up per case (JIT tiers up; operations per round are calibrated). */
  warmupMs: number;
}

function forceGc(): void {
  if (globalThis.gc === undefined) throw new Error("run node with --expose-gc");
  globalThis.gc();
}

/** Runs `c` `n` times; returns elapsed nanoseconds. */
function time(c: Case, n: number): number {
  const start = process.hrtime.bigint();
  c.run(n);
  const elapsed = Number(process.hrtime.bigint() - start);
  c.calls += n;
  return elapsed;
}

/** Warms `c` up and returns how many operations take about `roundMs`. */
function calibrate(c: Case, plan: Plan): number {
  let n = 1000;
  let spent = 0;
  let last = 0;
  while (spent < plan.warmupMs * 1e6) {
    last = time(c, n);
    spent += last;
    if (last < 10e6) n *= 2;
  }
  return Math.max(1000, Math.round((plan.roundMs * 1e6 * n) / last));
}

/**
 * Measures the cases in `plan.rounds` rounds; each round runs every case once, starting with a
 * different case each round, after a full GC so that no case pays for another's garbage.
 */
export function measure(cases: readonly Case[], plan: Plan): Timing[] {
  const timings = cases.map((c) => ({ name: c.name, samples: [], perRound: calibrate(c, plan) }));
  for (let round = 0; round < plan.rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const index = (round + k) % cases.length;
      const timing: Timing = timings[index];
      forceGc();
      timing.samples.push(time(cases[index], timing.perRound) / timing.perRound);
    }
  }
  return timings;
}

/** The median of `values` (not modified). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Heap bytes a case allocates, measured over `n` operations. */
export interface Allocation {
  readonly name: string;
  readonly calls: number;
  /** Bytes allocated: heap growth plus what every GC during the run freed. */
  readonly allocatedBytes: number;
  /** Garbage collections during the run. */
  readonly gcs: number;
  /** Heap growth that survives a full GC afterwards (retained, e.g. new series). */
  readonly retainedBytes: number;
}

/**
 * Runs `c` `n` times, reported as `name`, between two readings of
 * `process.memoryUsage().heapUsed`, the first after a full GC. V8's `GCProfiler` reports what
 * each GC in between freed, so the count stays exact even when the run allocates enough to
 * trigger scavenges.
 */
export function allocation(name: string, c: Case, n: number): Allocation {
  c.run(100_000); // code already optimised: no compiler allocations in the reading
  c.calls += 100_000;
  forceGc();
  const profiler = new GCProfiler();
  profiler.start();
  const before = process.memoryUsage().heapUsed;
  c.run(n);
  const after = process.memoryUsage().heapUsed;
  const { statistics } = profiler.stop();
  c.calls += n;
  let freed = 0;
  for (const gc of statistics) {
    freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
  }
  forceGc();
  return {
    name,
    calls: n,
    allocatedBytes: after - before + freed,
    gcs: statistics.length,
    retainedBytes: process.memoryUsage().heapUsed - before,
  };
}
