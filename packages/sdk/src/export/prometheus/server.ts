import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { diag } from "@sonde/api";
import { type PrometheusSource, prometheusHandler } from "./handler.js";

/** Options for {@link servePrometheus}. */
export interface ServePrometheusOptions {
  /** TCP port; `0` picks a free one. Default 9464 (the OpenTelemetry Prometheus exporter's). */
  port?: number;
  /** Interface to bind. Default `"127.0.0.1"` (loopback only). */
  host?: string;
  /** Path of the endpoint; other paths answer 404. Default `"/metrics"`. */
  path?: string;
}

/** A running metrics endpoint. */
export interface PrometheusServer {
  /** The endpoint's URL, e.g. `http://127.0.0.1:9464/metrics`. */
  readonly url: string;
  /** The bound port (useful with `port: 0`). */
  readonly port: number;
  /** Stops listening and closes open connections. Never rejects. */
  close(): Promise<void>;
}

/**
 * Serves {@link prometheusHandler} on its own HTTP server. Resolves once listening, or with
 * `undefined` when it cannot listen (port taken, bad host), which is reported through `diag`
 * (`prometheus_listen_failed`). Never rejects.
 *
 * @example
 * const sonde = startSonde({ serviceName: "billing" });
 * const endpoint = await servePrometheus(sonde, { port: 9464 });
 * // scrape http://127.0.0.1:9464/metrics; later: await endpoint?.close();
 */
export function servePrometheus(
  source: PrometheusSource,
  options?: ServePrometheusOptions,
): Promise<PrometheusServer | undefined> {
  const path = options?.path ?? "/metrics";
  const host = options?.host ?? "127.0.0.1";
  const handler = prometheusHandler(source);
  const server = createServer((request, response) => {
    const requested = (request.url ?? "/").split("?")[0];
    if (requested === path) handler(request, response);
    else response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end();
  });
  const port = options?.port ?? 9464;
  return new Promise((resolve) => {
    const failed = (error: unknown): void => {
      diag.report({
        code: "prometheus_listen_failed",
        key: `${host}:${port}`,
        message: `the Prometheus endpoint could not listen on ${host}:${port}: ${String(error)}`,
        error,
      });
      resolve(undefined);
    };
    server.on("error", failed);
    const listening = (): void => {
      const bound = (server.address() as AddressInfo).port;
      const hostInUrl = host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${hostInUrl}:${bound}${path}`,
        port: bound,
        close: () =>
          new Promise((closed) => {
            server.close(() => closed());
            server.closeAllConnections();
          }),
      });
    };
    try {
      server.listen(port, host, listening);
    } catch (error) {
      failed(error); // an invalid port or host throws synchronously
    }
  });
}
