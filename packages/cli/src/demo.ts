import { runDemo } from "@sonde/demo";
import { onShutdown } from "./shutdown.js";

/** `sonde demo`: collector + instrumented demo services + load, until SIGINT/SIGTERM. */
export async function demo(opts: { httpPort: number; storage: string; rate: number }) {
  const running = await runDemo({
    httpPort: opts.httpPort,
    storage: opts.storage,
    rate: opts.rate,
  });
  console.log(`Sonde demo running. Open the UI: ${running.collector.url}/`);
  const grpc = running.collector.grpcPort;
  console.log(
    grpc === null
      ? `  OTLP/HTTP ${running.collector.url}/v1/traces (gRPC off: its port is taken; the services use OTLP/HTTP)`
      : `  Sonde collection protocol and OTLP/gRPC 127.0.0.1:${grpc}   OTLP/HTTP ${running.collector.url}/v1/traces`,
  );
  console.log(
    `  services: ${Object.entries(running.services)
      .map(([n, u]) => `${n} ${u}`)
      .join(", ")}`,
  );
  console.log(`  storage ${opts.storage}; ${opts.rate} requests/s to web. Ctrl-C stops.`);
  onShutdown(() => running.stop());
}
