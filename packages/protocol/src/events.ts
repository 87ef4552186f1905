/**
 * Sonde's event records (issue 7): rare, interesting happenings (a config change, an unhandled
 * exception, a 5xx answer) declared statically like metrics and drawn as annotations on charts.
 * Times are integer nanoseconds since the UNIX epoch as `bigint`, as in ./model.ts.
 */

/** How bad an event is, from least to most severe. */
export type EventSeverity = "debug" | "info" | "notice" | "warn" | "error" | "critical";

/** The type of an event field: `int` is a safe integer, `double` any finite number. */
export type EventFieldType = "string" | "int" | "double" | "bool";

/** A recorded event field value. */
export type EventFieldValue = string | number | boolean;

/** An event's declaration: validated once, shared by every record of the event. */
export interface EventDeclarationRecord {
  /** Path-style name, `/` then segments `[a-z0-9_]+`, e.g. `/config/changed`. */
  readonly name: string;
  /** What happened, one sentence. */
  readonly description: string;
  readonly severity: EventSeverity;
  /** Team or person to ask about the event; `""` when not declared. */
  readonly owner: string;
  /** Field name (`[a-z][a-z0-9_]*`) → type. */
  readonly fields: Readonly<Record<string, EventFieldType>>;
  /** Where the event was declared, when the runtime's stack traces tell. */
  readonly source?: { readonly file: string; readonly line: number; readonly column: number };
}

/**
 * One recorded event. `traceId` (32 hex) and `spanId` (16 hex) are those of the span active
 * when it was recorded, `""` outside a span.
 */
export interface EventRecord {
  name: string;
  timeUnixNano: bigint;
  severity: EventSeverity;
  owner: string;
  /** Every declared field, with a value of its declared type. */
  fields: Record<string, EventFieldValue>;
  traceId: string;
  spanId: string;
  /** The declaration (shared, not copied). */
  declaration: EventDeclarationRecord;
}
