import { useEffect, useState } from "preact/hooks";
import { postQuery } from "../api.js";
import { serviceColor } from "../colors.js";
import { formatCalcValue, formatDuration, formatGroupValue, formatTimestamp } from "../format.js";
import type { SentRequest } from "../query/state.js";
import { traceHref } from "../route.js";
import type { Selection } from "./selection.js";
import { slowestTracesRequest } from "./selection.js";

interface TraceRow {
  traceId: string;
  name: string;
  service: string;
  durationMs: number;
}

type Load =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "done"; rows: TraceRow[]; rootsOnly: boolean };

interface SlowestTracesProps {
  base: SentRequest;
  selection: Selection;
  onClose(): void;
}

/**
 * The slowest traces behind a selection. It asks for root spans first; when none match (a
 * group of inner spans, e.g. a downstream service) it lists the traces of the slowest
 * matching spans instead, and says so.
 */
export function SlowestTraces({ base, selection, onClose }: SlowestTracesProps) {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: "loading" });
    (async () => {
      for (const rootsOnly of [true, false]) {
        const request = slowestTracesRequest(base, selection, rootsOnly);
        const result = await postQuery(request, abort.signal);
        const rows = result.totals.map((t) => ({
          traceId: String(t.group.trace_id),
          name: formatGroupValue(t.group.name),
          service: formatGroupValue(t.group["service.name"]),
          durationMs: Number(t.values["MAX(duration_ms)"]),
        }));
        if (rows.length > 0 || !rootsOnly) return setLoad({ status: "done", rows, rootsOnly });
      }
    })().catch((err: Error) => {
      if (err.name !== "AbortError") setLoad({ status: "error", message: err.message });
    });
    return () => abort.abort();
  }, [base, selection]);

  const longest = load.status === "done" ? Math.max(...load.rows.map((r) => r.durationMs), 0) : 0;
  return (
    <section class="card traces" data-testid="slowest-traces">
      <header>
        <h2>Slowest traces</h2>
        <button type="button" class="remove" title="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <p class="muted selection">{describeSelection(selection)}</p>
      {load.status === "loading" && <p class="muted">Loading…</p>}
      {load.status === "error" && (
        <p class="query-error" role="alert">
          {load.message}
        </p>
      )}
      {load.status === "done" && !load.rootsOnly && load.rows.length > 0 && (
        <p class="note">No root spans match; these are the traces of the slowest matching spans.</p>
      )}
      {load.status === "done" && load.rows.length === 0 && <p class="muted">No spans match.</p>}
      {load.status === "done" && (
        <ol class="trace-list">
          {load.rows.map((row) => (
            <li key={row.traceId}>
              <a href={traceHref(row.traceId)} data-testid="trace-link" data-trace-id={row.traceId}>
                <span class="trace-title">
                  <span class="dot" style={{ background: serviceColor(row.service) }} />
                  <span class="svc">{row.service}</span> {row.name}
                </span>
                <span class="trace-duration">{formatDuration(row.durationMs)}</span>
                <span class="trace-id mono">{row.traceId}</span>
                <span class="trace-bar">
                  <span style={{ width: `${(100 * row.durationMs) / (longest || 1)}%` }} />
                </span>
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A selection in words: its group, value range and time span. Throws nothing. */
export function describeSelection(selection: Selection): string {
  const parts = Object.entries(selection.group ?? {}).map(
    ([k, v]) => `${k} = ${formatGroupValue(v)}`,
  );
  if (selection.column !== undefined && selection.lower !== undefined) {
    const { column, lower, upper } = selection;
    parts.push(
      `${column} in ${formatCalcValue(lower, column)} – ${formatCalcValue(upper ?? Number.NaN, column)}`,
    );
  }
  if (selection.start !== undefined && selection.end !== undefined) {
    const from = formatTimestamp(selection.start * 1000).slice(0, 19);
    const to = formatTimestamp(selection.end * 1000).slice(11, 19);
    parts.push(`${from} – ${to}`);
  }
  return parts.length ? parts.join(" · ") : "All matching spans";
}
