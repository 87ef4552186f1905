/** Display formatting shared by the pages. None of these throw. */

/** `0`, `0.42 ms`, `12.3 ms`, `1.24 s`, `2m 05s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  if (ms === 0) return "0";
  if (ms < 1) return `${ms.toFixed(ms < 0.01 ? 3 : 2)} ms`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, "0")}s`;
}

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 });

/** A number: integers with separators, others with 4 significant digits. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "–";
  return Number.isInteger(n) ? integer.format(n) : decimal.format(n);
}

/** True when a column holds durations in milliseconds (by naming convention). */
export function isDurationColumn(column: string | undefined): boolean {
  return !!column && (column === "duration_ms" || column.endsWith("_ms"));
}

/** Formats a calculation's value: as a duration for `*_ms` columns, else as a number. */
export function formatCalcValue(value: number | null | undefined, column?: string): string {
  if (value === null || value === undefined) return "–";
  return isDurationColumn(column) ? formatDuration(value) : formatNumber(value);
}

/**
 * Milliseconds since the epoch of an ISO-8601 timestamp, keeping sub-millisecond digits
 * (`Date.parse` drops them, and a waterfall of fast spans needs them). NaN if unparseable.
 */
export function parseTimeMs(iso: string): number {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(.*)$/.exec(iso);
  if (!match) return Date.parse(iso);
  const whole = Date.parse(match[1] + (match[3] || "Z"));
  const fraction = match[2] ? Number(`0.${match[2]}`) * 1000 : 0;
  return whole + fraction;
}

/**
 * Milliseconds since the epoch of nanoseconds since the epoch given as decimal text (exact,
 * as the API sends 64-bit values) or as a number. NaN if unparseable.
 */
export function nanosToMs(nanos: string | number): number {
  if (typeof nanos === "number") return nanos / 1e6;
  if (!/^\d+$/.test(nanos)) return Number.NaN;
  if (nanos.length <= 6) return Number(nanos) / 1e6;
  return Number(nanos.slice(0, -6)) + Number(nanos.slice(-6)) / 1e6;
}

/** Local wall-clock time with milliseconds: `2026-01-01 12:00:00.123`. */
export function formatTimestamp(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  const d = new Date(ms);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
  );
}

/** A group value for display: `(none)` for a missing attribute. */
export function formatGroupValue(value: unknown): string {
  return value === null || value === undefined ? "(none)" : String(value);
}
