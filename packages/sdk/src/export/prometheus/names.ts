/**
 * How Sonde metric paths, units and tags become Prometheus names.
 *
 * - **Metric family name:** the path without its leading `/`, every `/` turned into `_`, and
 *   each run of characters outside `[a-zA-Z0-9_]` replaced by one `_` (a name that would start
 *   with a digit gets a leading `_`): `/net/http/server/request_count` →
 *   `net_http_server_request_count`.
 * - **Unit suffix:** the UCUM unit in Prometheus words, appended as `_<unit>` unless the name
 *   already ends with it: `s` → `seconds`, `ms` → `milliseconds`, `By` → `bytes`, `%` →
 *   `percent`, `By/s` → `bytes_per_second`; `1` and annotations such as `{request}` add
 *   nothing; an unknown unit is used as written, with invalid characters replaced (the table
 *   follows OpenTelemetry's "Prometheus and OpenMetrics compatibility" specification).
 * - **Counters** expose samples named `<family>_total` (a path that already ends in `_total`
 *   does not get it twice): `/proc/cpu_time` in `s` → `proc_cpu_time_seconds_total`.
 * - **Tags** are labels of the same name, except that a tag named like a label the exporter
 *   adds (`le` on histograms, `value` on string/bool metrics, `sonde_overflow`), or one that
 *   would start with `_` or a digit (reserved or invalid), is prefixed with `tag_`.
 */

const UNIT_WORDS: Readonly<Record<string, string>> = {
  d: "days",
  h: "hours",
  min: "minutes",
  s: "seconds",
  ms: "milliseconds",
  us: "microseconds",
  ns: "nanoseconds",
  By: "bytes",
  KiBy: "kibibytes",
  MiBy: "mebibytes",
  GiBy: "gibibytes",
  TiBy: "tebibytes",
  KBy: "kilobytes",
  kBy: "kilobytes",
  MBy: "megabytes",
  GBy: "gigabytes",
  TBy: "terabytes",
  bit: "bits",
  m: "meters",
  V: "volts",
  A: "amperes",
  J: "joules",
  W: "watts",
  g: "grams",
  Cel: "celsius",
  Hz: "hertz",
  "%": "percent",
};

/** Units after `/`, in the singular: `By/s` → `bytes_per_second`. */
const PER_UNIT_WORDS: Readonly<Record<string, string>> = {
  s: "second",
  min: "minute",
  h: "hour",
  d: "day",
  wk: "week",
  mo: "month",
  a: "year",
};

/** The label Sonde adds to a metric's overflow series (`sonde_overflow="true"`). */
export const OVERFLOW_LABEL = "sonde_overflow";

/** `text` with runs of characters outside `[a-zA-Z0-9_]` replaced by one `_`. */
function sanitize(text: string): string {
  return text.replace(/[^a-zA-Z0-9_]+/g, "_");
}

function unitWord(unit: string, words: Readonly<Record<string, string>>): string {
  if (unit === "" || unit === "1") return "";
  return Object.hasOwn(words, unit) ? words[unit] : sanitize(unit).replace(/^_+|_+$/g, "");
}

/**
 * The Prometheus word for a UCUM unit (`"ms"` → `"milliseconds"`), `""` when the unit adds no
 * suffix (`"1"`, `""`, annotations only).
 */
export function prometheusUnit(ucum: string): string {
  const unit = ucum.replace(/\{[^}]*\}/g, "").trim();
  const slash = unit.indexOf("/");
  if (slash < 0) return unitWord(unit, UNIT_WORDS);
  const numerator = unitWord(unit.slice(0, slash), UNIT_WORDS);
  const denominator = unitWord(unit.slice(slash + 1), PER_UNIT_WORDS);
  if (denominator === "") return numerator;
  return numerator === "" ? `per_${denominator}` : `${numerator}_per_${denominator}`;
}

/**
 * The metric family name for a metric path: snake case, unit suffix added when missing, and
 * for counters without the `_total` that their samples carry.
 */
export function familyName(path: string, unit: string, counter: boolean): string {
  let name = sanitize(path.replace(/^\/+/, "").replaceAll("/", "_"));
  if (name === "" || /^[0-9]/.test(name)) name = `_${name}`;
  if (counter && name.endsWith("_total")) name = name.slice(0, -"_total".length);
  if (unit !== "" && !name.endsWith(`_${unit}`)) name = `${name}_${unit}`;
  return name;
}

/**
 * Label names for a metric's tags: the tag name, sanitised, prefixed with `tag_` while it
 * equals one of the labels the exporter adds (`reserved`) or another tag's label.
 */
export function labelNames(
  tags: readonly string[],
  reserved: readonly string[],
): Map<string, string> {
  const taken = new Set(reserved);
  const labels = new Map<string, string>();
  for (const tag of tags) {
    let label = sanitize(tag);
    if (label === "" || /^[0-9_]/.test(label)) label = `tag_${label}`;
    while (taken.has(label)) label = `tag_${label}`;
    taken.add(label);
    labels.set(tag, label);
  }
  return labels;
}
