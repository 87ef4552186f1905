// The server of the HTTP overhead benchmark, run as a child process:
//   node http-overhead-server.js <none|sonde|sonde-noop|otel> <OTLP endpoint>
// A minimal node:http server answering "hello world", bare, with Sonde (`startSonde`, all
// defaults, exporting OTLP/HTTP; or with a no-op exporter) or with @opentelemetry/sdk-node +
// instrumentation-http exporting OTLP/HTTP protobuf. IPC: sends { port } once listening; "cpu" → { cpuMicros }.
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

const [mode, endpoint] = process.argv.slice(2);

async function instrument(): Promise<void> {
  if (mode === "sonde") {
    const { startSonde } = await import("@sonde/sdk");
    startSonde({ serviceName: "bench-http", endpoint });
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
  } else if (mode !== "none") {
    throw new Error(`unknown mode ${mode}`);
  }
}

await instrument();
// Loaded with require after the SDKs started: OpenTelemetry patches node:http when it is
// required (require-in-the-middle); Sonde patches it either way.
const http = createRequire(import.meta.url)("node:http") as typeof import("node:http");
const server = http.createServer((_req, res) => {
  res.setHeader("content-type", "text/plain");
  res.end("hello world");
});
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on("message", (message) => {
  if (message !== "cpu") return;
  const { user, system } = process.cpuUsage();
  process.send?.({ cpuMicros: user + system });
});
process.on("disconnect", () => process.exit(0));
