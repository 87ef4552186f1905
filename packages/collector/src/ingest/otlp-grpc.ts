import {
  type Server,
  type ServerUnaryCall,
  type ServiceDefinition,
  type sendUnaryData,
  status,
} from "@grpc/grpc-js";
import { decodeMetricsRequest, decodeTraceRequest } from "@sonde/protocol";
import type { DuckDbStore } from "../storage/duckdb-store.js";
import { storeMetricPoints } from "./otlp-metrics.js";
import type { IngestStats } from "./stats.js";

type Handler = (call: ServerUnaryCall<Buffer, null>, callback: sendUnaryData<null>) => void;

/**
 * A unary `Export` method whose request stays raw bytes (decoded in the handler, so that a
 * malformed message can be answered INVALID_ARGUMENT; a throwing deserializer would give INTERNAL)
 * and whose response is an empty `Export*ServiceResponse` (zero bytes in protobuf).
 */
export const exportMethod = (service: string) => ({
  path: `/${service}/Export`,
  requestStream: false,
  responseStream: false,
  requestSerialize: (b: Buffer) => b,
  requestDeserialize: (b: Buffer) => b,
  responseSerialize: () => Buffer.alloc(0),
  responseDeserialize: () => null,
});

/** Decodes, stores (awaited), counts, and answers OK / INVALID_ARGUMENT / UNAVAILABLE. */
export function exportHandler<T>(
  stats: IngestStats,
  decode: (bytes: Buffer) => T,
  store: (records: T) => Promise<void>,
): Handler {
  return async (call, callback) => {
    let records: T;
    try {
      records = decode(call.request);
    } catch (e) {
      stats.rejectedRequests++;
      callback({
        code: status.INVALID_ARGUMENT,
        details: `malformed OTLP: ${(e as Error).message}`,
      });
      return;
    }
    try {
      await store(records);
    } catch (e) {
      stats.rejectedRequests++;
      callback({ code: status.UNAVAILABLE, details: `storage failed: ${(e as Error).message}` });
      return;
    }
    callback(null, null);
  };
}

/**
 * Adds the OTLP/gRPC receivers (OTLP spec, "OTLP/gRPC"; services from opentelemetry-proto
 * `collector/trace/v1/trace_service.proto` and `collector/metrics/v1/metrics_service.proto`) to
 * `server`: `opentelemetry.proto.collector.trace.v1.TraceService/Export` and
 * `opentelemetry.proto.collector.metrics.v1.MetricsService/Export`. The answer is sent once the
 * data is stored; a malformed message gets INVALID_ARGUMENT and nothing of it is stored; a storage
 * failure gets UNAVAILABLE (retryable per the spec). The message size limit is the server's
 * `grpc.max_receive_message_length` (RESOURCE_EXHAUSTED above it). Throws nothing.
 */
export function registerOtlpGrpc(server: Server, store: DuckDbStore, stats: IngestStats) {
  const traces = "opentelemetry.proto.collector.trace.v1.TraceService";
  const metrics = "opentelemetry.proto.collector.metrics.v1.MetricsService";
  server.addService({ Export: exportMethod(traces) } as ServiceDefinition, {
    Export: exportHandler(stats, decodeTraceRequest, async (batches) => {
      stats.spans += await store.insertSpans(batches);
    }),
  });
  server.addService({ Export: exportMethod(metrics) } as ServiceDefinition, {
    Export: exportHandler(stats, decodeMetricsRequest, async (points) => {
      stats.metricPoints += await storeMetricPoints(store.metrics, points);
    }),
  });
}
