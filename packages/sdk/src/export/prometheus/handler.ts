import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { setImmediate as nextTurn } from "node:timers/promises";
import { diag } from "@sonde/api";
import type { MetricSnapshot } from "../../metrics/read.js";
import { negotiateFormat } from "./negotiate.js";
import { CONTENT_TYPES, ExpositionWriter } from "./writer.js";

/** What a Prometheus endpoint reads: the SDK handle from `startSonde()`, or its registry. */
export interface PrometheusSource {
  /** Metric by metric, in chunks of at most `chunkSize` series (see the read contract). */
  readMetricsIncrementally(chunkSize?: number): AsyncIterable<MetricSnapshot>;
}

// Series asked of the source per chunk: the source reads a chunk without yielding (about
// 0.7 ms for 250 distribution series here).
const CHUNK_SIZE = 250;
// Longest serialising run before yielding to the event loop. With a chunk read and a young
// generation garbage collection (2-4 ms measured here) it stays under the 10 ms allowed.
const SLICE_MS = 3;
// Characters buffered before a write to the socket.
const FLUSH_CHARS = 64 * 1024;

/**
 * A `node:http` request handler answering with the current metrics in the Prometheus text
 * format 0.0.4 or OpenMetrics 1.0.0, chosen from the `Accept` header (see `negotiateFormat`).
 * It streams: it reads the source in chunks, serialises in slices of at most a few
 * milliseconds between which it yields to the event loop, and waits for `drain` when the
 * client reads slowly, so 100k series never stall the process for more than 10 ms at a time.
 *
 * Answers `GET` and `HEAD` (any path: mount it where you like), `405` otherwise. Never throws:
 * a failure before the first byte answers `500`; a failure after it aborts the response (the
 * scraper sees a truncated body and marks the scrape failed; OpenMetrics bodies end with
 * `# EOF`, so a cut is detectable). Failures are reported through `diag`
 * (`prometheus_scrape_failed`); name collisions too (`prometheus_name_collision`).
 *
 * @example
 * const handler = prometheusHandler(sonde);
 * http.createServer(handler).listen(9464, "127.0.0.1");
 * expressApp.get("/metrics", handler);
 * fastifyApp.get("/metrics", (request, reply) => {
 *   reply.hijack(); // Fastify leaves the response to the handler
 *   handler(request.raw, reply.raw);
 * });
 */
export function prometheusHandler(
  source: PrometheusSource,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    void scrape(source, request, response);
  };
}

async function scrape(
  source: PrometheusSource,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  try {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const format = negotiateFormat(request.headers.accept);
    const headers = { "Content-Type": CONTENT_TYPES[format], "Cache-Control": "no-store" };
    if (request.method === "HEAD") {
      response.writeHead(200, headers).end();
      return;
    }
    const writer = new ExpositionWriter(format);
    const flush = async (): Promise<void> => {
      if (!response.headersSent) response.writeHead(200, headers);
      if (!response.write(writer.take())) await drained(response);
    };
    let sliceStart = performance.now();
    for await (const snapshot of source.readMetricsIncrementally(CHUNK_SIZE)) {
      if (response.destroyed) return; // the client went away; leaving the loop ends the read
      const family = writer.family(snapshot);
      if (family === undefined) continue;
      for (const series of snapshot.series) {
        writer.series(family, series);
        if (writer.text.length >= FLUSH_CHARS) await flush();
        if (performance.now() - sliceStart >= SLICE_MS) {
          await nextTurn();
          sliceStart = performance.now();
        }
        if (response.destroyed) return;
      }
    }
    writer.finish();
    await flush();
    response.end();
  } catch (error) {
    fail(response, error);
  }
}

/** Resolves once `response` can take more data, or is closed. */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (response.destroyed) {
      resolve();
      return;
    }
    const done = (): void => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}

function fail(response: ServerResponse, error: unknown): void {
  diag.report({
    code: "prometheus_scrape_failed",
    key: "prometheus",
    message: `the Prometheus endpoint could not read the metrics: ${String(error)}`,
    error,
  });
  try {
    if (response.headersSent) {
      response.destroy();
      return;
    }
    response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    response.end("metrics could not be read\n");
  } catch {
    response.destroy();
  }
}
