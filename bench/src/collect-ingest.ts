// Collector ingest throughput of the Sonde collection protocol (issue 5: "≥ 1,000,000 samples/s
// decoded and stored by one collector process"). The issue's workload (collection-workload.ts:
// 1,000 series, 10% changing per interval) is recorded into real Sonde instruments and encoded
// once per interval by the SDK's session encoder for each of `sessions` simulated processes
// (distinct service names, so distinct series). Then every session's batches are written as
// fast as flow control allows over its own gRPC stream to a collector in a child process, and
// the clock stops when the last batch is acknowledged (durable in DuckDB). A sample is one series
// in one interval, unchanged ones included (they are stored as rows). Usage:
//   node bench/dist/collect-ingest.js [sessions=4] [intervals=600]
import { fork } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { credentials, Client as GrpcClient } from "@grpc/grpc-js";
import { COLLECT_METHOD, decodeServerMessage, encodeClientMessage } from "@sonde/protocol/collect";
import { CollectSession, type EncodedBatch, InMemoryExporter, startSonde } from "@sonde/sdk";
import { recordIntoSonde } from "./workload/collection-record.js";
import { collectionWorkload } from "./workload/collection-workload.js";

if (process.argv[2] === "collector") {
  // Child: a collector on a free gRPC port; reports the port, runs until disconnected.
  const { startCollector } = await import("@sonde/collector");
  const collector = await startCollector({ httpPort: 0, grpcPort: 0, storage: process.argv[3] });
  process.send?.({ port: collector.grpcPort });
  process.on("disconnect", async () => {
    await collector.close();
    process.exit(0);
  });
} else {
  await main();
}

async function main() {
  const sessions = Number(process.argv[2] ?? 4);
  const intervals = Number(process.argv[3] ?? 600);
  const workload = collectionWorkload({ intervals, warmupIntervals: 0 });
  const sonde = startSonde({
    serviceName: "bench",
    exporter: new InMemoryExporter(),
    defaultMetrics: false,
    instrumentHttp: false,
    instrumentFetch: false,
    exitHooks: false,
  });
  const record = recordIntoSonde(workload);
  const encoders = Array.from(
    { length: sessions },
    (_, i) =>
      new CollectSession(
        { "service.name": `bench-${i}` },
        1_700_000_000_000_000_000n,
        workload.start.timeMs,
      ),
  );
  const batches: EncodedBatch[][] = encoders.map(() => []);
  record(workload.start);
  const steps = [workload.start, ...workload.intervals];
  for (const step of steps) {
    if (step !== workload.start) record(step);
    const snapshots = sonde.readMetrics();
    for (const [i, encoder] of encoders.entries()) {
      const b = encoder.metricBatch(snapshots, step.timeMs);
      if (b) batches[i].push(b);
    }
  }
  await sonde.shutdown();
  const samples = batches.reduce((n, list) => n + list.reduce((m, b) => m + b.samples, 0), 0);
  const bytes = batches.reduce((n, list) => n + list.reduce((m, b) => m + b.bytes.length, 0), 0);

  const dir = mkdtempSync(join(tmpdir(), "sonde-collect-ingest-"));
  const storage = join(dir, "data.duckdb");
  const child = fork(fileURLToPath(import.meta.url), ["collector", storage], {
    execArgv: process.env.SONDE_PROFILE
      ? ["--cpu-prof", "--cpu-prof-dir", process.env.SONDE_PROFILE]
      : [],
  });
  const port = await new Promise<number>((resolve) =>
    child.once("message", (m: { port: number }) => resolve(m.port)),
  );
  const started = process.hrtime.bigint();
  const cpuBefore = await childCpu(child.pid ?? 0);
  await Promise.all(batches.map((list, i) => replay(port, encoders[i], list)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = (await childCpu(child.pid ?? 0)) - cpuBefore;
  child.disconnect();
  await new Promise((r) => child.once("exit", r));
  const fileBytes = statSync(storage).size;
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `Command: node bench/dist/collect-ingest.js ${sessions} ${intervals}\nNode ${process.version}, ${new Date().toISOString()}`,
  );
  console.log(
    "| sessions | batches | samples | wire bytes | seconds | samples/s | collector CPU s | samples per collector CPU s | DuckDB file bytes/sample |",
  );
  console.log("| --: | --: | --: | --: | --: | --: | --: | --: | --: |");
  const count = batches.reduce((n, l) => n + l.length, 0);
  console.log(
    `| ${sessions} | ${count} | ${samples} | ${bytes} | ${seconds.toFixed(2)} | ${Math.round(samples / seconds)} | ${cpu.toFixed(2)} | ${Math.round(samples / cpu)} | ${(fileBytes / samples).toFixed(2)} |`,
  );
}

/** CPU seconds (user + system) of a process, from /proc (Linux). */
async function childCpu(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const fields = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Announces the session, writes its batches, resolves when the last one is acknowledged. */
function replay(port: number, session: CollectSession, list: EncodedBatch[]): Promise<void> {
  const client = new GrpcClient(`127.0.0.1:${port}`, credentials.createInsecure());
  const stream = client.makeBidiStreamRequest(
    COLLECT_METHOD,
    (b: Uint8Array) => Buffer.from(b),
    (b: Buffer) => decodeServerMessage(b),
  );
  const last = list[list.length - 1].seq;
  return new Promise((resolve, reject) => {
    stream.on("error", reject);
    stream.on("data", (m: ReturnType<typeof decodeServerMessage>) => {
      if (m.policy) {
        // As the SDK client does on every connection: the session's definitions first.
        stream.write(encodeClientMessage({ define: session.defineAll() }));
        let i = 0;
        const write = () => {
          while (i < list.length)
            if (!stream.write(list[i++].bytes)) return stream.once("drain", write);
        };
        write();
      } else if (m.ack && m.ack.seq === last) {
        stream.end();
        client.close();
        resolve();
      }
    });
    stream.write(
      encodeClientMessage({
        announce: { sessionId: session.sessionId, timeBaseUnixMs: session.timeBaseMs },
      }),
    );
  });
}
