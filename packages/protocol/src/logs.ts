/**
 * Sonde's log records, after the OpenTelemetry log data model
 * (https://opentelemetry.io/docs/specs/otel/logs/data-model/). Times are integer nanoseconds
 * since the UNIX epoch as `bigint`, as in ./model.ts.
 */
import type { Attributes } from "./model.js";

/**
 * A severity text of the data model's short names; each maps to the first number of its range
 * (`SeverityNumber`): TRACE 1, DEBUG 5, INFO 9, WARN 13, ERROR 17, FATAL 21.
 */
export type SeverityText = "TRACE" | "DEBUG" | "INFO" | "WARN" | "ERROR" | "FATAL";

/** One log record. */
export interface LogRecord {
  timeUnixNano: bigint;
  /** 1–24 (`SeverityNumber`), 0 when unknown. */
  severityNumber: number;
  severityText: SeverityText | "";
  /** The message (`msg`), `""` when the line had none. */
  body: string;
  /** The line's other fields, nested objects flattened to dotted names. */
  attributes: Attributes;
  /** 32 hex characters, `""` outside a span. */
  traceId: string;
  /** 16 hex characters, `""` outside a span. */
  spanId: string;
  /** The name given to `logs.getLogger(name)` (the instrumentation scope). */
  loggerName: string;
}
