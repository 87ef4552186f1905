// Numbers and escaping shared by the Prometheus text format 0.0.4
// (https://prometheus.io/docs/instrumenting/exposition_formats/) and OpenMetrics 1.0
// (https://github.com/OpenObservability/OpenMetrics/blob/main/specification/OpenMetrics.md).

const NANOS_PER_SECOND = 1_000_000_000n;

/** A sample value: `NaN`, `+Inf`, `-Inf`, a bigint exactly, or the shortest decimal form. */
export function sampleValue(value: number | bigint): string {
  if (typeof value === "bigint") return value.toString();
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return Number.isNaN(value) ? "NaN" : String(value);
}

/**
 * The OpenMetrics "canonical number" for `le` label values: Go's `%g` rendering with `.0`
 * appended when it has neither a point nor an exponent (`1` → `1.0`, `1000000` → `1e+06`,
 * `0.00001` → `1e-05`). Used by both formats, so a series keeps its labels across formats.
 */
export function canonicalNumber(value: number): string {
  if (!Number.isFinite(value)) return sampleValue(value);
  const [mantissa, exponentText] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  // Go's %g with the shortest precision switches to an exponent below 1e-4 and from 1e+06.
  if (exponent < -4 || exponent >= 6) {
    const digits = String(Math.abs(exponent)).padStart(2, "0");
    return `${mantissa}e${exponent < 0 ? "-" : "+"}${digits}`;
  }
  const fixed = String(value);
  return fixed.includes(".") ? fixed : `${fixed}.0`;
}

/** Nanoseconds since the epoch as decimal seconds, exactly (`1700000000.5`). */
export function seconds(unixNano: bigint): string {
  const sign = unixNano < 0n ? "-" : "";
  const nanos = unixNano < 0n ? -unixNano : unixNano;
  const fraction = nanos % NANOS_PER_SECOND;
  const whole = `${sign}${nanos / NANOS_PER_SECOND}`;
  if (fraction === 0n) return whole;
  return `${whole}.${fraction.toString().padStart(9, "0").replace(/0+$/, "")}`;
}

const LABEL_SPECIAL = /[\\"\n]/;
const LABEL_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", '"': '\\"', "\n": "\\n" };

/** A label value escaped for both formats: backslash, double quote and line feed. */
export function escapeLabelValue(value: string): string {
  return LABEL_SPECIAL.test(value)
    ? value.replace(/[\\"\n]/g, (char) => LABEL_ESCAPES[char])
    : value;
}

/**
 * HELP text escaped: the 0.0.4 format escapes only backslash and line feed (its parsers reject
 * `\"`), OpenMetrics also the double quote.
 */
export function escapeHelp(help: string, openMetrics: boolean): string {
  if (openMetrics) return escapeLabelValue(help);
  return help.replace(/[\\\n]/g, (char) => LABEL_ESCAPES[char]);
}
