import type { TraceLogsResult } from "@sonde/protocol/query";
import { useEffect, useState } from "preact/hooks";
import { getTraceLogs } from "../api.js";
import { formatDuration } from "../format.js";

/** One line of the merged list: a log line or an error report. */
interface Line {
  ms: number;
  service: string;
  spanId: string;
  level: string;
  text: string;
  error: boolean;
}

/** Log lines and errors of a trace, merged, oldest first. */
export function mergeTraceLogs(r: TraceLogsResult): Line[] {
  const lines: Line[] = [
    ...r.logs.map((l) => ({
      ms: Date.parse(l.timestamp),
      service: l["service.name"],
      spanId: l.span_id,
      level: l.severity_text || String(l.severity_number),
      text: l.body,
      error: l.severity_number >= 17,
    })),
    ...r.errors.map((e) => ({
      ms: Date.parse(e.timestamp),
      service: e["service.name"],
      spanId: e.span_id,
      level: e.type,
      text: `${e.message}${e.owner ? ` · owner ${e.owner}` : ""}`,
      error: true,
    })),
  ];
  return lines.sort((a, b) => a.ms - b.ms);
}

/**
 * The "Logs" panel of a trace: its log lines and error reports (`GET /api/traces/{id}/logs`),
 * time from the trace's start, each linked to its span (a click selects it); lines of the
 * selected span are highlighted.
 */
export function TraceLogs(props: {
  traceId: string;
  traceStartMs: number;
  selectedSpanId: string | undefined;
  onSelectSpan(spanId: string): void;
}) {
  const [lines, setLines] = useState<Line[] | string>();
  useEffect(() => {
    const abort = new AbortController();
    getTraceLogs(props.traceId, abort.signal).then(
      (r) => setLines(mergeTraceLogs(r)),
      (err: Error) => err.name !== "AbortError" && setLines(err.message),
    );
    return () => abort.abort();
  }, [props.traceId]);
  if (lines === undefined) return null;
  return (
    <section class="card trace-logs" data-testid="trace-logs">
      <h2>
        Logs and errors {typeof lines !== "string" && <span class="muted">({lines.length})</span>}
      </h2>
      {typeof lines === "string" ? (
        <p class="query-error">{lines}</p>
      ) : lines.length === 0 ? (
        <p class="muted">No log lines or errors were recorded in this trace.</p>
      ) : (
        <table>
          <tbody>
            {lines.map((l, i) => (
              <tr
                key={i}
                data-testid="trace-log"
                class={`${l.error ? "error-text" : ""}${l.spanId && l.spanId === props.selectedSpanId ? " selected" : ""}`}
              >
                <td class="num">+{formatDuration(l.ms - props.traceStartMs)}</td>
                <td>{l.level}</td>
                <td>{l.service}</td>
                <td class="log-text">{l.text}</td>
                <td>
                  {l.spanId && (
                    <button
                      type="button"
                      class="link mono"
                      data-testid="trace-log-span"
                      onClick={() => props.onSelectSpan(l.spanId)}
                    >
                      {l.spanId.slice(0, 8)}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
