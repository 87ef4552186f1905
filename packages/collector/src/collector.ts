import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./http/app.js";
import { newIngestStats } from "./ingest/stats.js";
import { DuckDbStore } from "./storage/duckdb-store.js";

export interface CollectorOptions {
  /** HTTP port for OTLP/HTTP, the query API and the UI. Default 4318; 0 picks a free port. */
  httpPort?: number;
  /** Address to bind. Default `127.0.0.1` (loopback only). */
  host?: string;
  /** DuckDB file. Default `.sonde/data.duckdb` (relative to the working directory). */
  storage?: string;
  /** Largest accepted request body in bytes. Default 16 MiB. */
  bodyLimit?: number;
  /** Folder of the built UI. Default: `@sonde/ui`'s `dist` in this repository. */
  uiDir?: string;
}

export interface Collector {
  /** Base URL of the HTTP server, e.g. `http://127.0.0.1:4318`. */
  url: string;
  port: number;
  store: DuckDbStore;
  /** Stops accepting requests, waits for stored data to be flushed and closes storage. */
  close(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_UI_DIR = join(here, "..", "..", "ui", "dist");

/**
 * Starts the collector: storage opened, HTTP listening. Throws if the port is taken or the
 * storage file cannot be opened (for example, locked by another collector).
 */
export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
  const store = await DuckDbStore.open(options.storage ?? ".sonde/data.duckdb");
  const app = buildApp({
    store,
    stats: newIngestStats(),
    bodyLimit: options.bodyLimit ?? 16 * 1024 * 1024,
    uiDir: options.uiDir ?? DEFAULT_UI_DIR,
  });
  const host = options.host ?? "127.0.0.1";
  try {
    await app.listen({ port: options.httpPort ?? 4318, host });
  } catch (e) {
    await store.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : (options.httpPort ?? 4318);
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
