import type { Context } from "../context/types.js";

/** Reads fields from a carrier (e.g. incoming HTTP headers). Keys are lower-case. */
export interface TextMapGetter<C> {
  get(carrier: C, key: string): string | readonly string[] | undefined;
  keys(carrier: C): string[];
}

/** Writes fields into a carrier (e.g. outgoing HTTP headers). */
export interface TextMapSetter<C> {
  set(carrier: C, key: string, value: string): void;
}

/** A plain headers object as Node's `IncomingHttpHeaders` (lower-case keys). */
export type HeadersCarrier = Record<string, string | string[] | number | undefined>;

/**
 * Moves a context across process boundaries (the SDK provides W3C Trace Context). Never
 * throws; malformed input is ignored and `extract` returns `context` unchanged.
 */
export interface TextMapPropagator {
  inject<C>(context: Context, carrier: C, setter: TextMapSetter<C>): void;
  extract<C>(context: Context, carrier: C, getter: TextMapGetter<C>): Context;
  /** The carrier keys this propagator reads and writes, e.g. `["traceparent", "tracestate"]`. */
  fields(): string[];
}
