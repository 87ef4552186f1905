import type { TraceSpan } from "@sonde/protocol/query";
import { nanosToMs, parseTimeMs } from "../format.js";

/** A span placed in its trace: depth in the tree, start and end in ms since the epoch, children. */
export interface SpanNode {
  span: TraceSpan;
  startMs: number;
  endMs: number;
  depth: number;
  /** The parent span, absent for a root (or a span whose parent is not in the trace). */
  parent?: SpanNode;
  children: SpanNode[];
  error: boolean;
}

/** A trace as a tree, with its time bounds (ms since the epoch). */
export interface TraceTree {
  roots: SpanNode[];
  startMs: number;
  endMs: number;
  count: number;
  errors: number;
  services: string[];
  /** Every span, in start order. */
  nodes: SpanNode[];
}

/**
 * Nests spans under their parents, children in start order. Spans whose parent is missing
 * from the trace (not received yet, or dropped) become roots, and so do spans caught in a
 * parent cycle, so every span appears exactly once. Iterative: deep traces cannot overflow
 * the stack. O(n) for spans in start order (as `GET /api/traces` sends them); otherwise the
 * spans are sorted first, O(n log n).
 */
export function buildTree(input: TraceSpan[]): TraceTree {
  let nodes = input.map((span): SpanNode => {
    const startMs = startOf(span);
    return {
      span,
      startMs,
      endMs: startMs + span.duration_ms,
      depth: 0,
      children: [],
      error: span.status_code === "error",
    };
  });
  const byStart = (a: SpanNode, b: SpanNode) => a.startMs - b.startMs;
  if (nodes.some((n, i) => i > 0 && n.startMs < nodes[i - 1].startMs)) {
    nodes = [...nodes].sort(byStart); // children are then appended in start order
  }
  const byId = new Map<string, SpanNode>();
  for (const node of nodes) if (!byId.has(node.span.span_id)) byId.set(node.span.span_id, node);
  const roots: SpanNode[] = [];
  for (const node of nodes) {
    const parent = node.span.parent_span_id ? byId.get(node.span.parent_span_id) : undefined;
    if (parent && parent !== node) {
      parent.children.push(node);
      node.parent = parent;
    } else roots.push(node);
  }
  const placed = new Set<SpanNode>();
  const place = (top: SpanNode[]) => {
    const stack = top.map((n) => ({ node: n, depth: 0 }));
    while (stack.length > 0) {
      const { node, depth } = stack.pop() as { node: SpanNode; depth: number };
      placed.add(node);
      node.depth = depth;
      for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
    }
  };
  place(roots);
  for (const node of nodes) {
    if (placed.has(node)) continue;
    // In a parent cycle: cut the cycle here.
    const parent = node.parent;
    if (parent) parent.children = parent.children.filter((c) => c !== node);
    node.parent = undefined;
    roots.push(node);
    place([node]);
  }
  roots.sort(byStart); // only out of order after a cycle was cut

  let startMs = Number.POSITIVE_INFINITY;
  let endMs = Number.NEGATIVE_INFINITY;
  for (const n of nodes) {
    startMs = Math.min(startMs, n.startMs);
    endMs = Math.max(endMs, n.endMs);
  }
  const services = [...new Set(nodes.map((n) => n.span["service.name"]))];
  return {
    roots,
    startMs: Number.isFinite(startMs) ? startMs : 0,
    endMs: Number.isFinite(endMs) ? endMs : 0,
    count: nodes.length,
    errors: nodes.filter((n) => n.error).length,
    services,
    nodes,
  };
}

/** A span's start in ms: exact from `start_time_unix_nano` when present, else `timestamp`. */
function startOf(span: TraceSpan): number {
  const nanos = span.start_time_unix_nano;
  const exact =
    typeof nanos === "string" || typeof nanos === "number" ? nanosToMs(nanos) : Number.NaN;
  return Number.isFinite(exact) ? exact : parseTimeMs(span.timestamp);
}

/** The rows of the waterfall: depth-first, skipping the children of collapsed spans. */
export function visibleRows(tree: TraceTree, collapsed: ReadonlySet<SpanNode>): SpanNode[] {
  const rows: SpanNode[] = [];
  const stack = [...tree.roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as SpanNode;
    rows.push(node);
    if (collapsed.has(node)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return rows;
}

/** The spans from the roots down to `node`, excluding it (to expand a collapsed path). */
export function ancestors(node: SpanNode): SpanNode[] {
  const list: SpanNode[] = [];
  for (let p = node.parent; p; p = p.parent) list.push(p);
  return list;
}
