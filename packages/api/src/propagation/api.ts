import { context } from "../context/api.js";
import type { Context } from "../context/types.js";
import { diag } from "../diag.js";
import { sondeGlobal } from "../global.js";
import type { HeadersCarrier, TextMapGetter, TextMapPropagator, TextMapSetter } from "./types.js";

/** Reads a plain headers object; keys are looked up lower-case, numbers become strings. */
export const headersGetter: TextMapGetter<HeadersCarrier> = {
  get(carrier, key) {
    const value = carrier[key];
    return typeof value === "number" ? String(value) : value;
  },
  keys(carrier) {
    return Object.keys(carrier);
  },
};

/** Writes into a plain headers object. */
export const headersSetter: TextMapSetter<HeadersCarrier> = {
  set(carrier, key, value) {
    carrier[key] = value;
  },
};

const NOOP_PROPAGATOR: TextMapPropagator = {
  inject: () => {},
  extract: (ctx) => ctx,
  fields: () => [],
};

function propagator(): TextMapPropagator {
  return sondeGlobal.implementation?.propagator ?? NOOP_PROPAGATOR;
}

/**
 * Context propagation through carriers such as HTTP headers (W3C `traceparent` and
 * `tracestate` once the SDK is installed; noops before). Never throws.
 *
 * - `inject(carrier, setter?, ctx?)` writes the span context of `ctx` (default: the active
 *   context) into `carrier` (default setter: plain headers object).
 * - `extract(carrier, getter?, ctx?)` returns `ctx` (default: active) with the remote span
 *   context read from `carrier` set as its span, or `ctx` unchanged when the carrier has no
 *   valid `traceparent`.
 * - `fields()` lists the carrier keys used.
 *
 * @example
 * const headers = {}; propagation.inject(headers); // { traceparent: "00-…-…-01" }
 * const parent = propagation.extract(req.headers);
 */
export const propagation = {
  inject<C = HeadersCarrier>(
    carrier: C,
    setter: TextMapSetter<C> = headersSetter as unknown as TextMapSetter<C>,
    ctx: Context = context.active(),
  ): void {
    try {
      propagator().inject(ctx, carrier, setter);
    } catch (error) {
      diag.report({ code: "internal_error", message: "inject failed", key: "propagation", error });
    }
  },
  extract<C = HeadersCarrier>(
    carrier: C,
    getter: TextMapGetter<C> = headersGetter as unknown as TextMapGetter<C>,
    ctx: Context = context.active(),
  ): Context {
    try {
      return propagator().extract(ctx, carrier, getter);
    } catch (error) {
      diag.report({ code: "internal_error", message: "extract failed", key: "propagation", error });
      return ctx;
    }
  },
  fields(): string[] {
    return propagator().fields();
  },
} as const;
