import { clampOption, type Sampler } from "./sampler.js";

const TWO_28 = 2 ** 28;

/**
 * Samples a fraction `ratio` (0 to 1) of traces, deciding from the trace id alone so that
 * every service using the same ratio makes the same decision for the same trace, without
 * coordination (OpenTelemetry `TraceIdRatioBased`, threshold form of the OpenTelemetry
 * specification, "TraceIdRatioBased sampler"): the trace id's rightmost 56 bits, random by W3C
 * Trace Context Level 2, are read as an integer R, and the trace is sampled when
 * R >= (1 - ratio) * 2^56. A higher ratio samples a superset of the traces a lower one does.
 *
 * (OpenTelemetry JS's own `TraceIdRatioBasedSampler` XORs the four 32-bit words of the id
 * instead, so its decisions differ from this one and from the specification's.)
 *
 * An invalid `ratio` is clamped into [0, 1] and reported (`invalid_options`). Usually wrapped
 * in {@link parentBasedSampler} so that only roots decide and children follow.
 */
export function traceIdRatioSampler(ratio: number): Sampler {
  const fraction = clampOption("traceIdRatioSampler ratio", ratio, 0, 1);
  // The rejection threshold as two exact 28-bit halves (a double holds only 53 bits).
  const threshold = BigInt(Math.round((1 - fraction) * 2 ** 56));
  const high = Number(threshold >> 28n);
  const low = Number(threshold & BigInt(TWO_28 - 1));
  return Object.freeze({
    description: `traceIdRatio(${fraction})`,
    shouldSample(traceId: string): boolean {
      const idHigh = Number.parseInt(traceId.slice(18, 25), 16);
      if (idHigh !== high) return idHigh > high;
      return Number.parseInt(traceId.slice(25, 32), 16) >= low;
    },
  });
}
