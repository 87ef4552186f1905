/**
 * `value` for a diagnostic message: strings and objects as JSON, at most 100 characters,
 * never throwing (symbols, bigints, cycles, objects with throwing getters or `toString`).
 */
export function describe(value: unknown): string {
  let text: string;
  try {
    text =
      typeof value === "bigint"
        ? `${value}n`
        : typeof value === "object" || typeof value === "string"
          ? (JSON.stringify(value) ?? String(value))
          : String(value);
  } catch {
    text = "(unprintable value)";
  }
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
