import type { Attributes, AttrValue, LogRecord, SeverityText } from "@sonde/protocol";

// pino level → OpenTelemetry SeverityNumber and short name (logs data model, "Mapping of
// SeverityNumber"): each pino level is the first number of its range.
const SEVERITIES: Readonly<Record<number, [number, SeverityText]>> = {
  10: [1, "TRACE"],
  20: [5, "DEBUG"],
  30: [9, "INFO"],
  40: [13, "WARN"],
  50: [17, "ERROR"],
  60: [21, "FATAL"],
};

// Fields that become record fields, or that describe the process (resource attributes).
const RESERVED = new Set([
  "level",
  "time",
  "msg",
  "trace_id",
  "span_id",
  "logger",
  "pid",
  "hostname",
]);
// Nested objects are flattened to dotted names down to this depth, then kept as JSON text.
const FLATTEN_DEPTH = 4;

function flatten(prefix: string, value: unknown, depth: number, out: Attributes): void {
  if (value === null || typeof value !== "object") {
    out[prefix] = value as AttrValue;
    return;
  }
  if (Array.isArray(value)) {
    out[prefix] = value.every((item) => item === null || typeof item !== "object")
      ? (value as AttrValue[])
      : JSON.stringify(value);
    return;
  }
  if (depth >= FLATTEN_DEPTH) {
    out[prefix] = JSON.stringify(value);
    return;
  }
  for (const [key, nested] of Object.entries(value))
    flatten(`${prefix}.${key}`, nested, depth + 1, out);
}

/**
 * Converts JSON log lines (as written by `configureLogging`'s loggers) to {@link LogRecord}s,
 * in the exporter's batch rather than per call: `level` → severity (OpenTelemetry log data
 * model), `time` (ms) → `timeUnixNano`, `msg` → body, `trace_id`/`span_id`, `logger` →
 * `loggerName`; other fields become attributes, nested objects flattened to dotted names
 * (`user.id`). `pid` and `hostname` are dropped (they describe the resource). A line that is
 * not JSON becomes a record whose body is the line. Never throws.
 */
export function toLogRecords(lines: readonly string[]): LogRecord[] {
  const records: LogRecord[] = [];
  for (const line of lines) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      records.push({
        timeUnixNano: BigInt(Date.now()) * 1_000_000n,
        severityNumber: 0,
        severityText: "",
        body: line.trimEnd(),
        attributes: {},
        traceId: "",
        spanId: "",
        loggerName: "",
      });
      continue;
    }
    const fields = parsed as Record<string, unknown>;
    const [severityNumber, severityText] = SEVERITIES[fields.level as number] ?? [0, ""];
    const attributes: Attributes = {};
    for (const [key, value] of Object.entries(fields)) {
      if (!RESERVED.has(key)) flatten(key, value, 1, attributes);
    }
    records.push({
      timeUnixNano:
        typeof fields.time === "number" ? BigInt(Math.round(fields.time)) * 1_000_000n : 0n,
      severityNumber,
      severityText,
      body: typeof fields.msg === "string" ? fields.msg : "",
      attributes,
      traceId: typeof fields.trace_id === "string" ? fields.trace_id : "",
      spanId: typeof fields.span_id === "string" ? fields.span_id : "",
      loggerName: typeof fields.logger === "string" ? fields.logger : "",
    });
  }
  return records;
}
