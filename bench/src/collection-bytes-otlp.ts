// OTLP/HTTP protobuf with gzip, cumulative or delta temporality: the real OpenTelemetry JS
// SDK (@opentelemetry/sdk-metrics) and exporter (@opentelemetry/exporter-metrics-otlp-proto),
// collected and exported once per simulated interval by `forceFlush`.
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import type { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import {
  AggregationTemporality,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import type { CollectionPeer } from "./collection-bytes-peer.js";
import { steadyBytes } from "./collection-bytes-peer.js";
import { countingProxy } from "./collection-bytes-proxy.js";
import { httpSink } from "./collection-bytes-sink.js";
import { recordIntoOpenTelemetry } from "./workload/collection-record.js";

/**
 * The OTLP peer for one temporality. Counts the bytes the exporter writes (HTTP request
 * headers and gzip bodies) through a counting proxy to a sink that answers 200. The reader's
 * timer is set far beyond the run; every interval ends with `reader.forceFlush()`, which
 * resolves once the sink has answered.
 */
export function otlpPeer(temporality: "cumulative" | "delta"): CollectionPeer {
  return async (workload) => {
    const sink = await httpSink(200, "application/x-protobuf");
    const proxy = await countingProxy(sink.port);
    const exporter = new OTLPMetricExporter({
      url: `http://127.0.0.1:${proxy.port}/v1/metrics`,
      compression: "gzip" as CompressionAlgorithm,
      temporalityPreference:
        temporality === "delta" ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE,
    });
    const reader = new PeriodicExportingMetricReader({
      exporter,
      exportIntervalMillis: 2 ** 31 - 1,
      exportTimeoutMillis: 30_000,
    });
    const provider = new MeterProvider({
      // As the NodeSDK would: the SDK's own attributes and a service name.
      resource: defaultResource().merge(resourceFromAttributes({ "service.name": "bench" })),
      readers: [reader],
    });
    const record = recordIntoOpenTelemetry(workload, provider.getMeter("bench"));
    try {
      return await steadyBytes(
        workload,
        async (interval) => {
          record(interval);
          await reader.forceFlush();
        },
        proxy.upstreamBytes,
      );
    } finally {
      await provider.shutdown();
      await proxy.close();
      await sink.close();
    }
  };
}
