import http from "node:http";
import https from "node:https";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { context } from "@sonde/api";
import {
  encodeLogsRequest,
  encodeMetricsRequest,
  encodeTraceRequest,
  type MetricPointRecord,
  type ResourceSpansRecord,
  type SignalsRecord,
} from "@sonde/protocol";
import { suppressTracing } from "../trace/context-manager.js";
import type { Exporter, ExportResult } from "./exporter.js";

const gzipAsync = promisify(gzip);

/** Options for {@link OtlpHttpExporter}. */
export interface OtlpHttpExporterOptions {
  /**
   * Where to send, either a base URL (`http://127.0.0.1:4318`, `https://otlp.example.com/otlp`)
   * to which `/v1/traces` and `/v1/metrics` are appended (OTLP `OTEL_EXPORTER_OTLP_ENDPOINT`
   * rule), or the full URL of the traces (`…/v1/traces`) or metrics (`…/v1/metrics`) endpoint,
   * from which the other is derived by swapping the last path segment.
   */
  endpoint: string;
  /** The traces URL, used as is; overrides what `endpoint` gives. */
  tracesEndpoint?: string;
  /** The metrics URL, used as is; overrides what `endpoint` gives. */
  metricsEndpoint?: string;
  /**
   * Headers sent with every request, e.g. `{ authorization: "Bearer …" }` or a vendor's API
   * key header. `content-type`, `content-length` and `content-encoding` are set by the exporter.
   */
  headers?: Readonly<Record<string, string>>;
  /** `"gzip"` compresses bodies (`Content-Encoding: gzip`, OTLP/HTTP). Default `"none"`. */
  compression?: "gzip" | "none";
  /** Per-request timeout in milliseconds. Default 10000. */
  timeoutMs?: number;
}

const SIGNAL_PATH = /\/v1\/(traces|metrics|logs)$/;

/** The traces, metrics and logs URLs an {@link OtlpHttpExporterOptions.endpoint} stands for. */
export function otlpUrls(endpoint: string): { traces: string; metrics: string; logs: string } {
  const base = endpoint.trim().replace(/\/+$/, "");
  const full = SIGNAL_PATH.exec(base);
  const root = full === null ? base : base.slice(0, full.index);
  return { traces: `${root}/v1/traces`, metrics: `${root}/v1/metrics`, logs: `${root}/v1/logs` };
}

/**
 * Sends OTLP/HTTP requests with binary protobuf bodies (OTLP specification, "OTLP/HTTP") to
 * any OTLP receiver: the Sonde collector, an OpenTelemetry Collector, or a vendor endpoint
 * (with `headers` for its API key). Its own requests run with tracing suppressed, so the HTTP
 * instrumentation does not trace them. Never throws; a non-2xx answer, a socket error or a
 * timeout is returned as an error result.
 */
export class OtlpHttpExporter implements Exporter {
  readonly #traces: string;
  readonly #metrics: string;
  readonly #logs: string;
  readonly #headers: Record<string, string>;
  readonly #gzip: boolean;
  readonly #timeoutMs: number;
  readonly #agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 2 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 2 }),
  };
  #stopped = false;

  constructor(options: OtlpHttpExporterOptions) {
    const urls = otlpUrls(String(options.endpoint));
    this.#traces = options.tracesEndpoint ?? urls.traces;
    this.#metrics = options.metricsEndpoint ?? urls.metrics;
    this.#logs = urls.logs;
    this.#headers = { ...options.headers };
    this.#gzip = options.compression === "gzip";
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  exportSpans(batches: ResourceSpansRecord[]): Promise<ExportResult> {
    return this.#post(this.#traces, () => encodeTraceRequest(batches));
  }

  exportMetrics(points: MetricPointRecord[]): Promise<ExportResult> {
    return this.#post(this.#metrics, () => encodeMetricsRequest(points));
  }

  /** Events, logs and errors as OTLP log records (see `encodeLogsRequest`) to `/v1/logs`. */
  exportSignals(batches: SignalsRecord[]): Promise<ExportResult> {
    return this.#post(this.#logs, () => encodeLogsRequest(batches));
  }

  async shutdown(): Promise<void> {
    this.#stopped = true;
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  async #post(target: string, encode: () => Uint8Array): Promise<ExportResult> {
    if (this.#stopped) return { ok: false, error: new Error("exporter is shut down") };
    try {
      const url = new URL(target);
      const encoded = encode();
      const body = this.#gzip ? await gzipAsync(encoded) : encoded;
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
    const headers: Record<string, string | number> = {
      ...this.#headers,
      "content-type": "application/x-protobuf",
      "content-length": body.length,
    };
    if (this.#gzip) headers["content-encoding"] = "gzip";
    return new Promise((resolve) => {
      const request = (secure ? https : http).request(url, {
        method: "POST",
        agent: secure ? this.#agents.https : this.#agents.http,
        headers,
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
