import type { Context } from "../context/types.js";
import { sondeGlobal } from "../global.js";
import type { Span } from "./types.js";

// Symbol.for so that every copy of the api finds the same span in a context.
const SPAN_KEY = Symbol.for("sonde.context.span");

/**
 * The span of `ctx`, or undefined. With a bridged tracing API (OpenTelemetry), that API's span
 * wins when it was set after Sonde's: the two keys disagree only then, because
 * {@link setSpan} always stores both.
 */
export function getSpan(ctx: Context): Span | undefined {
  const span = ctx.getValue(SPAN_KEY) as Span | undefined;
  const bridge = sondeGlobal.implementation?.tracing.bridge;
  if (bridge === undefined) return span;
  const foreign = ctx.getValue(bridge.key);
  if (foreign === undefined || (span !== undefined && bridge.toForeign(span) === foreign)) {
    return span;
  }
  return bridge.fromForeign(foreign) ?? span;
}

/** `ctx` with `span` as its span (and, with a bridged tracing API, that API's view of it). */
export function setSpan(ctx: Context, span: Span): Context {
  const next = ctx.setValue(SPAN_KEY, span);
  const bridge = sondeGlobal.implementation?.tracing.bridge;
  return bridge === undefined ? next : next.setValue(bridge.key, bridge.toForeign(span));
}
