/**
 * The Sonde collection protocol (`proto/sonde/collect/v1/collect.proto`): messages, the
 * columnar sample encoding, the session string table, spans on the wire and policy rules.
 * Node-only (load it as `@sonde/protocol/collect`).
 */
export * from "./messages.js";
export { DEFAULT_POLICY, metricInterval } from "./policy.js";
export {
  type Column,
  columnOf,
  type DistributionChange,
  fromRuns,
  MetricSamplesBuilder,
  readMetricSamples,
  SampleDecodeError,
  type SampleValue,
} from "./samples.js";
export {
  decodeError,
  decodeEvent,
  decodeLog,
  encodeError,
  encodeEvent,
  encodeLog,
  type WireRecord,
} from "./signals.js";
export { appendToBatch, encodeSpans } from "./span-encoder.js";
export { decodeSpan } from "./spans.js";
export { StringInterner, StringTable, StringTableError } from "./strings.js";
