// Sonde's own collection protocol in the byte benchmark (collection-bytes.ts): the real SDK
// client (`CollectClient` of @sonde/sdk) over gRPC through a counting proxy to a real collector.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startCollector } from "@sonde/collector";
import { startSonde } from "@sonde/sdk";
import type { CollectionPeer } from "./collection-bytes-peer.js";
import { steadyBytes } from "./collection-bytes-peer.js";
import { countingProxy } from "./collection-bytes-proxy.js";
import { recordIntoSonde } from "./workload/collection-record.js";

/**
 * Records each interval into Sonde instruments (`recordIntoSonde`), pushes it with the
 * interval's simulated time, and waits until the collector acknowledged it (stored in DuckDB),
 * so every byte of the interval has passed the proxy. The collector's policy pushes everything
 * once an hour, so no timer-driven push mixes in; the SDK sends only the workload's metrics.
 */
export const sondePeer: CollectionPeer = async (workload) => {
  const directory = await mkdtemp(join(tmpdir(), "sonde-bytes-"));
  const policy = join(directory, "policy.yaml");
  await writeFile(policy, `- prefix: "/"\n  interval: 1h\n`);
  const collector = await startCollector({
    httpPort: 0,
    grpcPort: 0,
    storage: join(directory, "data.duckdb"),
    policy,
  });
  const proxy = await countingProxy(collector.grpcPort ?? 0);
  const sonde = startSonde({
    serviceName: "bench",
    protocol: "sonde",
    collector: `127.0.0.1:${proxy.port}`,
    defaultMetrics: false,
    instrumentHttp: false,
    instrumentFetch: false,
    exitHooks: false,
  });
  const client = sonde.collectClient;
  if (client === undefined) throw new Error("startSonde did not use the Sonde protocol");
  const record = recordIntoSonde(workload);
  try {
    return await steadyBytes(
      workload,
      async (interval) => {
        record(interval);
        client.pushAllMetrics(interval.timeMs);
        if (!(await client.waitForAcks(30_000))) throw new Error("batch not acknowledged");
      },
      proxy.upstreamBytes,
    );
  } finally {
    await sonde.shutdown();
    await proxy.close();
    await collector.close();
    await rm(directory, { recursive: true, force: true });
  }
};
