import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { serviceColor } from "../colors.js";
import { formatDuration } from "../format.js";
import type { CriticalWindow } from "./critical-path.js";
import type { SpanNode, TraceTree } from "./tree.js";

/**
 * Row height in CSS pixels; rows are absolutely positioned so only visible ones exist.
 * (Preact 11 does not append `px` to numeric styles: every length below is a string.)
 */
const ROW_HEIGHT = 26;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 20;

interface WaterfallProps {
  tree: TraceTree;
  rows: SpanNode[];
  selected: SpanNode | undefined;
  collapsed: ReadonlySet<SpanNode>;
  /** Spans on the critical path with the window of each on it; absent: not shown. */
  critical: Map<SpanNode, CriticalWindow> | undefined;
  /** Spans matching the search, highlighted. */
  matches: ReadonlySet<SpanNode>;
  /** `performance.now()` when the trace's data arrived: the first paint after it is timed. */
  receivedAt: number | undefined;
  onSelect(node: SpanNode): void;
  onToggle(node: SpanNode): void;
}

/**
 * The trace's spans as a tree (indentation by depth) beside a timeline: one bar per span on
 * the trace's time axis, coloured by service, errors marked, the critical path's part of each
 * bar drawn over it. Virtualised: the DOM holds the visible rows only, so traces of 100,000
 * spans and more stay fast. The element's `data-paint-ms` is the time from the data's arrival
 * to the first paint of the rows (tree building included).
 */
export function Waterfall(props: WaterfallProps) {
  const { tree, rows, selected, collapsed, critical, matches, onSelect, onToggle } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const resize = new ResizeObserver(() => setViewport(el.clientHeight));
    resize.observe(el);
    setViewport(el.clientHeight);
    return () => resize.disconnect();
  }, []);

  useEffect(() => {
    const received = props.receivedAt;
    if (received === undefined) return;
    // The frame after this commit is painted when the callback of the next one runs.
    requestAnimationFrame(() =>
      setTimeout(() => {
        frame.current?.setAttribute("data-paint-ms", (performance.now() - received).toFixed(1));
      }, 0),
    );
  }, [props.receivedAt]);

  // Bring the selected span into view when it is chosen from outside (URL, keyboard).
  useEffect(() => {
    const el = scroller.current;
    const index = selected ? rows.indexOf(selected) : -1;
    if (!el || index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) {
      el.scrollTop = Math.max(0, top - el.clientHeight / 3);
    }
  }, [selected]);

  const total = Math.max(tree.endMs - tree.startMs, 1e-6);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);

  const onKeyDown = (e: KeyboardEvent) => {
    const index = selected ? rows.indexOf(selected) : -1;
    const move = e.key === "ArrowDown" ? 1 : e.key === "ArrowUp" ? -1 : 0;
    if (move !== 0) {
      e.preventDefault();
      const next = rows[Math.min(rows.length - 1, Math.max(0, index + move))];
      if (next) onSelect(next);
    } else if ((e.key === "ArrowLeft" || e.key === "ArrowRight") && selected?.children.length) {
      if (collapsed.has(selected) === (e.key === "ArrowRight")) onToggle(selected);
    }
  };

  return (
    <div class="waterfall" data-testid="waterfall" data-rows={rows.length} ref={frame}>
      <div class="wf-header">
        <div class="wf-name">Service · span</div>
        <div class="wf-track wf-ticks">
          {[0, 0.25, 0.5, 0.75, 1].map((f) => (
            <span key={f} style={{ left: `${f * 100}%` }}>
              {formatDuration(f * total)}
            </span>
          ))}
        </div>
      </div>
      <div
        class="wf-scroll"
        ref={scroller}
        role="tree"
        aria-label="Spans"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div class="wf-rows" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {rows.slice(first, last).map((node, i) => (
            <Row
              key={node.span.span_id + (first + i)}
              node={node}
              top={(first + i) * ROW_HEIGHT}
              offset={(node.startMs - tree.startMs) / total}
              width={node.span.duration_ms / total}
              selected={node === selected}
              collapsed={collapsed.has(node)}
              critical={fraction(critical?.get(node), tree.startMs, total)}
              match={matches.has(node)}
              onSelect={onSelect}
              onToggle={onToggle}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

function fraction(window: CriticalWindow | undefined, startMs: number, total: number) {
  if (!window) return undefined;
  return {
    offset: (window.startMs - startMs) / total,
    width: (window.endMs - window.startMs) / total,
  };
}

function Row(props: {
  node: SpanNode;
  top: number;
  offset: number;
  width: number;
  selected: boolean;
  collapsed: boolean;
  /** The critical window as fractions of the track. */
  critical: { offset: number; width: number } | undefined;
  match: boolean;
  onSelect(node: SpanNode): void;
  onToggle(node: SpanNode): void;
}) {
  const { node, offset, width, critical } = props;
  const { span } = node;
  const service = span["service.name"];
  const color = serviceColor(service);
  const left = Math.min(100, Math.max(0, offset * 100));
  const barWidth = Math.min(100 - left, Math.max(0, width * 100));
  // Duration text after the bar, else before it, else (a bar across the track) inside it.
  const label =
    left + barWidth < 78
      ? { class: "wf-duration", style: { left: `calc(${left + barWidth}% + 4px)` } }
      : left > 15
        ? { class: "wf-duration", style: { right: `calc(${100 - left}% + 4px)` } }
        : { class: "wf-duration inside", style: { left: `calc(${left}% + 4px)` } };
  const classes = [
    "wf-row",
    props.selected && "selected",
    node.error && "error",
    critical && "critical",
    props.match && "match",
  ];
  // The critical window, in % of the track (as the bar: clamped to it, at least visible).
  const cLeft = Math.min(100, Math.max(0, (critical?.offset ?? 0) * 100));
  const cWidth = Math.min(100 - cLeft, Math.max(0.15, (critical?.width ?? 0) * 100));
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the tree handles keys (arrows move the selection)
    <div
      class={classes.filter(Boolean).join(" ")}
      style={{ top: `${props.top}px`, height: `${ROW_HEIGHT}px` }}
      role="treeitem"
      tabIndex={-1}
      aria-level={node.depth + 1}
      aria-selected={props.selected}
      aria-expanded={node.children.length > 0 ? !props.collapsed : undefined}
      data-testid="waterfall-row"
      data-span-id={span.span_id}
      data-critical={critical ? "" : undefined}
      onClick={() => props.onSelect(node)}
    >
      <div class="wf-name" style={{ paddingLeft: `${6 + node.depth * 14}px` }}>
        {node.children.length > 0 ? (
          <button
            type="button"
            class="caret"
            title={props.collapsed ? "Expand" : "Collapse"}
            onClick={(e) => {
              e.stopPropagation();
              props.onToggle(node);
            }}
          >
            {props.collapsed ? "▸" : "▾"}
          </button>
        ) : (
          <span class="caret" />
        )}
        <span class="dot" style={{ background: color }} />
        <span class="svc">{service}</span>
        <span class="span-name">{span.name}</span>
        {node.error && (
          <span class="error-badge" title={span.status_message || "error"}>
            error
          </span>
        )}
        {props.collapsed && <span class="muted"> +{node.children.length}</span>}
      </div>
      <div class="wf-track">
        <span
          class="wf-bar"
          style={{ left: `${left}%`, width: `${barWidth}%`, background: color }}
        />
        {critical && (
          <span class="wf-critical" style={{ left: `${cLeft}%`, width: `${cWidth}%` }} />
        )}
        <span class={label.class} style={label.style}>
          {formatDuration(span.duration_ms)}
        </span>
      </div>
    </div>
  );
}
