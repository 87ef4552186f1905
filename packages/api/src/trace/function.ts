import { context } from "../context/api.js";
import { sondeGlobal } from "../global.js";
import { metrics } from "../metrics/api.js";
import type { BoundCounter, BoundGauge, Counter, Gauge } from "../metrics/types.js";
import { isPromiseLike } from "./active.js";
import { getSpan, setSpan } from "./context-span.js";
import { errorMessage, errorName } from "./errors.js";
import { type Scope, startSpanUnder } from "./tracer.js";
import type { Attributes, Span, SpanKind, SpanOptions } from "./types.js";

/** Options for {@link traceFunction}. */
export interface TraceOptions {
  /** The kind of each call's span. Default `"internal"`. */
  kind?: SpanKind;
  /** Attributes set on each call's span. */
  attributes?: Attributes;
}

/** The instrumentation scope of the spans of traced functions. */
export const FUNCTION_SCOPE: Scope = Object.freeze({ name: "sonde.function", version: "" });

/** Distinct error names counted per function; further ones are counted as `other`. */
export const MAX_ERROR_NAMES = 16;

/** Traced function names remembered for the code usage report at most. */
export const MAX_TRACED_FUNCTIONS = 10_000;

declare module "../global.js" {
  interface SondeGlobal {
    /** Names of the functions wrapped by `trace(name, fn)` so far (the code usage report). */
    tracedFunctions?: Set<string>;
  }
}

/**
 * @internal Remembers that a function named `name` is traced, so that a code usage report can
 * list it even if it is never called (bounded by {@link MAX_TRACED_FUNCTIONS}).
 */
function declareTraced(name: string): void {
  sondeGlobal.tracedFunctions ??= new Set();
  const names = sondeGlobal.tracedFunctions;
  if (names.size < MAX_TRACED_FUNCTIONS) names.add(name);
}

/**
 * The names of the functions wrapped with `trace(name, fn)` so far in this process (by any
 * copy of the api), in declaration order, at most {@link MAX_TRACED_FUNCTIONS}: what a code
 * usage report lists even when never called.
 */
export function tracedFunctionNames(): string[] {
  return [...(sondeGlobal.tracedFunctions ?? [])];
}

interface FunctionMetrics {
  errors: Counter<{ function: "string"; error: "string" }>;
  concurrency: Gauge<{ function: "string" }, "int">;
}

let declared: FunctionMetrics | undefined;

function functionMetrics(): FunctionMetrics {
  declared ??= {
    errors: metrics.counter("/sonde/function/error_count", {
      description: "Calls of traced functions that threw or rejected, by error name.",
      unit: "1",
      tags: { function: "string", error: "string" },
      owner: "sonde",
    }),
    concurrency: metrics.gauge("/sonde/function/concurrency", {
      description: "Calls of a traced function in progress.",
      unit: "1",
      valueType: "int",
      tags: { function: "string" },
      owner: "sonde",
    }),
  };
  return declared;
}

/** Per traced function: its span options and metric handles, resolved once. */
class TracedFunction {
  readonly #name: string;
  readonly #options: SpanOptions;
  readonly #errorCount: FunctionMetrics["errors"];
  readonly #concurrency: BoundGauge<number | bigint, number | bigint>;
  readonly #errors = new Map<string, BoundCounter>();

  constructor(name: string, options: TraceOptions) {
    this.#name = name;
    declareTraced(name);
    this.#options = { kind: options.kind, attributes: options.attributes };
    const { errors, concurrency } = functionMetrics();
    this.#errorCount = errors;
    this.#concurrency = concurrency.bind({ function: name });
  }

  call<T, A extends unknown[], R>(self: T, fn: (this: T, ...args: A) => R, args: A): R {
    const active = context.active();
    const span = startSpanUnder(FUNCTION_SCOPE, this.#name, this.#options, getSpan(active));
    this.#concurrency.add(1);
    let result: R;
    try {
      result = context.with(setSpan(active, span), () => fn.apply(self, args));
    } catch (error) {
      this.#failed(span, error);
      throw error;
    }
    if (isPromiseLike(result)) {
      return Promise.resolve(result).then(
        (value) => {
          this.#succeeded(span);
          return value;
        },
        (error: unknown) => {
          this.#failed(span, error);
          throw error;
        },
      ) as R;
    }
    this.#succeeded(span);
    return result;
  }

  #succeeded(span: Span): void {
    this.#concurrency.add(-1);
    span.end();
  }

  #failed(span: Span, error: unknown): void {
    this.#concurrency.add(-1);
    span.recordException(error).setStatus("error", errorMessage(error)).end();
    this.#errorCounter(errorName(error)).add(1);
  }

  #errorCounter(name: string): BoundCounter {
    const known = this.#errors.get(name);
    if (known !== undefined) return known;
    const error = this.#errors.size < MAX_ERROR_NAMES ? name : "other";
    const counter =
      this.#errors.get(error) ?? this.#errorCount.bind({ function: this.#name, error });
    this.#errors.set(error, counter);
    return counter;
  }
}

/**
 * Wraps `fn` so that every call is traced, in the spirit of monkit's `Task`: each call runs in
 * a span named `name` (a child of the active span; its spans become children), and per
 * function the SDK keeps
 *
 * - a duration distribution and success/error counts: the span metric
 *   `/sonde/spans/duration{name, kind, status}` in milliseconds (status `unset` on success,
 *   `error` on failure; exact whatever the sampling);
 * - `/sonde/function/error_count{function, error}`: failures by error name — the error's
 *   string `code` (e.g. `ECONNRESET`) or else its class name (e.g. `TypeError`), at most
 *   {@link MAX_ERROR_NAMES} per function, then `other`;
 * - `/sonde/function/concurrency{function}`: a gauge of the calls in progress.
 *
 * A thrown exception or rejected promise is recorded on the span (`exception` event, status
 * `error`) and passed on unchanged; the result (value or promise) is returned as `fn` returns
 * it, `this` and arguments are passed through. A promise result is followed by one `then`
 * that ends the span. Without an SDK the wrapper only calls `fn`. Never throws itself. The
 * name is remembered (also before an SDK is installed) for the SDK's code usage report, which
 * lists traced functions that never ran.
 *
 * @example
 * const charge = trace("charge", async (order: Order) => gateway.charge(order));
 * await charge(order); // a span "charge", its duration and outcome counted
 */
export function traceFunction<T, A extends unknown[], R>(
  name: string,
  fn: (this: T, ...args: A) => R,
  options: TraceOptions = {},
): (this: T, ...args: A) => R {
  const traced = new TracedFunction(
    typeof name === "string" ? name : errorMessage(name),
    options ?? {},
  );
  return function (this: T, ...args: A): R {
    if (sondeGlobal.implementation === undefined) return fn.apply(this, args);
    return traced.call(this, fn, args);
  };
}
