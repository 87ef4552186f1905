import type { CallGraph, CallGraphEdge, CallGraphNode } from "@sonde/protocol";
import type { SpanStats } from "../trace/span-stats.js";

export type { CallGraph, CallGraphEdge, CallGraphNode };

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
