import {
  registerImplementation,
  type SondeImplementation,
  unregisterImplementation,
} from "@sonde/api";
import { ErrorCapture } from "../errors/capture.js";
import { MetricRegistry } from "../metrics/registry.js";
import { w3cPropagator } from "../propagation/composite.js";
import { alwaysOnSampler } from "../sampling/sampler.js";
import { AsyncLocalStorageContextManager } from "../trace/context-manager.js";
import type { SdkSpan } from "../trace/span.js";
import { Tracing } from "../trace/tracing.js";
import { EventRecorder } from "./recorder.js";

/**
 * Installs the SDK's real parts (context manager, tracing, metrics) with events and error
 * capture, as `startSonde` will, for tests of issue 7's signals. Returns them and `stop`.
 */
export function installSdk(options: { owners?: string; root?: string } = {}) {
  const contextManager = new AsyncLocalStorageContextManager();
  const registry = new MetricRegistry({ maxSeriesPerMetric: 2000 });
  const spans: SdkSpan[] = [];
  const tracing = new Tracing((span) => spans.push(span), alwaysOnSampler, registry);
  const events = new EventRecorder({ maxQueueSize: 100 });
  const errors = new ErrorCapture({ root: options.root, owners: options.owners ?? "" });
  const implementation: SondeImplementation = {
    name: "@sonde/sdk test",
    contextManager,
    propagator: w3cPropagator,
    tracing,
    metrics: registry,
    events,
    errors,
  };
  if (!registerImplementation(implementation)) throw new Error("another SDK is installed");
  return {
    events,
    errors,
    tracing,
    spans,
    stop() {
      unregisterImplementation(implementation);
      contextManager.disable();
    },
  };
}
