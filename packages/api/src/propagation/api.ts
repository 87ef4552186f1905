import { context } from "../context/api.js";
import type { Context } from "../context/types.js";
import { diag } from "../diag.js";
import { sondeGlobal } from "../global.js";
import { type Baggage, createBaggage, deleteBaggage, getBaggage, setBaggage } from "./baggage.js";
import { headersGetter, headersSetter } from "./carriers.js";
import type { HeadersCarrier, TextMapGetter, TextMapPropagator, TextMapSetter } from "./types.js";

const NOOP_PROPAGATOR: TextMapPropagator = {
  inject: () => {},
  extract: (ctx) => ctx,
  fields: () => [],
};

function propagator(): TextMapPropagator {
  return sondeGlobal.implementation?.propagator ?? NOOP_PROPAGATOR;
}

/**
 * Context propagation through carriers such as HTTP headers or message properties (W3C
 * `traceparent`, `tracestate` and `baggage` once the SDK is installed; noops before), and the
 * baggage carried in a context. Never throws.
 *
 * - `inject(carrier, setter?, ctx?)` writes the span context and baggage of `ctx` (default:
 *   the active context) into `carrier` (default setter: plain headers object; see also
 *   `fetchHeadersSetter` and `mapSetter`).
 * - `extract(carrier, getter?, ctx?)` returns `ctx` (default: active) with the remote span
 *   context and the baggage read from `carrier`; malformed fields are ignored and leave `ctx`
 *   unchanged in that respect.
 * - `fields()` lists the carrier keys used.
 * - `getBaggage(ctx?)` (default: active), `setBaggage(ctx, baggage)`, `deleteBaggage(ctx)`,
 *   `createBaggage(entries?)`: read and change the baggage of a context (contexts are
 *   immutable: run code under the result with `context.with`).
 *
 * @example
 * const headers = {}; propagation.inject(headers); // { traceparent: "00-…-…-01", baggage: … }
 * const parent = propagation.extract(req.headers);
 * const withTenant = propagation.setBaggage(
 *   context.active(),
 *   (propagation.getBaggage() ?? propagation.createBaggage()).setEntry("tenant", { value: "acme" }),
 * );
 * await context.with(withTenant, () => fetch(url)); // sends `baggage: tenant=acme`
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
  getBaggage(ctx: Context = context.active()): Baggage | undefined {
    return getBaggage(ctx);
  },
  setBaggage,
  deleteBaggage,
  createBaggage,
} as const;
