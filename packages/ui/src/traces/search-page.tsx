import type { TraceSummary } from "@sonde/protocol/query";
import { useEffect, useMemo, useState } from "preact/hooks";
import { searchTraces } from "../api.js";
import { serviceColor } from "../colors.js";
import { formatDuration, formatNumber, formatTimestamp, parseTimeMs } from "../format.js";
import type { RangeKey } from "../query/state.js";
import { RANGES } from "../query/state.js";
import { traceHref } from "../route.js";
import type { TraceSearchState, TraceSort } from "./search.js";
import { searchFromParams, searchRequest, searchToParams } from "./search.js";

type Load =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "done"; traces: TraceSummary[]; elapsedMs: number };

/**
 * Trace search (`#/traces?…`): traces with a span matching service, name, status and
 * attributes, within trace-duration bounds, sorted over the whole time range by the server
 * (`POST /api/traces/search`: filters apply before the limit). Column headers re-sort; a row
 * opens the trace.
 */
export function TraceSearchPage({ params }: { params: URLSearchParams }) {
  const key = params.toString();
  const applied = useMemo(() => searchFromParams(new URLSearchParams(key)), [key]);
  const [draft, setDraft] = useState<TraceSearchState>(applied);
  const [attrText, setAttrText] = useState(applied.attrs.join(", "));
  const [load, setLoad] = useState<Load>({ status: "loading" });

  useEffect(() => {
    setDraft(applied);
    setAttrText(applied.attrs.join(", "));
  }, [applied]);
  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: "loading" });
    const started = performance.now();
    searchTraces(searchRequest(applied), abort.signal).then(
      ({ traces }) => setLoad({ status: "done", traces, elapsedMs: performance.now() - started }),
      (err: Error) => {
        if (err.name !== "AbortError") setLoad({ status: "error", message: err.message });
      },
    );
    return () => abort.abort();
  }, [applied]);

  const go = (s: TraceSearchState) => {
    location.hash = `#/traces?${searchToParams(s)}`;
  };
  const set = (patch: Partial<TraceSearchState>) => setDraft({ ...draft, ...patch });
  const sortBy = (sort: TraceSort) =>
    go({ ...applied, sort, desc: applied.sort === sort ? !applied.desc : true });
  const arrow = (sort: TraceSort) => (applied.sort === sort ? (applied.desc ? " ▾" : " ▴") : "");
  const longest =
    load.status === "done" ? Math.max(...load.traces.map((t) => t.duration_ms), 1e-9) : 1;

  return (
    <main class="query-page traces-page" data-testid="traces-page">
      <form
        class="builder trace-search-form"
        data-testid="trace-search-form"
        onSubmit={(e) => {
          e.preventDefault();
          const attrs = attrText.split(",").map((a) => a.trim());
          go({ ...draft, attrs: attrs.filter((a) => a.includes("=")) });
        }}
      >
        <Field label="Service" value={draft.service} onInput={(service) => set({ service })} />
        <Field label="Span name" value={draft.name} onInput={(name) => set({ name })} />
        <label>
          Status{" "}
          <select
            value={draft.status}
            data-testid="search-status"
            onChange={(e) => set({ status: e.currentTarget.value })}
          >
            <option value="">any</option>
            <option value="error">error</option>
            <option value="ok">ok</option>
            <option value="unset">unset</option>
          </select>
        </label>
        <Field label="Min ms" value={draft.min} onInput={(min) => set({ min })} size={6} />
        <Field label="Max ms" value={draft.max} onInput={(max) => set({ max })} size={6} />
        <Field
          label="Attributes"
          placeholder="key=value, key=value"
          value={attrText}
          onInput={setAttrText}
          size={24}
        />
        <select
          value={draft.range}
          data-testid="search-range"
          onChange={(e) => set({ range: e.currentTarget.value as RangeKey })}
        >
          {Object.entries(RANGES).map(([k, r]) => (
            <option key={k} value={k}>
              {r.label}
            </option>
          ))}
        </select>
        <button type="submit" class="primary" data-testid="search-run">
          Search traces
        </button>
      </form>
      {load.status === "loading" && <p class="muted">Searching…</p>}
      {load.status === "error" && (
        <p class="query-error" role="alert" data-testid="search-error">
          {load.message}
        </p>
      )}
      {load.status === "done" && (
        <>
          <p class="meta muted" data-testid="search-meta">
            {load.traces.length} traces · sorted by {applied.sort}{" "}
            {applied.desc ? "descending" : "ascending"} over the whole range ·{" "}
            {Math.round(load.elapsedMs)} ms
          </p>
          <div class="card table-card">
            <table class="results" data-testid="trace-results">
              <thead>
                <tr>
                  <th>root span</th>
                  <th class="sortable" onClick={() => sortBy("start")} data-testid="sort-start">
                    start{arrow("start")}
                  </th>
                  <th
                    class="num sortable"
                    onClick={() => sortBy("duration")}
                    data-testid="sort-duration"
                  >
                    duration{arrow("duration")}
                  </th>
                  <th />
                  <th class="num sortable" onClick={() => sortBy("spans")}>
                    spans{arrow("spans")}
                  </th>
                  <th class="num sortable" onClick={() => sortBy("errors")}>
                    errors{arrow("errors")}
                  </th>
                  <th>services</th>
                  <th>trace id</th>
                </tr>
              </thead>
              <tbody>
                {load.traces.map((t) => (
                  <tr
                    key={t.trace_id}
                    data-testid="trace-result"
                    data-trace-id={t.trace_id}
                    data-duration={t.duration_ms}
                    onClick={() => {
                      location.hash = traceHref(t.trace_id);
                    }}
                  >
                    <td>
                      <span class="dot" style={{ background: serviceColor(t.root_service) }} />{" "}
                      <span class="svc">{t.root_service}</span> {t.root_name}
                    </td>
                    <td class="mono">{formatTimestamp(parseTimeMs(t.start)).slice(11)}</td>
                    <td class="num">{formatDuration(t.duration_ms)}</td>
                    <td class="bar-cell">
                      <span class="trace-bar">
                        <span style={{ width: `${(100 * t.duration_ms) / longest}%` }} />
                      </span>
                    </td>
                    <td class="num">{formatNumber(t.span_count)}</td>
                    <td class={`num${t.error_count ? " error-text" : ""}`}>
                      {formatNumber(t.error_count)}
                    </td>
                    <td>{t.services.join(", ")}</td>
                    <td class="mono muted">{t.trace_id}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </main>
  );
}

function Field(props: {
  label: string;
  value: string;
  placeholder?: string;
  size?: number;
  onInput(value: string): void;
}) {
  return (
    <label>
      {props.label}{" "}
      <input
        value={props.value}
        placeholder={props.placeholder}
        size={props.size ?? 14}
        spellcheck={false}
        data-testid={`search-${props.label.toLowerCase().replace(/ /g, "-")}`}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}
