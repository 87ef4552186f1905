// What every format of the collection byte benchmark returns, and the loop that drives the
// workload through one format and counts its steady-state bytes.
import {
  type CollectionWorkload,
  steadySamples,
  type WorkloadInterval,
} from "./workload/collection-workload.js";

/** Bytes written in steady state and the samples they carried. */
export interface ByteCount {
  readonly bytes: number;
  readonly samples: number;
  /** Anything the table's reader should know about this count (datagrams, requests). */
  readonly note?: string;
}

/**
 * One format under test: drives the workload through a real client and resolves to the bytes
 * that client wrote to its socket (framing included) for the steady-state intervals.
 * Sonde itself is one of them (`collection-bytes-sonde.ts`).
 */
export type CollectionPeer = (workload: CollectionWorkload) => Promise<ByteCount>;

/**
 * Runs `step` for the start step and then each interval in order (awaiting each, so intervals
 * run back to back in simulated time) and returns `counted()` at the end minus `counted()` just
 * before interval `workload.warmupIntervals`. Rejects with whatever `step` rejects with.
 */
export async function steadyBytes(
  workload: CollectionWorkload,
  step: (interval: WorkloadInterval) => Promise<void>,
  counted: () => number,
): Promise<ByteCount> {
  await step(workload.start);
  let base = 0;
  for (const interval of workload.intervals) {
    if (interval.index === workload.warmupIntervals) base = counted();
    await step(interval);
  }
  return { bytes: counted() - base, samples: steadySamples(workload) };
}
