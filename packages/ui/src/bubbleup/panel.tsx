import type { BubbleUpColumn, BubbleUpResult } from "@sonde/protocol/query";
import { useEffect, useState } from "preact/hooks";
import { postBubbleUp } from "../api.js";
import { formatNumber } from "../format.js";
import type { SentRequest } from "../query/state.js";
import type { Selection } from "../traces/selection.js";
import { describeSelection } from "../traces/slowest-traces.js";
import { bubbleUpRequest } from "./request.js";

type Load =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "done"; result: BubbleUpResult };

interface BubbleUpProps {
  base: SentRequest;
  selection: Selection;
  /** Adds `column = value` to the query (a click on a value's bars). */
  onFilter(column: string, value: string | null): void;
  onClose(): void;
}

/**
 * BubbleUp: for every attribute, how its values are distributed among the selected spans
 * (orange) against the rest (the baseline, blue), attributes ranked by the largest difference
 * (from `POST /api/bubbleup`).
 */
export function BubbleUp({ base, selection, onFilter, onClose }: BubbleUpProps) {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: "loading" });
    postBubbleUp(bubbleUpRequest(base, selection), abort.signal).then(
      (result) => setLoad({ status: "done", result }),
      (err: Error) => {
        if (err.name !== "AbortError") setLoad({ status: "error", message: err.message });
      },
    );
    return () => abort.abort();
  }, [base, selection]);
  return (
    <section class="card bubbleup" data-testid="bubbleup">
      <header>
        <h2>BubbleUp</h2>
        <span class="muted">{describeSelection(selection)}</span>
        {load.status === "done" && (
          <span class="muted" data-testid="bubbleup-counts">
            · <span class="sel-key" /> selection {formatNumber(load.result.selection_count)} spans ·{" "}
            <span class="base-key" /> baseline {formatNumber(load.result.baseline_count)} spans
          </span>
        )}
        <button type="button" class="remove" title="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {load.status === "loading" && <p class="muted">Comparing…</p>}
      {load.status === "error" && (
        <p class="query-error" role="alert">
          {load.message}
        </p>
      )}
      {load.status === "done" && load.result.selection_count === 0 && (
        <p class="muted">No spans in the selection.</p>
      )}
      {load.status === "done" && load.result.selection_count > 0 && (
        <div class="bubbleup-grid">
          {load.result.columns.map((c) => (
            <ColumnBars key={c.column} column={c} onFilter={onFilter} />
          ))}
        </div>
      )}
    </section>
  );
}

/** One attribute: its most different values, selection vs baseline share as paired bars. */
function ColumnBars({
  column,
  onFilter,
}: {
  column: BubbleUpColumn;
  onFilter(column: string, value: string | null): void;
}) {
  const pct = (x: number) => `${(100 * x).toFixed(x < 0.1 ? 1 : 0)}%`;
  return (
    <div class="bu-column" data-testid="bubbleup-column" data-column={column.column}>
      <div class="bu-title">
        <strong>{column.column}</strong>{" "}
        <span class="muted" title="largest difference of shares">
          Δ {pct(column.score)}
        </span>
      </div>
      {column.values.slice(0, 6).map((v) => (
        <button
          type="button"
          key={String(v.value)}
          class="bu-value"
          title={`Filter the query by ${column.column} = ${v.value ?? "(absent)"}`}
          onClick={() => onFilter(column.column, v.value)}
        >
          <span class="bu-label">{v.value ?? "(absent)"}</span>
          <span class="bu-bars">
            <span class="bu-sel" style={{ width: `${100 * v.selection}%` }} />
            <span class="bu-base" style={{ width: `${100 * v.baseline}%` }} />
          </span>
          <span class="bu-pct">
            {pct(v.selection)} / {pct(v.baseline)}
          </span>
        </button>
      ))}
    </div>
  );
}
