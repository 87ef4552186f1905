// Prometheus text format 0.0.4 with gzip: prom-client's registry served over HTTP by this
// process and scraped once per simulated interval by an HTTP client that asks for gzip, as the
// Prometheus server does. The process's response bytes (status line, headers, gzip body) count.
import { Agent, createServer, get } from "node:http";
import { gzipSync } from "node:zlib";
import { Registry } from "prom-client";
import type { CollectionPeer } from "./collection-bytes-peer.js";
import { steadyBytes } from "./collection-bytes-peer.js";
import { countingProxy } from "./collection-bytes-proxy.js";
import { recordIntoPromClient } from "./workload/collection-record.js";

/** Headers a Prometheus 2.x/3.x scraper sends (text format preferred here). */
const SCRAPE_HEADERS = {
  accept: "text/plain;version=0.0.4;q=1,*/*;q=0.1",
  "accept-encoding": "gzip",
  "user-agent": "Prometheus/3.5.0",
  "x-prometheus-scrape-timeout-seconds": "1",
};

/** One scrape over a keep-alive connection; resolves with the decoded status. */
function scrape(port: number, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port, path: "/metrics", agent, headers: SCRAPE_HEADERS }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    }).on("error", reject);
  });
}

/**
 * The Prometheus text + gzip peer: prom-client 15 (`registry.metrics()`, content type
 * `text/plain; version=0.0.4`), gzip at zlib's default level as client_golang's handler uses.
 * Counts server → scraper bytes through the proxy; rejects on a non-200 scrape.
 */
export const prometheusTextPeer: CollectionPeer = async (workload) => {
  const registry = new Registry();
  const record = recordIntoPromClient(workload, registry);
  const server = createServer(async (req, res) => {
    const text = await registry.metrics();
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    const body = gzip ? gzipSync(text) : Buffer.from(text);
    res.writeHead(200, {
      "content-type": registry.contentType,
      "content-length": body.length,
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  const proxy = await countingProxy(address.port);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    return await steadyBytes(
      workload,
      async (interval) => {
        record(interval);
        const status = await scrape(proxy.port, agent);
        if (status !== 200) throw new Error(`scrape answered ${status}`);
      },
      proxy.downstreamBytes,
    );
  } finally {
    agent.destroy();
    await proxy.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
};
