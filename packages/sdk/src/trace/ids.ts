import { randomFillSync } from "node:crypto";

// Ids are cut from a pool refilled by one randomFillSync call, instead of one call per id.
const POOL = Buffer.allocUnsafe(4096);
let offset = POOL.length;

function randomHex(bytes: number): string {
  for (;;) {
    if (offset + bytes > POOL.length) {
      randomFillSync(POOL);
      offset = 0;
    }
    const start = offset;
    offset += bytes;
    // All-zero ids are invalid (W3C Trace Context); draw again in that (2^-64) case.
    for (let i = start; i < offset; i++) {
      if (POOL[i] !== 0) return POOL.toString("hex", start, offset);
    }
  }
}

/** A random, non-zero trace id: 32 lower-case hex characters. */
export function newTraceId(): string {
  return randomHex(16);
}

/** A random, non-zero span id: 16 lower-case hex characters. */
export function newSpanId(): string {
  return randomHex(8);
}
