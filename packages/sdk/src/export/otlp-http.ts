import http from "node:http";
import https from "node:https";
import { context } from "@sonde/api";
import {
  encodeMetricsRequest,
  encodeTraceRequest,
  type MetricPointRecord,
  type ResourceSpansRecord,
} from "@sonde/protocol";
import { suppressTracing } from "../trace/context-manager.js";
import type { Exporter, ExportResult } from "./exporter.js";

/** Options for {@link OtlpHttpExporter}. */
export interface OtlpHttpExporterOptions {
  /** Base URL; requests go to `${endpoint}/v1/traces` and `${endpoint}/v1/metrics`. */
  endpoint: string;
  /** Per-request timeout in milliseconds. Default 10000. */
  timeoutMs?: number;
}

/**
 * Sends OTLP/HTTP requests with binary protobuf bodies (OTLP spec, "OTLP/HTTP"). Its own
 * requests run with tracing suppressed, so the HTTP instrumentation does not trace them.
 * Never throws; a non-2xx answer, a socket error or a timeout is returned as an error result.
 */
export class OtlpHttpExporter implements Exporter {
  readonly #endpoint: string;
  readonly #timeoutMs: number;
  readonly #agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 2 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 2 }),
  };
  #stopped = false;

  constructor(options: OtlpHttpExporterOptions) {
    this.#endpoint = options.endpoint.replace(/\/+$/, "");
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  exportSpans(batches: ResourceSpansRecord[]): Promise<ExportResult> {
    return this.#post("/v1/traces", () => encodeTraceRequest(batches));
  }

  exportMetrics(points: MetricPointRecord[]): Promise<ExportResult> {
    return this.#post("/v1/metrics", () => encodeMetricsRequest(points));
  }

  async shutdown(): Promise<void> {
    this.#stopped = true;
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  async #post(path: string, encode: () => Uint8Array): Promise<ExportResult> {
    if (this.#stopped) return { ok: false, error: new Error("exporter is shut down") };
    try {
      const url = new URL(this.#endpoint + path);
      const body = encode();
      return await context.with(suppressTracing(context.active()), () => this.#send(url, body));
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  #send(url: URL, body: Uint8Array): Promise<ExportResult> {
    const secure = url.protocol === "https:";
    if (!secure && url.protocol !== "http:") {
      return Promise.resolve({ ok: false, error: new Error(`unsupported URL ${url.href}`) });
    }
    return new Promise((resolve) => {
      const request = (secure ? https : http).request(url, {
        method: "POST",
        agent: secure ? this.#agents.https : this.#agents.http,
        headers: { "content-type": "application/x-protobuf", "content-length": body.length },
        timeout: this.#timeoutMs,
      });
      request.on("response", (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        response.on("end", () =>
          resolve(
            status >= 200 && status < 300
              ? { ok: true }
              : { ok: false, error: new Error(`${url.href} answered HTTP ${status}`) },
          ),
        );
        response.on("error", (error) => resolve({ ok: false, error }));
        response.on("close", () =>
          resolve({ ok: false, error: new Error(`${url.href} closed the response early`) }),
        );
      });
      request.on("timeout", () => request.destroy(new Error(`${url.href} timed out`)));
      request.on("error", (error) => resolve({ ok: false, error }));
      request.end(body);
    });
  }
}
