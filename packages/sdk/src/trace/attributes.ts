import type { Attributes } from "@sonde/api";
import { diag } from "@sonde/api";
import type { AttrValue } from "@sonde/protocol";

/** Per-span bounds; beyond them data is dropped and reported (`span_limit`). */
export const SPAN_LIMITS = { attributes: 128, events: 128, links: 128 } as const;

/** Reports that a span reached one of {@link SPAN_LIMITS}. */
export function limitReached(what: keyof typeof SPAN_LIMITS): void {
  diag.report({
    code: "span_limit",
    message: `a span reached ${SPAN_LIMITS[what]} ${what}; further ${what} are dropped`,
    key: what,
  });
}

/** Reports an attribute dropped for its value. */
export function invalidAttribute(key: string): void {
  diag.report({
    code: "invalid_attribute",
    message: `span attribute ${key}: value must be a string, number, bigint, boolean or an array of strings, numbers or booleans (one type); dropped`,
    key,
  });
}

function isScalar(type: string): boolean {
  return type === "string" || type === "number" || type === "boolean";
}

/**
 * A valid attribute value (arrays copied, so later changes by the caller do not show), or
 * undefined for anything else: scalars of another type, mixed or nested arrays.
 */
export function sanitize(value: unknown): AttrValue | undefined {
  const type = typeof value;
  if (isScalar(type) || type === "bigint") return value as AttrValue;
  if (!Array.isArray(value)) return undefined;
  if (value.length === 0) return [];
  const elementType = typeof value[0];
  if (!isScalar(elementType)) return undefined;
  for (let i = 1; i < value.length; i++) if (typeof value[i] !== elementType) return undefined;
  return value.slice();
}

/** A sanitized copy of `attributes` (at most {@link SPAN_LIMITS}.attributes), reporting drops. */
export function copyAttributes(attributes: Attributes | undefined): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  if (attributes === undefined || attributes === null) return out;
  let count = 0;
  for (const key in attributes) {
    const value = sanitize(attributes[key]);
    if (value === undefined) {
      invalidAttribute(key);
      continue;
    }
    if (count++ === SPAN_LIMITS.attributes) {
      limitReached("attributes");
      break;
    }
    out[key] = value;
  }
  return out;
}

function field(error: object, key: string): unknown {
  try {
    return (error as Record<string, unknown>)[key];
  } catch {
    return undefined; // a throwing getter or proxy
  }
}

/**
 * The `exception` event attributes of a thrown value (OpenTelemetry semantic conventions):
 * `exception.type` (the error's `name`, e.g. `TypeError`; `typeof` for non-objects),
 * `exception.message` and, when present, `exception.stacktrace`. Never throws.
 */
export function exceptionAttributes(error: unknown): Record<string, string> {
  if (typeof error !== "object" || error === null) {
    const type = error === null ? "null" : typeof error;
    return { "exception.type": type, "exception.message": text(error) };
  }
  const name = field(error, "name");
  const message = field(error, "message");
  const stack = field(error, "stack");
  const attributes: Record<string, string> = {
    "exception.type": typeof name === "string" ? name : "Object",
    "exception.message": typeof message === "string" ? message : text(error),
  };
  if (typeof stack === "string") attributes["exception.stacktrace"] = stack;
  return attributes;
}

/** `value` as a string, even for values whose conversion throws. Never throws. */
export function text(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
