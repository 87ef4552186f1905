// A name fit for a metric tag value: a code like ECONNRESET or a class name like TypeError.
const NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

function field(error: unknown, key: "code" | "name" | "message"): unknown {
  if (typeof error !== "object" || error === null) return undefined;
  try {
    return (error as Record<string, unknown>)[key];
  } catch {
    return undefined; // a throwing getter or proxy
  }
}

/**
 * @internal A short name for an error, from a bounded vocabulary: its string `code` (Node
 * system and library errors, e.g. `ECONNRESET`), else its `name` (the class, e.g.
 * `TypeError`), else `"other"` (thrown non-errors, unusual names).
 */
export function errorName(error: unknown): string {
  const code = field(error, "code");
  if (typeof code === "string" && NAME.test(code)) return code;
  const name = field(error, "name");
  if (typeof name === "string" && NAME.test(name)) return name;
  return "other";
}

/**
 * @internal The message of an error-like value, or the value as text (a string as is). Never
 * throws.
 */
export function errorMessage(error: unknown): string {
  if (typeof error === "string") return error;
  const message = field(error, "message");
  if (typeof message === "string") return message;
  try {
    return String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}
