import { startCollector } from "@sonde/collector";
import { onShutdown } from "./shutdown.js";

/** `sonde serve`: runs the collector until SIGINT/SIGTERM. */
export async function serve(opts: {
  httpPort: number;
  host: string;
  storage: string;
  bodyLimit: number;
}) {
  const collector = await startCollector({
    httpPort: opts.httpPort,
    host: opts.host,
    storage: opts.storage,
    bodyLimit: opts.bodyLimit,
  });
  console.log(`Sonde collector listening on ${collector.url} (storage ${opts.storage})`);
  console.log(`  UI ${collector.url}/   OTLP/HTTP ${collector.url}/v1/traces`);
  onShutdown(() => collector.close());
}
