import type { SpanNode, TraceTree } from "./tree.js";

/** The part of a span that lies on the critical path, in ms since the epoch. */
export interface CriticalWindow {
  startMs: number;
  endMs: number;
}

/**
 * The critical path of a trace: the chain of spans that determined its end-to-end latency.
 * The standard walk for traces (as in Jaeger's critical-path view, and Uber's CRISP paper,
 * "CRISP: Critical Path Analysis of Large-Scale Microservice Architectures", USENIX ATC 2022):
 * start at the root that ends last with a cursor at its end; among its children, take the one
 * that finished last before the cursor (a child ending after its parent is clipped to the
 * cursor), walk into it, move the cursor to that child's start, and repeat with the children
 * that finished before it. Serial children all land on the path; of parallel ones, only the
 * one that finished last. The rest of a span's window on the path is its own work.
 *
 * Answers each span on the path with the window of it that is on the path. Iterative (deep
 * traces cannot overflow the stack), O(n log n) for sorting children by end. Throws nothing.
 */
export function criticalPath(tree: TraceTree): Map<SpanNode, CriticalWindow> {
  const path = new Map<SpanNode, CriticalWindow>();
  let root: SpanNode | undefined;
  for (const r of tree.roots) if (!root || r.endMs > root.endMs) root = r;
  if (!root) return path;
  const stack: { node: SpanNode; endMs: number }[] = [{ node: root, endMs: root.endMs }];
  while (stack.length > 0) {
    const { node, endMs } = stack.pop() as { node: SpanNode; endMs: number };
    path.set(node, { startMs: node.startMs, endMs });
    const byEnd = [...node.children].sort((a, b) => b.endMs - a.endMs);
    let cursor = endMs;
    for (const child of byEnd) {
      if (child.startMs >= cursor) continue; // started after the chosen one: not waited for
      stack.push({ node: child, endMs: Math.min(child.endMs, cursor) });
      cursor = child.startMs;
    }
  }
  return path;
}
