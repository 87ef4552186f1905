// Prometheus remote-write 1.0 (protobuf WriteRequest, snappy block compression): what a
// Prometheus server or agent that scrapes this process sends on, one request per scrape. The
// scrape is taken from prom-client's registry; the message is encoded with protobufjs from the
// remote-write spec's schema and compressed with `snappy` (Google's C++ library via napi-rs).
import { Agent, request } from "node:http";
import { Registry } from "prom-client";
import protobuf from "protobufjs";
import { compressSync } from "snappy";
import type { CollectionPeer } from "./collection-bytes-peer.js";
import { steadyBytes } from "./collection-bytes-peer.js";
import { countingProxy } from "./collection-bytes-proxy.js";
import { httpSink } from "./collection-bytes-sink.js";
import { recordIntoPromClient } from "./workload/collection-record.js";

// prometheus/prompb remote.proto and types.proto (the fields remote-write 1.0 uses).
const WriteRequest = protobuf.Root.fromJSON({
  nested: {
    WriteRequest: { fields: { timeseries: { rule: "repeated", type: "TimeSeries", id: 1 } } },
    TimeSeries: {
      fields: {
        labels: { rule: "repeated", type: "Label", id: 1 },
        samples: { rule: "repeated", type: "Sample", id: 2 },
      },
    },
    Label: { fields: { name: { type: "string", id: 1 }, value: { type: "string", id: 2 } } },
    Sample: { fields: { value: { type: "double", id: 1 }, timestamp: { type: "int64", id: 2 } } },
  },
}).lookupType("WriteRequest");

/** Target labels Prometheus adds to every scraped series. */
const TARGET = { instance: "127.0.0.1:9464", job: "bench" };

/** The registry's current values as remote-write time series, labels sorted by name. */
async function timeSeries(registry: Registry, timestamp: number): Promise<object[]> {
  const series: object[] = [];
  for (const family of await registry.getMetricsAsJSON()) {
    for (const v of family.values) {
      const labels: Record<string, string> = {
        __name__: (v as { metricName?: string }).metricName ?? family.name,
        ...TARGET,
      };
      for (const [k, l] of Object.entries(v.labels)) labels[k] = String(l);
      series.push({
        labels: Object.keys(labels)
          .sort()
          .map((name) => ({ name, value: labels[name] })),
        samples: [{ value: v.value, timestamp }],
      });
    }
  }
  return series;
}

/** POSTs one compressed WriteRequest; resolves with the status. */
function post(port: number, agent: Agent, body: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/api/v1/write",
        agent,
        headers: {
          "content-encoding": "snappy",
          "content-type": "application/x-protobuf",
          "content-length": body.length,
          "user-agent": "Prometheus/3.5.0",
          "x-prometheus-remote-write-version": "0.1.0",
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * The remote-write peer: every interval, all series of the scrape (1,000 series, the 100
 * histograms as 12 `_bucket` + `_sum` + `_count` series each: 2,300 samples) in one request
 * with the simulated scrape time. Counts request bytes (headers and snappy body) through the
 * proxy; rejects on a non-2xx answer. Metadata requests (HELP/TYPE, once a minute) are not sent.
 */
export const remoteWritePeer: CollectionPeer = async (workload) => {
  const registry = new Registry();
  const record = recordIntoPromClient(workload, registry);
  const sink = await httpSink(204, "text/plain");
  const proxy = await countingProxy(sink.port);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let samples = 0;
  try {
    const result = await steadyBytes(
      workload,
      async (interval) => {
        record(interval);
        const timeseries = await timeSeries(registry, interval.timeMs);
        samples = timeseries.length;
        const message = WriteRequest.encode(WriteRequest.fromObject({ timeseries })).finish();
        const status = await post(proxy.port, agent, compressSync(Buffer.from(message)));
        if (status < 200 || status > 299) throw new Error(`remote-write answered ${status}`);
      },
      proxy.upstreamBytes,
    );
    return { ...result, note: `${samples} Prometheus samples per request` };
  } finally {
    agent.destroy();
    await proxy.close();
    await sink.close();
  }
};
