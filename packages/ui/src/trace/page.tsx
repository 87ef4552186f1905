import type { TraceResult } from "@sonde/protocol/query";
import { useEffect, useMemo, useState } from "preact/hooks";
import { getTrace } from "../api.js";
import { serviceColor } from "../colors.js";
import { formatDuration, formatTimestamp } from "../format.js";
import { lastQueryHref } from "../query/page.js";
import { replaceHash, traceHref } from "../route.js";
import { criticalPath } from "./critical-path.js";
import { TraceLogs } from "./logs.js";
import { searchSpans } from "./search.js";
import { SpanDetails } from "./span-details.js";
import type { SpanNode } from "./tree.js";
import { ancestors, buildTree, visibleRows } from "./tree.js";
import { Waterfall } from "./waterfall.js";

type Load =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "done"; trace: TraceResult; receivedAt: number };

/**
 * One trace: summary, search within it, the waterfall with its critical path, and the
 * selected span's details (`?span=` in the URL).
 */
export function TracePage({ traceId, spanId }: { traceId: string; spanId: string | undefined }) {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const [collapsed, setCollapsed] = useState<ReadonlySet<SpanNode>>(new Set());
  const [search, setSearch] = useState("");
  const [showCritical, setShowCritical] = useState(true);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: "loading" });
    setCollapsed(new Set());
    setSearch("");
    getTrace(traceId, abort.signal)
      .then((trace) => setLoad({ status: "done", trace, receivedAt: performance.now() }))
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
  const critical = useMemo(() => (tree ? criticalPath(tree) : new Map()), [tree]);
  const rows = useMemo(() => (tree ? visibleRows(tree, collapsed) : []), [tree, collapsed]);
  const selected = useMemo(
    () => tree?.nodes.find((n) => n.span.span_id === spanId),
    [tree, spanId],
  );
  const matches = useMemo(() => (tree ? searchSpans(tree.nodes, search) : []), [tree, search]);
  const matchSet = useMemo(() => new Set(matches), [matches]);

  const select = (node: SpanNode | undefined) =>
    replaceHash(traceHref(traceId, node?.span.span_id));
  const toggle = (node: SpanNode) => {
    const next = new Set(collapsed);
    if (!next.delete(node)) next.add(node);
    setCollapsed(next);
  };
  /** Selects a span, expanding its collapsed ancestors so that its row exists. */
  const reveal = (node: SpanNode) => {
    const hidden = ancestors(node).filter((a) => collapsed.has(a));
    if (hidden.length) {
      const next = new Set(collapsed);
      for (const a of hidden) next.delete(a);
      setCollapsed(next);
    }
    select(node);
  };
  const step = (by: 1 | -1) => {
    if (matches.length === 0) return;
    const at = selected ? matches.indexOf(selected) : -1;
    const index = at < 0 ? (by > 0 ? 0 : matches.length - 1) : at + by;
    reveal(matches[(index + matches.length) % matches.length]);
  };
  const current = selected ? matches.indexOf(selected) : -1;

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
          <div class="trace-tools">
            <input
              type="search"
              placeholder="Search spans (name, service, attribute value)"
              value={search}
              data-testid="trace-find"
              onInput={(e) => setSearch(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") step(e.shiftKey ? -1 : 1);
              }}
            />
            <button type="button" title="Previous match (Shift+Enter)" onClick={() => step(-1)}>
              ↑
            </button>
            <button
              type="button"
              title="Next match (Enter)"
              data-testid="trace-find-next"
              onClick={() => step(1)}
            >
              ↓
            </button>
            <span class="muted" data-testid="trace-find-count">
              {search.trim()
                ? `${current >= 0 ? `${current + 1} / ` : ""}${matches.length} matches`
                : ""}
            </span>
            <label class="toggle">
              <input
                type="checkbox"
                checked={showCritical}
                data-testid="critical-toggle"
                onChange={(e) => setShowCritical(e.currentTarget.checked)}
              />{" "}
              <span class="critical-key" /> Critical path ({critical.size} spans)
            </label>
          </div>
          <div class={`trace-body${selected ? " with-details" : ""}`}>
            <Waterfall
              tree={tree}
              rows={rows}
              selected={selected}
              collapsed={collapsed}
              critical={showCritical ? critical : undefined}
              matches={matchSet}
              receivedAt={load.status === "done" ? load.receivedAt : undefined}
              onSelect={select}
              onToggle={toggle}
            />
            {selected && (
              <SpanDetails
                node={selected}
                traceStartMs={tree.startMs}
                onSelect={reveal}
                onClose={() => select(undefined)}
              />
            )}
          </div>
          <TraceLogs
            traceId={traceId}
            traceStartMs={tree.startMs}
            selectedSpanId={selected?.span.span_id}
            onSelectSpan={(id) => {
              const node = tree.nodes.find((n) => n.span.span_id === id);
              if (node) reveal(node);
            }}
          />
        </>
      )}
    </main>
  );
}
