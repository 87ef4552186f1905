import type { Server, ServiceDefinition } from "@grpc/grpc-js";
import { decodeLogsRequest, logsRequestFromObject, type ResourceLogsRecord } from "@sonde/protocol";
import type { FastifyInstance } from "fastify";
import type { SignalStore } from "../storage/signal-store.js";
import { exportHandler, exportMethod } from "./otlp-grpc.js";
import { decode, failure, otlpBodies, success } from "./otlp-http.js";
import type { IngestStats } from "./stats.js";

const store = (signals: SignalStore, records: ResourceLogsRecord[]) =>
  signals.insert(records.map((r) => ({ ...r })));

/**
 * OTLP logs receivers (OTLP spec; logs/v1): `POST /v1/logs` (protobuf or JSON, optionally
 * gzip) and the gRPC `opentelemetry.proto.collector.logs.v1.LogsService/Export`. Records with
 * an `event.name` attribute are stored as events, those with `exception.*` attributes as
 * errors, the rest as logs (see `logsRequestFromObject`); answered once stored; malformed → 400
 * / INVALID_ARGUMENT with nothing stored.
 */
export function registerOtlpLogs(
  app: FastifyInstance,
  grpc: Server,
  signals: SignalStore,
  stats: IngestStats,
  bodyLimit: number,
): void {
  app.register(async (scope) => {
    otlpBodies(scope, bodyLimit);
    scope.post("/v1/logs", async (req, reply) => {
      try {
        const records = decode(req, bodyLimit, decodeLogsRequest, logsRequestFromObject);
        stats.logRecords += await store(signals, records);
        return success(req, reply);
      } catch (e) {
        stats.rejectedRequests++;
        return failure(reply, e);
      }
    });
  });
  const service = "opentelemetry.proto.collector.logs.v1.LogsService";
  grpc.addService({ Export: exportMethod(service) } as ServiceDefinition, {
    Export: exportHandler(stats, decodeLogsRequest, async (records) => {
      stats.logRecords += await store(signals, records);
    }),
  });
}
