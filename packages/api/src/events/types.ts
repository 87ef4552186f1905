import type { SourceLocation } from "../metrics/types.js";

/** How bad an event is, from least to most severe. */
export type EventSeverity = "debug" | "info" | "notice" | "warn" | "error" | "critical";

/** The type of an event field: `int` a safe integer, `double` a finite number. */
export type FieldType = "string" | "int" | "double" | "bool";

/** An event's declared fields: field name (`[a-z][a-z0-9_]*`) → type. */
export type FieldSchema = Readonly<Record<string, FieldType>>;

/** The TypeScript type of a field's values. */
export type FieldValue<T extends FieldType> = T extends "string"
  ? string
  : T extends "bool"
    ? boolean
    : number;

/** What `record` takes for schema `F`: every declared field, no others. */
export type FieldValues<F extends FieldSchema> = { readonly [K in keyof F]: FieldValue<F[K]> };

/** The argument list of `record`: the fields, optional when none are declared. */
export type FieldArgs<F extends FieldSchema> = [keyof F] extends [never]
  ? [fields?: Record<string, never>]
  : [fields: FieldValues<F>];

/** Options of {@link events.declare}. */
export interface EventOptions<F extends FieldSchema> {
  /** What happened, one sentence. */
  description: string;
  /** Default `"info"`. */
  severity?: EventSeverity;
  /** Team or person to ask about the event; also the owner of errors reported with it. */
  owner?: string;
  /** Field name (`[a-z][a-z0-9_]*`) → type. Default: no fields. */
  fields?: F;
}

/** A validated event declaration with defaults applied. Frozen. */
export interface EventDeclaration {
  /** Path-style name, `/` then segments `[a-z0-9_]+`, e.g. `/config/changed`. */
  readonly name: string;
  readonly description: string;
  readonly severity: EventSeverity;
  /** `""` when not declared. */
  readonly owner: string;
  readonly fields: FieldSchema;
  /** Where the declaring call is, when the runtime's stack traces tell. */
  readonly source?: SourceLocation;
}

/**
 * A declared event. `record(fields)` records one occurrence with the time and the active
 * trace and span ids. Never throws: fields missing, undeclared or of the wrong type drop the
 * occurrence (counted under the `invalid_event` diag code); strings longer than
 * {@link MAX_FIELD_LENGTH} are truncated.
 */
export interface SondeEvent<F extends FieldSchema = Record<never, never>> {
  readonly declaration: EventDeclaration;
  record(...fields: FieldArgs<F>): void;
}

/** What an SDK implements for one event; `fields` is unvalidated caller input. */
export interface EventImplementation {
  record(fields: unknown): void;
}

/** What an SDK implements for events: one recorder per declaration. Must never throw. */
export interface EventsImplementation {
  event(declaration: EventDeclaration): EventImplementation;
}

/** Longest string field value kept; longer ones are truncated. */
export const MAX_FIELD_LENGTH = 4096;

// Until these members move into ../global.ts: an SDK without them leaves events as noops.
declare module "../global.js" {
  interface SondeImplementation {
    /** Events (optional: without it every event is a noop). */
    readonly events?: EventsImplementation;
  }
  interface SondeGlobal {
    /** Declared events by name (created on the first declaration). */
    events?: Map<string, SondeEvent<FieldSchema>>;
  }
}
