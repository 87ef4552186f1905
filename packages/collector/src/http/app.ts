import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import { toDot } from "@sonde/protocol";
import { QUERY_DATASETS, type QueryDataset } from "@sonde/protocol/query";
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import { storedCallGraph } from "../callgraph/stored.js";
import { callGraphSvg } from "../callgraph/svg.js";
import { listMetrics } from "../catalog/metrics.js";
import { registerOtlpHttp } from "../ingest/otlp-http.js";
import type { IngestStats } from "../ingest/stats.js";
import {
  findExemplar,
  getTrace,
  listColumns,
  QueryError,
  runBubbleUp,
  runQuery,
  searchTraces,
} from "../query/index.js";
import {
  type ErrorGroupsParams,
  type EventsParams,
  errorGroup,
  errorGroups,
  listEvents,
  traceLogs,
} from "../signals/index.js";
import type { DuckDbStore } from "../storage/duckdb-store.js";
import { prometheusText } from "./self-metrics.js";

export interface AppOptions {
  store: DuckDbStore;
  stats: IngestStats;
  /** Largest accepted request body in bytes (raw and decompressed). */
  bodyLimit: number;
  /** Folder with the built web UI (`index.html`), served at `/` when present. */
  uiDir?: string;
}

/**
 * The collector's HTTP surface (DESIGN.md "Default addresses"): OTLP/HTTP under `/v1/`, the query
 * API under `/api/`, the UI at `/`, `/healthz` and the collector's own metrics at `/metrics`.
 */
export function buildApp({ store, stats, bodyLimit, uiDir }: AppOptions): FastifyInstance {
  const app = Fastify({ bodyLimit, logger: false });

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/metrics", async (_req, reply) =>
    reply.type("text/plain; version=0.0.4").send(prometheusText(stats)),
  );

  registerOtlpHttp(app, store, stats, bodyLimit);

  // Query errors name the offending field and are the client's: 400. Anything else is a 500.
  const answer = async (reply: FastifyReply, work: () => Promise<unknown>) => {
    try {
      return await work();
    } catch (e) {
      if (e instanceof QueryError) return reply.code(400).send({ error: e.message });
      throw e;
    }
  };
  app.post("/api/query", (req, reply) => answer(reply, () => runQuery(store.reader, req.body)));
  app.post("/api/bubbleup", (req, reply) =>
    answer(reply, () => runBubbleUp(store.reader, req.body)),
  );
  app.post("/api/exemplar", (req, reply) =>
    answer(reply, () => findExemplar(store.reader, req.body)),
  );
  app.post("/api/traces/search", (req, reply) =>
    answer(reply, () => searchTraces(store.reader, req.body)),
  );
  app.get<{ Params: { id: string } }>("/api/traces/:id", (req, reply) =>
    answer(reply, async () => {
      const trace = await getTrace(store.reader, req.params.id);
      if (trace.spans.length) return trace;
      return reply.code(404).send({ error: `trace_id: no trace ${req.params.id}` });
    }),
  );
  app.get<{ Params: { id: string } }>("/api/traces/:id/logs", (req, reply) =>
    answer(reply, () => traceLogs(store.reader, req.params.id)),
  );
  app.get<{ Querystring: { dataset?: string } }>("/api/columns", (req, reply) =>
    answer(reply, async () => {
      const dataset = req.query.dataset ?? "spans";
      if (!(QUERY_DATASETS as readonly string[]).includes(dataset)) {
        throw new QueryError("dataset", `must be one of ${QUERY_DATASETS.join(" ")}`);
      }
      return listColumns(store.reader, dataset as QueryDataset);
    }),
  );
  app.get<{ Querystring: ErrorGroupsParams }>("/api/errors/groups", (req, reply) =>
    answer(reply, () => errorGroups(store.reader, req.query)),
  );
  app.get<{ Params: { fingerprint: string }; Querystring: { limit?: string } }>(
    "/api/errors/groups/:fingerprint",
    (req, reply) =>
      answer(reply, () => errorGroup(store.reader, req.params.fingerprint, req.query.limit)),
  );
  app.get<{ Querystring: EventsParams }>("/api/events", (req, reply) =>
    answer(reply, () => listEvents(store.reader, req.query)),
  );
  app.get("/api/metrics", async () =>
    listMetrics(store.reader, (id) => store.metrics.lastSampleTime(id)),
  );
  app.get<{ Querystring: { last?: string; service?: string; format?: string } }>(
    "/api/callgraph",
    async (req, reply) => {
      const last = Number(req.query.last ?? 900);
      if (!Number.isFinite(last) || last <= 0) {
        return reply.code(400).send({ error: "last: expected a positive number of seconds" });
      }
      const end = new Date();
      const graph = await storedCallGraph(
        store.reader,
        { start: new Date(end.getTime() - last * 1000), end },
        req.query.service ?? "",
      );
      if (req.query.format === "dot") return reply.type("text/vnd.graphviz").send(toDot(graph));
      if (req.query.format === "svg")
        return reply.type("image/svg+xml").send(await callGraphSvg(graph));
      return graph;
    },
  );

  if (uiDir && existsSync(`${uiDir}/index.html`)) {
    app.register(fastifyStatic, { root: uiDir, wildcard: false });
    // Single-page app: unknown GET paths outside the APIs get index.html.
    app.setNotFoundHandler((req, reply) => {
      const api = /^\/(api|v1)\//.test(req.url);
      if (req.method === "GET" && !api) return reply.sendFile("index.html");
      return reply.code(404).send({ error: `no route ${req.method} ${req.url}` });
    });
  }
  return app;
}
