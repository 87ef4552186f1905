import type { SpanStats } from "../trace/span-stats.js";

/** A node of the call graph: the spans of one name in one service. */
export interface CallGraphNode {
  /** `service.name` of the process that recorded the spans. */
  service: string;
  /** The span name. */
  name: string;
  /** Spans of this name that ended. */
  calls: number;
  /** Of which ended with status `error`. */
  errors: number;
  /** Sum of their durations, in milliseconds. */
  totalMs: number;
  /**
   * Sum of their durations minus the time of their children that ended before them, in
   * milliseconds (children running in parallel each count, and the result is at least 0 per
   * span): the time spent in the span's own code or in work it did not trace.
   */
  selfMs: number;
}

/** Calls from spans of one name to spans of another (parent → child, same trace). */
export interface CallGraphEdge {
  caller: { service: string; name: string };
  callee: { service: string; name: string };
  /** Child spans of `callee` that had a parent of `caller`. */
  calls: number;
  /** Of which ended with status `error`. */
  errors: number;
  /** Sum of the child spans' durations, in milliseconds. */
  totalMs: number;
}

/**
 * Parent → child relations of finished spans, aggregated per (service, span name), in the
 * spirit of monkit's call graphs. Plain JSON data. Spans whose parent is in another process
 * (or that have none) are entry points: they count in their node but add no edge.
 */
export interface CallGraph {
  nodes: CallGraphNode[];
  edges: CallGraphEdge[];
}

// Milliseconds with microsecond precision: enough for call graphs, readable in JSON.
function ms(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The call graph of every span finished so far, nodes and edges sorted by name. */
export function buildCallGraph(service: string, stats: SpanStats): CallGraph {
  const all = stats.all().sort(byName);
  const nodes: CallGraphNode[] = [];
  const edges: CallGraphEdge[] = [];
  for (const node of all) {
    if (node.calls === 0) continue;
    nodes.push({
      service,
      name: node.name,
      calls: node.calls,
      errors: node.errors,
      totalMs: ms(node.totalMs),
      selfMs: ms(node.selfMs),
    });
    for (const edge of [...node.callers.values()].sort((a, b) => byName(a.caller, b.caller))) {
      edges.push({
        caller: { service, name: edge.caller.name },
        callee: { service, name: node.name },
        calls: edge.calls,
        errors: edge.errors,
        totalMs: ms(edge.totalMs),
      });
    }
  }
  edges.sort((a, b) => byName(a.caller, b.caller) || byName(a.callee, b.callee));
  return { nodes, edges };
}
