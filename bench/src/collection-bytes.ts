// Bytes per sample of metric collection formats on issue 5's workload (1,000 series, 10%
// changing per 1 s interval, 600 intervals, simulated time), all in one run: every byte the
// client writes to its socket, framing included, in steady state (after the start step and
// the workload's warm-up intervals). Usage: node bench/dist/collection-bytes.js [intervals=600]
import { cpus } from "node:os";
import { otlpPeer } from "./collection-bytes-otlp.js";
import type { ByteCount, CollectionPeer } from "./collection-bytes-peer.js";
import { prometheusTextPeer } from "./collection-bytes-prometheus.js";
import { remoteWritePeer } from "./collection-bytes-remote-write.js";
import { sondePeer } from "./collection-bytes-sonde.js";
import { statsdPeer } from "./collection-bytes-statsd.js";
import { entropyFloor } from "./workload/collection-entropy.js";
import { collectionWorkload } from "./workload/collection-workload.js";

const workload = collectionWorkload({ intervals: Number(process.argv[2] ?? 600) });
const steady = workload.intervals.slice(workload.warmupIntervals);
const changes = steady.reduce((n, i) => n + i.changes.length, 0);
const observations = steady.reduce(
  (n, i) => n + i.changes.reduce((m, c) => m + c.observations.length, 0),
  0,
);

const peers: [string, CollectionPeer][] = [
  ["Prometheus text 0.0.4 + gzip (scrape response)", prometheusTextPeer],
  ["OTLP/HTTP protobuf, cumulative + gzip", otlpPeer("cumulative")],
  ["statsd (DogStatsD tags, UDP payload)", statsdPeer],
  ["OTLP/HTTP protobuf, delta + gzip", otlpPeer("delta")],
  ["Prometheus remote-write 1.0 (protobuf + snappy)", remoteWritePeer],
  ["Sonde collection protocol", sondePeer],
];
const results = new Map<string, ByteCount & { seconds: number }>();
for (const [name, peer] of peers) {
  const t0 = performance.now();
  const count = await peer(workload);
  results.set(name, { ...count, seconds: (performance.now() - t0) / 1000 });
}
const floor = entropyFloor(workload);
results.set("rough entropy floor (which changed + varint deltas)", {
  bytes: Math.round(floor.whichBytes + floor.valueBytes),
  samples: floor.samples,
  note: `${(floor.whichBytes / floor.samples).toFixed(3)} B/sample which changed + ${(floor.valueBytes / floor.samples).toFixed(3)} varints`,
  seconds: 0,
});

const reference = results.get("OTLP/HTTP protobuf, delta + gzip");
const refPerSample = reference === undefined ? Number.NaN : reference.bytes / reference.samples;
console.log(
  `Command: node bench/dist/collection-bytes.js ${process.argv[2] ?? ""}`.trimEnd() +
    `\nNode ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "?"}, ${new Date().toISOString()}` +
    `\nWorkload: seed ${workload.seed}, ${workload.series.length} series, ${workload.intervals.length} intervals;` +
    ` counted: intervals ${workload.warmupIntervals}–${workload.intervals.length - 1}` +
    ` (${steady.length * workload.samplesPerInterval} samples, ${changes} changes,` +
    ` ${observations} distribution observations)\n`,
);
console.log("| format | bytes | B/sample | vs OTLP delta+gzip | notes |");
console.log("| :-- | --: | --: | --: | :-- |");
for (const [name] of [...peers, ["rough entropy floor (which changed + varint deltas)"]]) {
  const r = results.get(name as string);
  if (r === undefined) continue;
  const perSample = r.bytes / r.samples;
  const ratio = refPerSample / perSample;
  const vs =
    Math.abs(ratio - 1) < 0.005
      ? "1×"
      : ratio > 1
        ? `${ratio.toFixed(2)}× smaller`
        : `${(1 / ratio).toFixed(2)}× larger`;
  const notes = [r.note, r.seconds > 0 ? `${r.seconds.toFixed(1)} s` : undefined]
    .filter((n) => n !== undefined)
    .join("; ");
  console.log(`| ${name} | ${r.bytes} | ${perSample.toFixed(3)} | ${vs} | ${notes} |`);
}
