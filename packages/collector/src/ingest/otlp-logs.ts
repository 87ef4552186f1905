import {
  type Server,
  type ServerUnaryCall,
  type ServiceDefinition,
  type sendUnaryData,
  status,
} from "@grpc/grpc-js";
import { decodeLogsRequest, logsRequestFromObject, type ResourceLogsRecord } from "@sonde/protocol";
import type { FastifyInstance } from "fastify";
import type { SignalStore } from "../storage/signal-store.js";
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
  const path = "/opentelemetry.proto.collector.logs.v1.LogsService/Export";
  const method = {
    path,
    requestStream: false,
    responseStream: false,
    requestSerialize: (b: Buffer) => b,
    requestDeserialize: (b: Buffer) => b,
    responseSerialize: () => Buffer.alloc(0),
    responseDeserialize: () => null,
  };
  grpc.addService({ Export: method } as ServiceDefinition, {
    Export: async (call: ServerUnaryCall<Buffer, null>, callback: sendUnaryData<null>) => {
      let records: ResourceLogsRecord[];
      try {
        records = decodeLogsRequest(call.request);
      } catch (e) {
        stats.rejectedRequests++;
        callback({
          code: status.INVALID_ARGUMENT,
          details: `malformed OTLP: ${(e as Error).message}`,
        });
        return;
      }
      try {
        stats.logRecords += await store(signals, records);
        callback(null, null);
      } catch (e) {
        callback({ code: status.UNAVAILABLE, details: `storage failed: ${(e as Error).message}` });
      }
    },
  });
}
