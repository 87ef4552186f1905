import type { CallGraph } from "@sonde/protocol";
import type { QueryRequest } from "@sonde/protocol/query";
import { useEffect, useMemo, useState } from "preact/hooks";
import { getCallGraph, postQuery } from "../api.js";
import { formatDuration, formatNumber } from "../format.js";
import type { RangeKey } from "../query/state.js";
import { RANGES } from "../query/state.js";
import { queryHref } from "../route.js";
import type { GraphEdge, GraphNode } from "./graph.js";
import { callGraph, serviceMap } from "./graph.js";
import { GraphView } from "./graph-view.js";

type View = "services" | "calls";

/**
 * The service map (services and the calls between them) and the call graph (span names in
 * services, parent → child), from `GET /api/callgraph`, with each node's P99 from
 * `POST /api/query`. A click on a node or an edge opens the matching query. URL:
 * `#/map?view=services|calls&range=15m`.
 */
export function MapPage({ params }: { params: URLSearchParams }) {
  const view: View = params.get("view") === "calls" ? "calls" : "services";
  const rangeParam = params.get("range") ?? "";
  const range: RangeKey = rangeParam in RANGES ? (rangeParam as RangeKey) : "15m";
  const seconds = RANGES[range].seconds;
  const [data, setData] = useState<CallGraph>();
  const [p99, setP99] = useState(new Map<string, number>());
  const [error, setError] = useState("");

  useEffect(() => {
    const abort = new AbortController();
    setError("");
    getCallGraph(seconds, abort.signal).then(setData, (e: Error) => {
      if (e.name !== "AbortError") setError(e.message);
    });
    postQuery(p99Request(view, seconds), abort.signal).then(
      (result) => {
        const map = new Map<string, number>();
        for (const t of result.totals) {
          const v = t.values["P99(duration_ms)"];
          const id =
            view === "calls"
              ? JSON.stringify([t.group["service.name"], t.group.name])
              : String(t.group["service.name"]);
          if (typeof v === "number") map.set(id, v);
        }
        setP99(map);
      },
      () => setP99(new Map()), // the map stands without percentiles
    );
    return () => abort.abort();
  }, [view, seconds]);

  const graph = useMemo(
    () => (data ? (view === "calls" ? callGraph(data) : serviceMap(data)) : undefined),
    [data, view],
  );
  const go = (patch: Record<string, string>) => {
    const next = new URLSearchParams({ view, range, ...patch });
    location.hash = `#/map?${next}`;
  };
  const openNode = (n: GraphNode) => {
    const where = [`service.name|=|${n.service}`];
    if (n.name !== undefined) where.push(`name|=|${n.name}`);
    location.hash = spanQuery(where, n.name === undefined ? ["name"] : [], range);
  };
  const openEdge = (e: GraphEdge) => {
    const callee = graph?.nodes.find((n) => n.id === e.to);
    if (!callee) return;
    const where = [`service.name|=|${callee.service}`];
    if (callee.name !== undefined) where.push(`name|=|${callee.name}`);
    else where.push("kind|=|server");
    location.hash = spanQuery(where, callee.name === undefined ? ["name"] : [], range);
  };

  return (
    <main class="query-page map-page" data-testid="map-page">
      <div class="metrics-head">
        <h1>{view === "calls" ? "Call graph" : "Service map"}</h1>
        <div class="tabs">
          <button
            type="button"
            class={view === "services" ? "active" : undefined}
            data-testid="view-services"
            onClick={() => go({ view: "services" })}
          >
            Services
          </button>
          <button
            type="button"
            class={view === "calls" ? "active" : undefined}
            data-testid="view-calls"
            onClick={() => go({ view: "calls" })}
          >
            Call graph
          </button>
        </div>
        <select
          value={range}
          data-testid="map-range"
          onChange={(e) => go({ range: e.currentTarget.value })}
        >
          {Object.entries(RANGES).map(([k, r]) => (
            <option key={k} value={k}>
              {r.label}
            </option>
          ))}
        </select>
        <span class="muted">
          Edges: calls per second and error share. P99 on nodes (of server spans on the service
          map). Click a node or an edge to query its spans.
        </span>
      </div>
      {error && <p class="query-error">{error}</p>}
      {!graph && !error && <p class="muted">Loading…</p>}
      {graph && graph.nodes.length === 0 && (
        <div class="card empty">No spans ended in this time range.</div>
      )}
      {view === "calls" && data && graph && data.nodes.length > graph.nodes.length && (
        <p class="note">
          The {graph.nodes.length} span names with the most total time of {data.nodes.length}.
        </p>
      )}
      {graph && graph.nodes.length > 0 && (
        <div class="card graph-card">
          <GraphView
            graph={graph}
            seconds={seconds}
            p99={p99}
            onNode={openNode}
            onEdge={openEdge}
            testId={view === "calls" ? "call-graph" : "service-map"}
          />
        </div>
      )}
      {view === "calls" && data && data.nodes.length > 0 && <SelfTime data={data} range={range} />}
    </main>
  );
}

/** Rows of the self-time table. */
const TOP_SELF = 50;

/** The call graph's nodes by self time: where the time goes (the top {@link TOP_SELF}). */
function SelfTime({ data, range }: { data: CallGraph; range: RangeKey }) {
  const nodes = [...data.nodes].sort((a, b) => b.selfMs - a.selfMs).slice(0, TOP_SELF);
  return (
    <div class="card table-card">
      <table class="results" data-testid="callgraph-table">
        <thead>
          <tr>
            <th>service</th>
            <th>span</th>
            <th class="num">calls</th>
            <th class="num">errors</th>
            <th class="num">avg</th>
            <th class="num">self total</th>
            <th class="num">total</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr
              key={`${n.service}/${n.name}`}
              onClick={() => {
                location.hash = spanQuery(
                  [`service.name|=|${n.service}`, `name|=|${n.name}`],
                  [],
                  range,
                );
              }}
            >
              <td>{n.service}</td>
              <td>{n.name}</td>
              <td class="num">{formatNumber(n.calls)}</td>
              <td class={`num${n.errors ? " error-text" : ""}`}>{formatNumber(n.errors)}</td>
              <td class="num">{formatDuration(n.totalMs / Math.max(n.calls, 1))}</td>
              <td class="num">{formatDuration(n.selfMs)}</td>
              <td class="num">{formatDuration(n.totalMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The query page's hash for COUNT, P99 and a duration heatmap of the matching spans. */
function spanQuery(where: string[], by: string[], range: RangeKey): string {
  const params = new URLSearchParams();
  for (const c of ["COUNT", "P99(duration_ms)", "HEATMAP(duration_ms)"]) params.append("calc", c);
  for (const w of where) params.append("where", w);
  for (const b of by) params.append("by", b);
  params.set("range", range);
  return queryHref(params);
}

function p99Request(view: View, seconds: number): QueryRequest {
  return {
    dataset: "spans",
    time_range: { last: seconds },
    calculations: [{ op: "P99", column: "duration_ms" }],
    filters: view === "calls" ? [] : [{ column: "kind", op: "=", value: "server" }],
    breakdowns: view === "calls" ? ["service.name", "name"] : ["service.name"],
    limit: 1000,
  };
}
