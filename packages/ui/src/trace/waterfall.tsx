import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import { serviceColor } from "../colors.js";
import { formatDuration } from "../format.js";
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
  onSelect(node: SpanNode): void;
  onToggle(node: SpanNode): void;
}

/**
 * The trace's spans as a tree (indentation by depth) beside a timeline: one bar per span on
 * the trace's time axis, coloured by service, errors marked. Virtualised: the DOM holds the
 * visible rows only, so traces of thousands of spans stay fast.
 */
export function Waterfall({ tree, rows, selected, collapsed, onSelect, onToggle }: WaterfallProps) {
  const scroller = useRef<HTMLDivElement>(null);
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
    <div class="waterfall" data-testid="waterfall" data-rows={rows.length}>
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
              onSelect={onSelect}
              onToggle={onToggle}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

function Row(props: {
  node: SpanNode;
  top: number;
  offset: number;
  width: number;
  selected: boolean;
  collapsed: boolean;
  onSelect(node: SpanNode): void;
  onToggle(node: SpanNode): void;
}) {
  const { node, offset, width } = props;
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
  const classes = ["wf-row", props.selected && "selected", node.error && "error"];
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
        <span class={label.class} style={label.style}>
          {formatDuration(span.duration_ms)}
        </span>
      </div>
    </div>
  );
}
