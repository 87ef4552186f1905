import type { SpanNode } from "./tree.js";

/**
 * The spans matching a search, in the order given: case-insensitive substring of the span's
 * name, service, span id, status message or any attribute's value (as text). An empty search
 * matches nothing. Throws nothing.
 */
export function searchSpans(nodes: SpanNode[], text: string): SpanNode[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  return nodes.filter((node) => {
    for (const [key, value] of Object.entries(node.span)) {
      if (key === "trace_id" || key === "parent_span_id" || key.endsWith("_unix_nano")) continue;
      if (value === null || value === undefined || typeof value === "object") continue;
      if (String(value).toLowerCase().includes(needle)) return true;
    }
    return false;
  });
}
