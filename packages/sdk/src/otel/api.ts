/**
 * The parts of the `@opentelemetry/api` module (version 1.x) the bridge uses, written out so
 * that @sonde/sdk neither depends on nor imports it: pass the module itself, e.g.
 * `import * as otel from "@opentelemetry/api"`. Any copy of api 1.x works, because they share
 * one registration per process.
 */
export interface OpenTelemetryApi {
  trace: { setGlobalTracerProvider(provider: never): boolean; disable(): void };
  context: { setGlobalContextManager(manager: never): boolean; disable(): void };
  propagation: { setGlobalPropagator(propagator: never): boolean; disable(): void };
  createTraceState(rawTraceState?: string): unknown;
}
