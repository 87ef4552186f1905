import type { Context, TextMapGetter, TextMapPropagator, TextMapSetter } from "@sonde/api";
import { diag } from "@sonde/api";
import { baggagePropagator } from "./baggage.js";
import { traceContextPropagator } from "./trace-context.js";

function failed(action: string, error: unknown): void {
  diag.report({ code: "internal_error", message: `${action} failed`, key: "propagation", error });
}

/**
 * One propagator made of several: `inject` runs each in order, `extract` threads the context
 * through each in order, `fields` is the union. A propagator that throws is reported through
 * `diag` (`internal_error`) and skipped; the others still run. Never throws.
 */
export function compositePropagator(propagators: readonly TextMapPropagator[]): TextMapPropagator {
  const list = [...propagators];
  return {
    inject<C>(context: Context, carrier: C, setter: TextMapSetter<C>): void {
      for (const propagator of list) {
        try {
          propagator.inject(context, carrier, setter);
        } catch (error) {
          failed("inject", error);
        }
      }
    },
    extract<C>(context: Context, carrier: C, getter: TextMapGetter<C>): Context {
      let result = context;
      for (const propagator of list) {
        try {
          result = propagator.extract(result, carrier, getter);
        } catch (error) {
          failed("extract", error);
        }
      }
      return result;
    },
    fields(): string[] {
      return [...new Set(list.flatMap((propagator) => propagator.fields()))];
    },
  };
}

/** The SDK's default propagator: W3C Trace Context (`traceparent`, `tracestate`) and W3C Baggage. */
export const w3cPropagator: TextMapPropagator = compositePropagator([
  traceContextPropagator,
  baggagePropagator,
]);
