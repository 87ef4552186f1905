import { startCollector } from "@sonde/collector";
import { onShutdown } from "./shutdown.js";

/** `sonde serve`: runs the collector until SIGINT/SIGTERM. */
export async function serve(opts: {
  httpPort: number;
  /** `--grpc-port`; when absent, the default 4317 is used if free (see `startCollector`). */
  grpcPort?: number;
  /** false with `--no-grpc`. */
  grpc: boolean;
  host: string;
  storage: string;
  bodyLimit: number;
  /** `--policy`: YAML collection policy file (see the collector's `CollectorOptions.policy`). */
  policy?: string;
}) {
  const collector = await startCollector({
    httpPort: opts.httpPort,
    grpcPort: opts.grpc ? opts.grpcPort : false,
    host: opts.host,
    storage: opts.storage,
    bodyLimit: opts.bodyLimit,
    policy: opts.policy,
  });
  console.log(`Sonde collector listening on ${collector.url} (storage ${opts.storage})`);
  console.log(`  UI ${collector.url}/   OTLP/HTTP ${collector.url}/v1/traces`);
  const grpc = collector.grpcPort === null ? "off" : `${opts.host}:${collector.grpcPort}`;
  console.log(`  OTLP/gRPC ${grpc}`);
  onShutdown(() => collector.close());
}
