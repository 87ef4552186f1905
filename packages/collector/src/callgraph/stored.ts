import { type DuckDBConnection, TIMESTAMP, timestampValue, VARCHAR } from "@duckdb/node-api";
import type { CallGraph } from "@sonde/protocol";

// One row per (caller, callee) pair, caller '' for entry spans (no stored parent). Self time of
// a span: its duration minus its children's, at least 0 (children in parallel each count).
const EDGES_SQL = `
WITH s AS (
  SELECT trace_id, span_id, parent_span_id, service_name, name, duration_ms, status_code
  FROM spans WHERE "timestamp" >= $1 AND "timestamp" < $2),
children AS (
  SELECT trace_id, parent_span_id AS span_id, sum(duration_ms) AS child_ms
  FROM s WHERE parent_span_id <> '' GROUP BY ALL)
SELECT coalesce(p.service_name, '') AS caller_service, coalesce(p.name, '') AS caller,
  c.service_name AS callee_service, c.name AS callee,
  count(*)::INTEGER AS calls,
  count(*) FILTER (WHERE c.status_code = 'error')::INTEGER AS errors,
  sum(c.duration_ms) AS total_ms,
  sum(greatest(c.duration_ms - coalesce(ch.child_ms, 0), 0)) AS self_ms,
  quantile_cont(c.duration_ms, 0.99) AS p99_ms
FROM s c
LEFT JOIN s p ON p.trace_id = c.trace_id AND p.span_id = c.parent_span_id
LEFT JOIN children ch ON ch.trace_id = c.trace_id AND ch.span_id = c.span_id
WHERE $3 = '' OR c.service_name = $3 OR p.service_name = $3
GROUP BY ALL`;

// Calls between distinct services: the service map's edges, with a true p99 per pair.
const SERVICES_SQL = `
WITH s AS (
  SELECT trace_id, span_id, parent_span_id, service_name, duration_ms, status_code
  FROM spans WHERE "timestamp" >= $1 AND "timestamp" < $2)
SELECT p.service_name AS caller, c.service_name AS callee, count(*)::INTEGER AS calls,
  count(*) FILTER (WHERE c.status_code = 'error')::INTEGER AS errors,
  quantile_cont(c.duration_ms, 0.99) AS p99_ms
FROM s c JOIN s p ON p.trace_id = c.trace_id AND p.span_id = c.parent_span_id
WHERE p.service_name <> c.service_name AND ($3 = '' OR c.service_name = $3 OR p.service_name = $3)
GROUP BY ALL ORDER BY 1, 2`;

const ms = (v: unknown) => Math.round(Number(v) * 1000) / 1000;
const byName = (a: { service: string; name: string }, b: { service: string; name: string }) =>
  a.service === b.service
    ? a.name < b.name
      ? -1
      : a.name > b.name
        ? 1
        : 0
    : a.service < b.service
      ? -1
      : 1;

/**
 * The call graph of stored spans that started in `[start, end)` (optionally only spans of
 * `service` and their callers): parent → child edges aggregated per (service, span name), across
 * services, with call counts, errors, total and self time in ms — the same format as the SDK's
 * in-process `callGraph()` (`@sonde/protocol` `CallGraph`). Throws only what DuckDB throws.
 */
export async function storedCallGraph(
  conn: DuckDBConnection,
  range: { start: Date; end: Date },
  service = "",
): Promise<CallGraph> {
  const micros = (d: Date) => timestampValue(BigInt(d.getTime()) * 1000n);
  const rows = (
    await conn.runAndReadAll(
      EDGES_SQL,
      [micros(range.start), micros(range.end), service],
      [TIMESTAMP, TIMESTAMP, VARCHAR],
    )
  ).getRowObjectsJS();
  const nodes = new Map<string, CallGraph["nodes"][number]>();
  const graph: CallGraph = { nodes: [], edges: [] };
  for (const r of rows) {
    const callee = { service: String(r.callee_service), name: String(r.callee) };
    const key = `${callee.service}\u0000${callee.name}`;
    const node = nodes.get(key) ?? { ...callee, calls: 0, errors: 0, totalMs: 0, selfMs: 0 };
    node.calls += Number(r.calls);
    node.errors += Number(r.errors);
    node.totalMs = ms(node.totalMs + Number(r.total_ms));
    node.selfMs = ms(node.selfMs + Number(r.self_ms));
    nodes.set(key, node);
    if (r.caller !== "") {
      graph.edges.push({
        caller: { service: String(r.caller_service), name: String(r.caller) },
        callee,
        calls: Number(r.calls),
        errors: Number(r.errors),
        totalMs: ms(r.total_ms),
        p99Ms: ms(r.p99_ms),
      });
    }
  }
  const services = (
    await conn.runAndReadAll(
      SERVICES_SQL,
      [micros(range.start), micros(range.end), service],
      [TIMESTAMP, TIMESTAMP, VARCHAR],
    )
  ).getRowObjectsJS();
  graph.services = services.map((r) => ({
    caller: String(r.caller),
    callee: String(r.callee),
    calls: Number(r.calls),
    errors: Number(r.errors),
    p99Ms: ms(r.p99_ms),
  }));
  graph.nodes = [...nodes.values()].sort(byName);
  graph.edges.sort((a, b) => byName(a.caller, b.caller) || byName(a.callee, b.callee));
  return graph;
}
