import type { TraceResult } from "@sonde/protocol/query";
import { useEffect, useMemo, useState } from "preact/hooks";
import { getTrace } from "../api.js";
import { serviceColor } from "../colors.js";
import { formatDuration, formatTimestamp } from "../format.js";
import { lastQueryHref } from "../query/page.js";
import { replaceHash, traceHref } from "../route.js";
import { SpanDetails } from "./span-details.js";
import type { SpanNode } from "./tree.js";
import { buildTree, visibleRows } from "./tree.js";
import { Waterfall } from "./waterfall.js";

type Load =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "done"; trace: TraceResult };

/** One trace: summary, waterfall, and the selected span's details (`?span=` in the URL). */
export function TracePage({ traceId, spanId }: { traceId: string; spanId: string | undefined }) {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [collapsed, setCollapsed] = useState<ReadonlySet<SpanNode>>(new Set());

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: "loading" });
    setCollapsed(new Set());
    getTrace(traceId, abort.signal)
      .then((trace) => setLoad({ status: "done", trace }))
      .catch((err: Error & { status?: number }) => {
        if (err.name === "AbortError") return;
        const message = err.status === 404 ? `Trace ${traceId} was not found.` : err.message;
        setLoad({ status: "error", message });
      });
    return () => abort.abort();
  }, [traceId]);

  const tree = useMemo(
    () => (load.status === "done" ? buildTree(load.trace.spans) : undefined),
    [load],
  );
  const rows = useMemo(() => (tree ? visibleRows(tree, collapsed) : []), [tree, collapsed]);
  const selected = useMemo(() => rows.find((n) => n.span.span_id === spanId), [rows, spanId]);

  const select = (node: SpanNode | undefined) =>
    replaceHash(traceHref(traceId, node?.span.span_id));
  const toggle = (node: SpanNode) => {
    const next = new Set(collapsed);
    if (!next.delete(node)) next.add(node);
    setCollapsed(next);
  };

  return (
    <main class="trace-page">
      <a class="back" href={lastQueryHref()}>
        ← Query
      </a>
      {load.status === "loading" && <p class="muted">Loading trace…</p>}
      {load.status === "error" && (
        <p class="query-error" role="alert" data-testid="trace-error">
          {load.message}
        </p>
      )}
      {tree && tree.count === 0 && <p class="muted">This trace has no spans.</p>}
      {tree && tree.count > 0 && (
        <>
          <header class="trace-header" data-testid="trace-header">
            <h1>
              {tree.roots[0].span["service.name"]} <span class="muted">·</span>{" "}
              {tree.roots[0].span.name}
            </h1>
            <div class="trace-facts">
              <span class="mono">{traceId}</span>
              <span>{formatTimestamp(tree.startMs)}</span>
              <span>{formatDuration(tree.endMs - tree.startMs)}</span>
              <span data-testid="trace-span-count">{tree.count} spans</span>
              {tree.errors > 0 && <span class="error-text">{tree.errors} errors</span>}
              {tree.services.map((s) => (
                <span key={s} class="service-chip">
                  <span class="dot" style={{ background: serviceColor(s) }} />
                  {s}
                </span>
              ))}
            </div>
          </header>
          <div class={`trace-body${selected ? " with-details" : ""}`}>
            <Waterfall
              tree={tree}
              rows={rows}
              selected={selected}
              collapsed={collapsed}
              onSelect={select}
              onToggle={toggle}
            />
            {selected && (
              <SpanDetails
                node={selected}
                traceStartMs={tree.startMs}
                onClose={() => select(undefined)}
              />
            )}
          </div>
        </>
      )}
    </main>
  );
}
