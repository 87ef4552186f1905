import { gunzipSync } from "node:zlib";
import {
  decodeMetricsRequest,
  decodeTraceRequest,
  metricsRequestFromObject,
  OtlpDecodeError,
  traceRequestFromObject,
} from "@sonde/protocol";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { DuckDbStore } from "../storage/duckdb-store.js";
import { storeMetricPoints } from "./otlp-metrics.js";
import type { IngestStats } from "./stats.js";

/** An error with the HTTP status it should be answered with. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The request body as bytes, gunzipped when `Content-Encoding: gzip`; the decompressed size is
 * held to the same limit as the raw body (a gzip bomb gets 413, not an out-of-memory).
 */
function bodyBytes(req: FastifyRequest, limit: number): Buffer {
  const raw = req.body as Buffer;
  const encoding = String(req.headers["content-encoding"] ?? "identity").toLowerCase();
  if (encoding === "identity") return raw;
  if (encoding !== "gzip") throw new HttpError(415, `unsupported Content-Encoding ${encoding}`);
  try {
    return gunzipSync(raw, { maxOutputLength: limit });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw new HttpError(413, `decompressed body exceeds the limit of ${limit} bytes`);
    }
    throw new HttpError(400, `invalid gzip body: ${(e as Error).message}`);
  }
}

/** Decodes an OTLP/HTTP body (protobuf or JSON by `Content-Type`, optionally gzip). */
export function decode<T>(
  req: FastifyRequest,
  limit: number,
  fromProto: (b: Buffer) => T,
  fromJson: (o: unknown) => T,
): T {
  const bytes = bodyBytes(req, limit);
  const type = String(req.headers["content-type"] ?? "")
    .split(";")[0]
    .trim()
    .toLowerCase();
  if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.toString("utf8"));
    } catch (e) {
      throw new HttpError(400, `invalid JSON: ${(e as Error).message}`);
    }
    return fromJson(parsed);
  }
  return fromProto(bytes);
}

/** Answers an OTLP export: an empty Export*ServiceResponse in the request's encoding. */
export function success(req: FastifyRequest, reply: FastifyReply) {
  const json = String(req.headers["content-type"] ?? "").startsWith("application/json");
  return json
    ? reply.type("application/json").send("{}")
    : reply.type("application/x-protobuf").send(Buffer.alloc(0));
}

/** Answers a failed export: 400 for malformed OTLP, or the status of an {@link HttpError}. */
export function failure(reply: FastifyReply, e: unknown) {
  if (e instanceof HttpError) return reply.code(e.status).send({ error: e.message });
  if (e instanceof OtlpDecodeError)
    return reply.code(400).send({ error: `malformed OTLP: ${e.message}` });
  throw e;
}

/** Makes `scope` take OTLP bodies (protobuf or JSON) as raw buffers up to `bodyLimit` bytes. */
export function otlpBodies(scope: FastifyInstance, bodyLimit: number): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    ["application/x-protobuf", "application/protobuf", "application/json"],
    { parseAs: "buffer", bodyLimit },
    (_req, body, done) => done(null, body),
  );
}

/**
 * OTLP/HTTP receiver (OTLP spec, "OTLP/HTTP"): `POST /v1/traces` and `POST /v1/metrics` with
 * `application/x-protobuf` or `application/json` bodies, optionally gzip-compressed. The answer
 * is sent once the data is stored; a malformed body gets 400 and nothing of it is stored; a
 * body over `bodyLimit` bytes (raw or decompressed) gets 413.
 */
export function registerOtlpHttp(
  app: FastifyInstance,
  store: DuckDbStore,
  stats: IngestStats,
  bodyLimit: number,
) {
  app.register(async (otlp) => {
    otlpBodies(otlp, bodyLimit);
    otlp.post("/v1/traces", async (req, reply) => {
      try {
        const batches = decode(req, bodyLimit, decodeTraceRequest, traceRequestFromObject);
        stats.spans += await store.insertSpans(batches);
        return success(req, reply);
      } catch (e) {
        stats.rejectedRequests++;
        return failure(reply, e);
      }
    });
    otlp.post("/v1/metrics", async (req, reply) => {
      try {
        const points = decode(req, bodyLimit, decodeMetricsRequest, metricsRequestFromObject);
        stats.metricPoints += await storeMetricPoints(store.metrics, points);
        return success(req, reply);
      } catch (e) {
        stats.rejectedRequests++;
        return failure(reply, e);
      }
    });
  });
}
