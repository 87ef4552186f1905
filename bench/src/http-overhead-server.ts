// The server of the HTTP overhead benchmark, run as a child process:
//   node http-overhead-server.js <none|als|floor|sonde|sonde-10%|sonde-collect|sonde-noop|otel> <sink>
// (<sink>: the OTLP endpoint, or for sonde-collect the collector's host:port)
// A minimal node:http server answering "hello world": bare; with only an AsyncLocalStorage
// context per request (`als`: what any AsyncLocalStorage-based tracer pays before its first
// span); `floor`: about the least an in-process tracer does per request, written inline (below);
// with Sonde (`startSonde`, all defaults, exporting OTLP/HTTP; `sonde-10%`: the same
// sampling 10% of traces by trace id; `sonde-collect`: exporting over the Sonde collection
// protocol instead, `startSonde`'s default without an endpoint; or with a no-op exporter) or with
// @opentelemetry/sdk-node + instrumentation-http exporting OTLP/HTTP protobuf.
// IPC: sends { port } once listening; "cpu" → { cpuMicros }.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

const [mode, endpoint] = process.argv.slice(2);

async function instrument(): Promise<void> {
  if (mode === "sonde") {
    const { startSonde } = await import("@sonde/sdk");
    startSonde({ serviceName: "bench-http", endpoint });
  } else if (mode === "sonde-10%") {
    const { parentBasedSampler, startSonde, traceIdRatioSampler } = await import("@sonde/sdk");
    const sampler = parentBasedSampler({ root: traceIdRatioSampler(0.1) });
    startSonde({ serviceName: "bench-http", endpoint, sampler });
  } else if (mode === "sonde-collect") {
    const { startSonde } = await import("@sonde/sdk");
    startSonde({ serviceName: "bench-http", collector: endpoint });
  } else if (mode === "sonde-noop") {
    // Spans recorded and handed to an exporter that drops them: no encoding, no sending.
    const { startSonde } = await import("@sonde/sdk");
    const ok = async () => ({ ok: true as const });
    startSonde({
      serviceName: "bench-http",
      exporter: { exportSpans: ok, exportMetrics: ok, shutdown: async () => {} },
    });
  } else if (mode === "otel") {
    const { NodeSDK } = await import("@opentelemetry/sdk-node");
    const { OTLPTraceExporter } = await import("@opentelemetry/exporter-trace-otlp-proto");
    const { HttpInstrumentation } = await import("@opentelemetry/instrumentation-http");
    new NodeSDK({
      serviceName: "bench-http",
      traceExporter: new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }),
      instrumentations: [new HttpInstrumentation()],
    }).start();
  } else if (mode !== "none" && mode !== "als" && mode !== "floor") {
    throw new Error(`unknown mode ${mode}`);
  }
}

await instrument();
// Loaded with require after the SDKs started: OpenTelemetry patches node:http when it is
// required (require-in-the-middle); Sonde patches it either way.
const http = createRequire(import.meta.url)("node:http") as typeof import("node:http");
const handle = (_req: IncomingMessage, res: ServerResponse) => {
  res.setHeader("content-type", "text/plain");
  res.end("hello world");
};
const storage = new AsyncLocalStorage<object>();

// `floor`: a minimal tracer, about the least one recording every request can do: a span with
// random W3C ids, start and end times, four attributes and the status code, active in an
// AsyncLocalStorage context while the handler runs, ended on the response's `close` and kept
// in a batch of 512. No propagation, no context for the request's and response's events, no
// span metrics, no export: about what no AsyncLocalStorage-based tracer can avoid (one could
// still save the `close` listener per response, as Sonde does with a patch of `emit`).
let idHex = "";
let idAt = 0;
function randomId(length: number): string {
  if (idAt + length > idHex.length) {
    idHex = randomBytes(8192).toString("hex");
    idAt = 0;
  }
  idAt += length;
  return idHex.slice(idAt - length, idAt);
}
interface FloorSpan {
  traceId: string;
  spanId: string;
  name: string;
  startMs: number;
  endMs: number;
  status: number;
  attributes: Record<string, string>;
}
const batch: FloorSpan[] = [];
function floor(req: IncomingMessage, res: ServerResponse): void {
  const span: FloorSpan = {
    traceId: randomId(32),
    spanId: randomId(16),
    name: req.method ?? "HTTP",
    startMs: performance.now(),
    endMs: 0,
    status: 0,
    attributes: {
      "http.request.method": req.method ?? "",
      "url.path": req.url ?? "",
      "url.scheme": "http",
      "network.protocol.version": req.httpVersion,
    },
  };
  res.on("close", () => {
    span.endMs = performance.now();
    span.status = res.statusCode;
    batch.push(span);
    if (batch.length === 512) batch.length = 0;
  });
  storage.run(span, handle, req, res);
}

const server = http.createServer(
  mode === "als"
    ? (req, res) => storage.run({ request: req }, handle, req, res)
    : mode === "floor"
      ? floor
      : handle,
);
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on("message", (message) => {
  if (message !== "cpu") return;
  const { user, system } = process.cpuUsage();
  process.send?.({ cpuMicros: user + system });
});
process.on("disconnect", () => process.exit(0));
