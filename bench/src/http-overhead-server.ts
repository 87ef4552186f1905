// The server of the HTTP overhead benchmark, run as a child process:
//   node http-overhead-server.js <none|als|sonde|sonde-10%|sonde-collect|sonde-noop|otel> <sink>
// (<sink>: the OTLP endpoint, or for sonde-collect the collector's host:port)
// A minimal node:http server answering "hello world": bare; with only an AsyncLocalStorage
// context per request (`als`: what any AsyncLocalStorage-based tracer pays before its first
// span); with Sonde (`startSonde`, all defaults, exporting OTLP/HTTP; `sonde-10%`: the same
// sampling 10% of traces by trace id; `sonde-collect`: exporting over the Sonde collection
// protocol instead, `startSonde`'s default without an endpoint; or with a no-op exporter) or with
// @opentelemetry/sdk-node + instrumentation-http exporting OTLP/HTTP protobuf.
// IPC: sends { port } once listening; "cpu" → { cpuMicros }.
import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

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
  } else if (mode !== "none" && mode !== "als") {
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
const storage = new AsyncLocalStorage<{ request: IncomingMessage }>();
const server = http.createServer(
  mode === "als" ? (req, res) => storage.run({ request: req }, handle, req, res) : handle,
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
