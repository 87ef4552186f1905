// statsd over UDP: the hot-shots client (DogStatsD tags), buffering lines into datagrams of at
// most 1,432 bytes and flushed at the end of every simulated interval as its 1 s flush timer
// would. A UDP socket on 127.0.0.1 receives them and counts payload bytes and lines.
import { createSocket } from "node:dgram";
import StatsD from "hot-shots";
import type { CollectionPeer } from "./collection-bytes-peer.js";
import { steadyBytes } from "./collection-bytes-peer.js";
import { dottedName } from "./workload/collection-record.js";

/** Datagram payload limit: an Ethernet MTU less IP and UDP headers, hot-shots' advice. */
const MAX_DATAGRAM = 1432;

/**
 * The statsd peer: counters as `name:delta|c`, gauges as absolute `name:value|g`, each
 * distribution observation as `name:value|ms`, all with `|#route:…,method:…`. Bytes are UDP
 * payload bytes (the IPv4 + UDP headers, 28 bytes a datagram, are not counted; the datagram
 * count is in the result's `note`). Waits after each interval until every line has arrived and rejects
 * if one is lost (2 s).
 */
export const statsdPeer: CollectionPeer = async (workload) => {
  let bytes = 0;
  let lines = 0;
  let datagrams = 0;
  const receiver = createSocket("udp4");
  receiver.on("message", (msg) => {
    datagrams++;
    bytes += msg.length;
    for (const b of msg) if (b === 10) lines++;
    lines++;
  });
  await new Promise<void>((resolve) => receiver.bind(0, "127.0.0.1", resolve));
  const client = new StatsD({
    host: "127.0.0.1",
    port: receiver.address().port,
    protocol: "udp",
    maxBufferSize: MAX_DATAGRAM,
    bufferFlushInterval: 2 ** 31 - 1,
    errorHandler: (error) => {
      failure = error;
    },
  });
  const flush = client as unknown as { flushQueue(callback: () => void): void };
  let failure: Error | undefined;
  let sent = 0;
  let datagramsBefore = 0;
  try {
    const result = await steadyBytes(
      workload,
      async (interval) => {
        if (interval.index === workload.warmupIntervals) datagramsBefore = datagrams;
        for (const change of interval.changes) {
          const { metric, tags } = workload.series[change.series];
          const name = dottedName(metric);
          const t = { route: tags.route, method: tags.method };
          if (metric.kind === "counter") client.increment(name, change.delta, t);
          else if (metric.kind === "gauge") client.gauge(name, change.value, t);
          else for (const v of change.observations) client.timing(name, v, t);
          sent += metric.kind === "distribution" ? change.observations.length : 1;
        }
        await new Promise<void>((resolve) => flush.flushQueue(resolve));
        if (failure !== undefined) throw failure;
        const deadline = Date.now() + 2000;
        while (lines < sent) {
          if (Date.now() > deadline) throw new Error(`statsd: ${sent - lines} lines lost`);
          await new Promise((resolve) => setImmediate(resolve));
        }
      },
      () => bytes,
    );
    return { ...result, note: `${datagrams - datagramsBefore} datagrams` };
  } finally {
    await new Promise<void>((resolve) => client.close(() => resolve()));
    receiver.close();
  }
};
