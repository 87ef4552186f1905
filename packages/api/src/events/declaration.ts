import { safeString } from "../metrics/declaration.js";
import type { SourceLocation } from "../metrics/types.js";
import type { EventDeclaration, EventSeverity, FieldSchema, FieldType } from "./types.js";

// The same grammar as metric names and tag names (../metrics/declaration.ts).
const NAME = /^(\/[a-z0-9_]+)+$/;
const FIELD_NAME = /^[a-z][a-z0-9_]*$/;
const SEVERITIES = new Set<unknown>(["debug", "info", "notice", "warn", "error", "critical"]);
const FIELD_TYPES = new Set<unknown>(["string", "int", "double", "bool"]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function fields(input: unknown): FieldSchema | string {
  if (input === undefined) return Object.freeze({});
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return "fields must be an object of field name to type";
  }
  const schema: Record<string, FieldType> = {};
  for (const [name, type] of Object.entries(input)) {
    if (!FIELD_NAME.test(name)) return `field name ${safeString(name)} must match [a-z][a-z0-9_]*`;
    if (!FIELD_TYPES.has(type)) return `field ${name} must have type string, int, double or bool`;
    schema[name] = type as FieldType;
  }
  return Object.freeze(schema);
}

/**
 * @internal Validates an event declaration and applies defaults. Returns the frozen
 * declaration, or a best-effort one and the reason it is invalid. Never throws.
 */
export function normalizeEvent(
  name: unknown,
  input: unknown,
  source: SourceLocation | undefined,
): { declaration: EventDeclaration; problem: string | undefined } {
  const declaration: Mutable<EventDeclaration> = {
    name: typeof name === "string" ? name : safeString(name),
    description: "",
    severity: "info",
    owner: "",
    fields: {},
  };
  if (source !== undefined) declaration.source = source;
  const fail = (problem: string) => ({ declaration, problem });
  try {
    if (typeof name !== "string" || !NAME.test(name)) {
      return fail(
        `name must be "/" then segments [a-z0-9_]+ joined by "/", got ${safeString(name)}`,
      );
    }
    if (typeof input !== "object" || input === null) return fail("options must be an object");
    const options = input as Record<string, unknown>;
    if (typeof options.description !== "string") return fail("description must be a string");
    declaration.description = options.description;
    const severity = options.severity ?? "info";
    if (!SEVERITIES.has(severity)) {
      return fail("severity must be debug, info, notice, warn, error or critical");
    }
    declaration.severity = severity as EventSeverity;
    if (options.owner !== undefined && typeof options.owner !== "string") {
      return fail("owner must be a string");
    }
    declaration.owner = (options.owner as string | undefined) ?? "";
    const schema = fields(options.fields);
    if (typeof schema === "string") return fail(schema);
    declaration.fields = schema;
    return { declaration: Object.freeze(declaration), problem: undefined };
  } catch {
    return fail("options could not be read");
  }
}

/** @internal True when two declarations have the same severity and fields (same data). */
export function sameEventShape(a: EventDeclaration, b: EventDeclaration): boolean {
  const names = Object.keys(a.fields);
  return (
    a.severity === b.severity &&
    names.length === Object.keys(b.fields).length &&
    names.every((name) => a.fields[name] === b.fields[name])
  );
}
