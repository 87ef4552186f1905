// Timing for the tracing benchmarks: cases that yield to the event loop (so that batch span
// processors can export) are measured in interleaved rounds, a different case first each
// round and a full GC before each, so that machine noise hits them all alike.

/** One implementation of an operation. */
export interface AsyncCase {
  /** As printed, e.g. `"OpenTelemetry"`. */
  readonly name: string;
  /**
   * Performs the operation `n` times (a multiple of 1,000), awaiting `setImmediate` after
   * every 1,000. Each case must be its own function literal, so that V8's type feedback stays
   * per case.
   */
  readonly run: (n: number) => Promise<void>;
  /** Operations performed so far, warm-up included, to check against what was recorded. */
  calls: number;
}

/** The timings of one case: nanoseconds per operation, one sample per round. */
export interface Timing {
  readonly name: string;
  readonly samples: number[];
}

/** How long to measure. */
export interface Plan {
  rounds: number;
  /** Target milliseconds per case per round. */
  roundMs: number;
  /** Milliseconds of warm-up per case. */
  warmupMs: number;
}

function forceGc(): void {
  if (globalThis.gc === undefined) throw new Error("run node with --expose-gc");
  globalThis.gc();
}

async function time(c: AsyncCase, n: number): Promise<number> {
  const start = process.hrtime.bigint();
  await c.run(n);
  c.calls += n;
  return Number(process.hrtime.bigint() - start);
}

/** Warms `c` up; returns the multiple of 1,000 operations that takes about `roundMs`. */
async function calibrate(c: AsyncCase, plan: Plan): Promise<number> {
  let n = 1000;
  let spent = 0;
  let last = 0;
  while (spent < plan.warmupMs * 1e6) {
    last = await time(c, n);
    spent += last;
    if (last < 10e6) n *= 2;
  }
  return Math.max(1000, Math.round((plan.roundMs * 1e6 * n) / last / 1000) * 1000);
}

/** Measures `cases` in `plan.rounds` interleaved rounds. */
export async function measure(cases: readonly AsyncCase[], plan: Plan): Promise<Timing[]> {
  const sizes: number[] = [];
  for (const c of cases) sizes.push(await calibrate(c, plan));
  const timings: Timing[] = cases.map((c) => ({ name: c.name, samples: [] }));
  for (let round = 0; round < plan.rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const index = (round + k) % cases.length;
      forceGc();
      timings[index].samples.push((await time(cases[index], sizes[index])) / sizes[index]);
    }
  }
  return timings;
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median ns/op of the timing named `name`. */
export function medianOf(timings: readonly Timing[], name: string): number {
  const timing = timings.find((t) => t.name === name);
  if (timing === undefined) throw new Error(`no timing named ${name}`);
  return median(timing.samples);
}
