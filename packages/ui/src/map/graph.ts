import type { CallGraph } from "@sonde/protocol";

/** A node of a drawn graph: a service, or a (service, span name) pair. */
export interface GraphNode {
  id: string;
  service: string;
  /** The span name; absent for a service. */
  name?: string;
  calls: number;
  errors: number;
  totalMs: number;
  /** Layer (column) and position in it, from {@link layout}. */
  layer: number;
  row: number;
}

/** A drawn edge: caller → callee with their aggregated calls. */
export interface GraphEdge {
  from: string;
  to: string;
  calls: number;
  errors: number;
  totalMs: number;
  /** 99th percentile of the calls' durations, ms, when the collector computed it. */
  p99Ms?: number;
}

/** A graph ready to draw. */
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * The service map of a call graph: one node per service (its spans' calls, errors and total
 * time), one edge per pair of distinct services with calls between them (summed over span
 * names). Calls within a service are left out. Laid out by {@link layout}. Throws nothing.
 */
export function serviceMap(graph: CallGraph): Graph {
  const nodes = new Map<string, GraphNode>();
  for (const n of graph.nodes) {
    const node = nodes.get(n.service) ?? blank(n.service, n.service);
    node.calls += n.calls;
    node.errors += n.errors;
    node.totalMs += n.totalMs;
    nodes.set(n.service, node);
  }
  const edges = new Map<string, GraphEdge>();
  for (const e of graph.edges) {
    if (e.caller.service === e.callee.service) continue;
    const key = JSON.stringify([e.caller.service, e.callee.service]);
    const edge = edges.get(key) ?? {
      from: e.caller.service,
      to: e.callee.service,
      calls: 0,
      errors: 0,
      totalMs: 0,
    };
    edge.calls += e.calls;
    edge.errors += e.errors;
    edge.totalMs += e.totalMs;
    const pair = graph.services?.find(
      (p) => p.caller === e.caller.service && p.callee === e.callee.service,
    );
    if (pair) edge.p99Ms = pair.p99Ms;
    edges.set(key, edge);
    for (const s of [e.caller.service, e.callee.service]) {
      if (!nodes.has(s)) nodes.set(s, blank(s, s));
    }
  }
  return layout({ nodes: [...nodes.values()], edges: [...edges.values()] });
}

/**
 * The call graph as drawn: a node per (service, span name), an edge per caller → callee; only
 * the `max` nodes with the most total time (span names can number in the thousands), and the
 * edges between them. Throws nothing.
 */
export function callGraph(graph: CallGraph, max = 60): Graph {
  const id = (n: { service: string; name: string }) => JSON.stringify([n.service, n.name]);
  const kept = [...graph.nodes].sort((a, b) => b.totalMs - a.totalMs).slice(0, max);
  const nodes = new Map<string, GraphNode>();
  for (const n of kept) nodes.set(id(n), { ...blank(id(n), n.service, n.name), ...pick(n) });
  const edges = graph.edges
    .filter((e) => nodes.has(id(e.caller)) && nodes.has(id(e.callee)))
    .map((e) => ({
      from: id(e.caller),
      to: id(e.callee),
      calls: e.calls,
      errors: e.errors,
      totalMs: e.totalMs,
      p99Ms: e.p99Ms,
    }));
  return layout({ nodes: [...nodes.values()], edges });
}

function blank(id: string, service: string, name?: string): GraphNode {
  return { id, service, name, calls: 0, errors: 0, totalMs: 0, layer: 0, row: 0 };
}

function pick(n: { calls: number; errors: number; totalMs: number }) {
  return { calls: n.calls, errors: n.errors, totalMs: n.totalMs };
}

/**
 * Layered layout (the first step of Sugiyama-style drawing): a node's layer is the length of
 * the longest caller chain above it (entry points at 0; edges closing a cycle are ignored),
 * rows within a layer by service then name. O(V + E) plus the sort.
 */
export function layout(graph: Graph): Graph {
  const out = new Map<string, string[]>();
  const indegree = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  for (const e of graph.edges) {
    if (e.from === e.to) continue;
    const list = out.get(e.from);
    if (list) list.push(e.to);
    else out.set(e.from, [e.to]);
    indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
  }
  const layer = new Map<string, number>();
  // Kahn's topological order; nodes left in a cycle are started from when nothing else is.
  const queue = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const done = new Set<string>();
  const pending = [...graph.nodes.map((n) => n.id)];
  while (done.size < graph.nodes.length) {
    if (queue.length === 0) queue.push(pending.find((id) => !done.has(id)) as string);
    const id = queue.shift() as string;
    if (done.has(id)) continue;
    done.add(id);
    const at = layer.get(id) ?? 0;
    for (const to of out.get(id) ?? []) {
      if (done.has(to)) continue; // closes a cycle
      layer.set(to, Math.max(layer.get(to) ?? 0, at + 1));
      const left = (indegree.get(to) ?? 1) - 1;
      indegree.set(to, left);
      if (left === 0) queue.push(to);
    }
  }
  const nodes = graph.nodes.map((n) => ({ ...n, layer: layer.get(n.id) ?? 0 }));
  nodes.sort(
    (a, b) =>
      a.layer - b.layer ||
      a.service.localeCompare(b.service) ||
      (a.name ?? "").localeCompare(b.name ?? ""),
  );
  const rows = new Map<number, number>();
  for (const n of nodes) {
    n.row = rows.get(n.layer) ?? 0;
    rows.set(n.layer, n.row + 1);
  }
  return { nodes, edges: graph.edges };
}
