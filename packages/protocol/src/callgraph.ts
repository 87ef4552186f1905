/**
 * The call-graph format shared by the SDK (in-process, `sonde.callGraph()`) and the collector
 * (over stored spans, `GET /api/callgraph`): JSON nodes and edges, and Graphviz DOT. Browser-safe.
 */

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
  /** 99th percentile of the child spans' durations, ms (from stored spans; absent in the SDK). */
  p99Ms?: number;
}

/** Calls from one service to another, summed over span names (a service map's edge). */
export interface ServiceEdge {
  caller: string;
  callee: string;
  calls: number;
  errors: number;
  /** 99th percentile of the callee spans' durations, ms. */
  p99Ms: number;
}

/**
 * Parent → child relations of finished spans, aggregated per (service, span name), in the
 * spirit of monkit's call graphs. Plain JSON data. Spans whose parent is in another process
 * (or that have none) are entry points: they count in their node but add no edge.
 */
export interface CallGraph {
  nodes: CallGraphNode[];
  edges: CallGraphEdge[];
  /** Calls between distinct services with their p99 (from stored spans; absent in the SDK). */
  services?: ServiceEdge[];
}

/** A DOT double-quoted string (Graphviz "DOT language": `\"` escapes, `\n` breaks lines). */
function quote(text: string): string {
  let escaped = "";
  for (const char of text) {
    if (char === "\\" || char === '"') escaped += `\\${char}`;
    else escaped += char < " " ? " " : char; // control characters would break the line
  }
  return `"${escaped}"`;
}

function id(node: { service: string; name: string }): string {
  return quote(`${node.service.length}:${node.service}/${node.name}`);
}

function label(lines: string[]): string {
  return lines.map((line) => quote(line).slice(1, -1)).join("\\n");
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * The call graph in Graphviz DOT: a box per (service, span name) labelled with calls, errors,
 * total and self time (red outline when some calls failed), an arrow per caller → callee
 * labelled with calls and time. Render it with `dot -Tsvg`, or in JavaScript with a WASM build
 * of Graphviz such as `@hpcc-js/wasm-graphviz` (not a dependency of Sonde).
 */
export function toDot(graph: CallGraph): string {
  const lines = [
    "digraph calls {",
    "  rankdir=LR;",
    '  node [shape=box, fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const node of graph.nodes) {
    const text = label([
      node.name,
      node.service,
      `${plural(node.calls, "call")}, ${plural(node.errors, "error")}`,
      `total ${node.totalMs} ms, self ${node.selfMs} ms`,
    ]);
    const color = node.errors > 0 ? ", color=red" : "";
    lines.push(`  ${id(node)} [label="${text}"${color}];`);
  }
  for (const edge of graph.edges) {
    const text = label([plural(edge.calls, "call"), `${edge.totalMs} ms`]);
    lines.push(`  ${id(edge.caller)} -> ${id(edge.callee)} [label="${text}"];`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
