import { Fragment } from "preact";
import { serviceColor } from "../colors.js";
import { formatDuration, formatTimestamp, nanosToMs, parseTimeMs } from "../format.js";
import { metricsHref, traceHref } from "../route.js";
import type { SpanNode } from "./tree.js";

/** Span columns shown in the summary; every other property is an attribute. */
const COLUMNS = [
  "trace_id",
  "span_id",
  "parent_span_id",
  "name",
  "kind",
  "service.name",
  "timestamp",
  "start_time_unix_nano",
  "end_time_unix_nano",
  "trace_state",
  "duration_ms",
  "status_code",
  "status_message",
  "events",
  "links",
];

interface SpanDetailsProps {
  node: SpanNode;
  traceStartMs: number;
  /** Selects another span of the trace (a parent or child reference). */
  onSelect(node: SpanNode): void;
  onClose(): void;
}

/** Children listed by name under "References"; the waterfall shows them all. */
const MAX_CHILDREN = 20;

/**
 * Everything about one span: its columns, all attributes, events, its references (child of
 * its parent, parent of its children, follows-from links to other spans) and a link to its
 * service's metrics at the span's time.
 */
export function SpanDetails({ node, traceStartMs, onSelect, onClose }: SpanDetailsProps) {
  const { span } = node;
  const attributes = Object.keys(span)
    .filter((k) => !COLUMNS.includes(k))
    .sort();
  const events = asList(span.events);
  const links = asList(span.links);
  return (
    <aside class="span-details" data-testid="span-details" data-span-id={span.span_id}>
      <header>
        <div>
          <div class="svc">
            <span class="dot" style={{ background: serviceColor(span["service.name"]) }} />
            {span["service.name"]}
          </div>
          <h2>{span.name}</h2>
        </div>
        <button type="button" class="remove" title="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <dl class="kv">
        <Item k="duration" v={formatDuration(span.duration_ms)} />
        <Item
          k="start"
          v={`+${formatDuration(node.startMs - traceStartMs)} · ${formatTimestamp(node.startMs)}`}
        />
        <Item k="kind" v={span.kind} />
        <Item
          k="status"
          v={span.status_code + (span.status_message ? `: ${span.status_message}` : "")}
          error={node.error}
        />
        <Item k="span_id" v={span.span_id} mono />
        <Item k="parent_span_id" v={span.parent_span_id || "(root)"} mono />
        <Item k="trace_id" v={span.trace_id} mono />
      </dl>
      <p>
        <a
          href={metricsHref(span["service.name"], node.startMs)}
          data-testid="service-metrics-link"
        >
          Metrics of {span["service.name"]} at this time →
        </a>
      </p>

      <h3>Attributes ({attributes.length})</h3>
      {attributes.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <dl class="kv" data-testid="span-attributes">
          {attributes.map((k) => (
            <Item key={k} k={k} v={show(span[k])} testId="span-attribute" />
          ))}
        </dl>
      )}

      <h3>Events ({events.length})</h3>
      {events.length === 0 && <p class="muted">None.</p>}
      {events.map((event, i) => (
        <div class="event" key={i} data-testid="span-event">
          <div class="event-title">
            <strong>{String(event.name ?? "event")}</strong>
            <span class="muted"> {eventOffset(event, node.startMs)}</span>
          </div>
          <Properties value={event} skip={["name", ...EVENT_TIME_KEYS]} />
        </div>
      ))}

      <h3>References</h3>
      <ul class="refs" data-testid="span-references">
        {node.parent ? (
          <li>
            child of <SpanRef node={node.parent} onSelect={onSelect} testId="ref-parent" />
          </li>
        ) : (
          <li class="muted">
            {span.parent_span_id ? `child of ${span.parent_span_id} (not in this trace)` : "root"}
          </li>
        )}
        {node.children.slice(0, MAX_CHILDREN).map((child) => (
          <li key={child.span.span_id}>
            parent of <SpanRef node={child} onSelect={onSelect} testId="ref-child" />
          </li>
        ))}
        {node.children.length > MAX_CHILDREN && (
          <li class="muted">… {node.children.length - MAX_CHILDREN} more children</li>
        )}
      </ul>

      <h3>Follows from: links ({links.length})</h3>
      {links.length === 0 && <p class="muted">None.</p>}
      {links.map((link, i) => {
        const traceId = String(link.trace_id ?? link.traceId ?? "");
        const spanId = String(link.span_id ?? link.spanId ?? "");
        return (
          <div class="event" key={i} data-testid="span-link">
            <a class="mono" href={traceHref(traceId, spanId || undefined)}>
              {traceId}
              {spanId && ` / ${spanId}`}
            </a>
            <Properties value={link} skip={["trace_id", "traceId", "span_id", "spanId"]} />
          </div>
        );
      })}
    </aside>
  );
}

function SpanRef(props: { node: SpanNode; onSelect(node: SpanNode): void; testId: string }) {
  const { span } = props.node;
  return (
    <button
      type="button"
      class="link"
      data-testid={props.testId}
      data-span-id={span.span_id}
      onClick={() => props.onSelect(props.node)}
    >
      <span class="dot" style={{ background: serviceColor(span["service.name"]) }} />
      {span["service.name"]} · {span.name}
    </button>
  );
}

function Item(props: { k: string; v: string; mono?: boolean; error?: boolean; testId?: string }) {
  return (
    <div class={props.error ? "error" : undefined} data-testid={props.testId} data-key={props.k}>
      <dt>{breakable(props.k)}</dt>
      <dd class={props.mono ? "mono" : undefined}>{props.v}</dd>
    </div>
  );
}

/** A dotted name with line-break opportunities after its dots and underscores. */
function breakable(name: string) {
  return name.split(/(?<=[._])/).map((part, i) => (
    <Fragment key={`${i}:${part}`}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

/** An object's properties as key/value rows; a nested `attributes` object is flattened. */
function Properties({ value, skip }: { value: Record<string, unknown>; skip: string[] }) {
  const entries: [string, unknown][] = [];
  for (const [k, v] of Object.entries(value)) {
    if (skip.includes(k)) continue;
    if (k === "attributes" && v && typeof v === "object" && !Array.isArray(v)) {
      entries.push(...Object.entries(v));
    } else entries.push([k, v]);
  }
  if (entries.length === 0) return null;
  return (
    <dl class="kv">
      {entries.map(([k, v]) => (
        <Item key={k} k={k} v={show(v)} />
      ))}
    </dl>
  );
}

/** Events and links arrive as arrays, or as their JSON text. */
function asList(value: unknown): Record<string, unknown>[] {
  let list = value;
  if (typeof value === "string") {
    try {
      list = JSON.parse(value);
    } catch {
      return [];
    }
  }
  return Array.isArray(list) ? list.filter((x) => x && typeof x === "object") : [];
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "–";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Where an event's time may be: ISO text, or nanoseconds since the epoch. */
const EVENT_TIME_KEYS = ["timeUnixNano", "time_unix_nano", "timestamp", "time"];

/** `+1.20 ms` after the span's start. */
function eventOffset(event: Record<string, unknown>, spanStartMs: number): string {
  const key = EVENT_TIME_KEYS.find((k) => event[k] !== undefined && event[k] !== null);
  const time = key ? event[key] : undefined;
  let ms = Number.NaN;
  if (typeof time === "string" && time.includes("T")) ms = parseTimeMs(time);
  else if (typeof time === "string" || typeof time === "number") ms = nanosToMs(time);
  return Number.isFinite(ms) ? `+${formatDuration(ms - spanStartMs)}` : "";
}
