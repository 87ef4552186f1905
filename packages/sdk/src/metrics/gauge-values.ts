import { MAX_STRING_VALUE_LENGTH, type MetricDeclaration } from "@sonde/api";
import { clampInt64, compact, MAX_SAFE } from "./int64.js";
import type { ClampReason } from "./self-metrics.js";
import type { Series, SeriesTags } from "./series-table.js";

/** A numeric gauge series: `value` (NaN until set), or `big` for ints beyond 2^53 − 1. */
export class NumberSeries implements Series {
  value = Number.NaN;
  big: bigint | undefined = undefined;
  constructor(
    readonly tags: SeriesTags,
    readonly overflow: boolean,
    readonly startTimeUnixNano: bigint,
  ) {}
}

/** A string or bool gauge series: `value` (undefined until set). */
export class TextSeries implements Series {
  value: string | boolean | undefined = undefined;
  constructor(
    readonly tags: SeriesTags,
    readonly overflow: boolean,
    readonly startTimeUnixNano: bigint,
  ) {}
}

/**
 * How a gauge of one value type checks, stores and reads values. Separate series classes for
 * numbers and text keep V8's field representation monomorphic: a double field is updated in
 * place, where a field that also held strings boxed every double (measured on Node 20: 8
 * bytes allocated per set).
 */
export interface GaugeValues<S extends Series> {
  create(tags: SeriesTags, overflow: boolean, startTimeUnixNano: bigint): S;
  /** Whether `set` accepts `value`. */
  accepts(value: unknown): boolean;
  /** Whether `add` accepts `delta` (numeric gauges only). */
  acceptsDelta(delta: unknown): boolean;
  /** Stores an accepted value; answers why it was clamped, if it was. */
  set(series: S, value: unknown): ClampReason | undefined;
  /** Adds an accepted delta (to 0 when unset); answers why it was clamped, if it was. */
  add(series: S, delta: unknown): ClampReason | undefined;
  /** The value (`bigint` for ints), or undefined when never set. */
  read(series: S): bigint | number | string | boolean | undefined;
}

function isInt(value: unknown): boolean {
  return Number.isInteger(value) || typeof value === "bigint";
}

const INT: GaugeValues<NumberSeries> = {
  create: (tags, overflow, start) => new NumberSeries(tags, overflow, start),
  accepts: isInt,
  acceptsDelta: isInt,
  set(series, value) {
    if (Number.isSafeInteger(value)) {
      series.value = (value as number) + 0;
      series.big = undefined;
      return undefined;
    }
    const exact = BigInt(value as number | bigint);
    return store(series, exact);
  },
  add(series, delta) {
    const current = Number.isNaN(series.value) ? 0 : series.value;
    if (series.big === undefined && Number.isSafeInteger(delta)) {
      const value = current + (delta as number);
      if (value <= MAX_SAFE && value >= -MAX_SAFE) {
        series.value = value + 0;
        return undefined;
      }
    }
    return store(series, (series.big ?? BigInt(current)) + BigInt(delta as number | bigint));
  },
  read: (series) => series.big ?? (Number.isNaN(series.value) ? undefined : BigInt(series.value)),
};

/** Stores an exact int, clamped to int64, as a number when safe. */
function store(series: NumberSeries, exact: bigint): ClampReason | undefined {
  const clamped = clampInt64(exact);
  const value = compact(clamped);
  if (typeof value === "number") {
    series.value = value;
    series.big = undefined;
  } else {
    series.value = 0;
    series.big = value;
  }
  return clamped === exact ? undefined : "out_of_range";
}

const DOUBLE: GaugeValues<NumberSeries> = {
  create: (tags, overflow, start) => new NumberSeries(tags, overflow, start),
  accepts: Number.isFinite,
  acceptsDelta: Number.isFinite,
  set(series, value) {
    series.value = (value as number) + 0;
    return undefined;
  },
  add(series, delta) {
    const value = (Number.isNaN(series.value) ? 0 : series.value) + (delta as number);
    if (Number.isFinite(value)) {
      series.value = value + 0;
      return undefined;
    }
    series.value = value > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE;
    return "out_of_range";
  },
  read: (series) => (Number.isNaN(series.value) ? undefined : series.value),
};

const BOOL: GaugeValues<TextSeries> = {
  create: (tags, overflow, start) => new TextSeries(tags, overflow, start),
  accepts: (value) => typeof value === "boolean",
  acceptsDelta: () => false,
  set(series, value) {
    series.value = value as boolean;
    return undefined;
  },
  add: () => undefined,
  read: (series) => series.value,
};

function text(declaration: MetricDeclaration): GaugeValues<TextSeries> {
  const allowed =
    declaration.values === undefined
      ? undefined
      : new Map<unknown, string>(
          (declaration.inputs ?? declaration.values).map((input, i) => [
            input,
            (declaration.values as readonly string[])[i],
          ]),
        );
  return {
    create: (tags, overflow, start) => new TextSeries(tags, overflow, start),
    accepts: (value) => (allowed === undefined ? typeof value === "string" : allowed.has(value)),
    acceptsDelta: () => false,
    set(series, value) {
      const reported = allowed === undefined ? (value as string) : (allowed.get(value) as string);
      if (reported.length <= MAX_STRING_VALUE_LENGTH) {
        series.value = reported;
        return undefined;
      }
      series.value = reported.slice(0, MAX_STRING_VALUE_LENGTH);
      return "too_long";
    },
    add: () => undefined,
    read: (series) => series.value,
  };
}

/** The value handling for a gauge's declared value type. */
export function gaugeValues(declaration: MetricDeclaration): GaugeValues<Series> {
  const type = declaration.valueType;
  const values =
    type === "int" ? INT : type === "double" ? DOUBLE : type === "bool" ? BOOL : text(declaration);
  return values as unknown as GaugeValues<Series>;
}
