import type { Group, QueryRequest, QueryResult } from "@sonde/protocol/query";
import { calculationKey } from "@sonde/protocol/query";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { postQuery } from "../api.js";
import { Heatmap } from "../results/heatmap.js";
import { LineChart } from "../results/line-chart.js";
import type { AlignedSeries } from "../results/series.js";
import { alignSeries, groupKey } from "../results/series.js";
import { TotalsTable } from "../results/totals-table.js";
import { queryHref } from "../route.js";
import type { Selection } from "../traces/selection.js";
import { SlowestTraces } from "../traces/slowest-traces.js";
import { Builder } from "./builder.js";
import { loadColumns, useColumns } from "./columns.js";
import type { QueryState } from "./state.js";
import { paramsToState, RANGES, stateToParams, toRequest } from "./state.js";

/** A finished run: the request sent, its answer, and how long the round trip took. */
interface Run {
  request: Required<QueryRequest>;
  result: QueryResult;
  aligned: AlignedSeries;
  rangeLabel: string;
  elapsedMs: number;
}

/** The last page state, so that coming back from a trace shows it again without a rerun. */
let saved: { key: string; run: Run; selection?: Selection } | undefined;

/** The hash of the last query page shown (for links back to it). */
export function lastQueryHref(): string {
  return saved ? queryHref(new URLSearchParams(saved.key)) : "#/";
}

/**
 * The query page: builder, charts, totals and the slowest traces of a clicked group. The URL
 * holds the query; a change of URL (Run, back, a shared link) runs it.
 */
export function QueryPage({ params }: { params: URLSearchParams }) {
  const key = params.toString();
  const columns = useColumns();
  const applied = useMemo(() => paramsToState(new URLSearchParams(key)), [key]);
  const [draft, setDraft] = useState<QueryState>(applied);
  const restored = saved?.key === key ? saved : undefined;
  const [run, setRun] = useState<Run | undefined>(restored?.run);
  const [selection, setSelection] = useState<Selection | undefined>(restored?.selection);
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState(false);
  const [nonce, setNonce] = useState(0);
  const skipRun = useRef(restored !== undefined);

  useEffect(() => setDraft(applied), [applied]);

  useEffect(() => {
    if (skipRun.current) {
      skipRun.current = false; // shown from `saved`
      return;
    }
    const abort = new AbortController();
    setRunning(true);
    setError(undefined);
    (async () => {
      const request = toRequest(applied, await loadColumns());
      const started = performance.now();
      const result = await postQuery(request, abort.signal);
      const aligned = alignSeries(result, request.breakdowns, request.granularity_s);
      const elapsedMs = performance.now() - started;
      const next = { request, result, aligned, rangeLabel: RANGES[applied.range].label, elapsedMs };
      setRun(next);
      setSelection(undefined);
      saved = { key, run: next };
    })()
      .catch((err: Error) => {
        if (err.name === "AbortError") return;
        setError(err.message);
        setRun(undefined); // results of another query would read as this one's
      })
      .finally(() => abort.signal.aborted || setRunning(false));
    return () => abort.abort();
  }, [applied, nonce]);

  const onRun = () => {
    const next = stateToParams(draft).toString();
    if (next === key) setNonce((n) => n + 1);
    else location.hash = queryHref(new URLSearchParams(next));
  };

  const select = (next: Selection | undefined) => {
    setSelection(next);
    if (saved?.key === key) saved.selection = next;
  };

  return (
    <main class="query-page" aria-busy={running} data-testid="query-page">
      <Builder
        state={draft}
        columns={columns}
        running={running}
        error={error}
        onChange={setDraft}
        onRun={onRun}
      />
      {run && (
        <Results
          run={run}
          stale={running}
          selection={selection}
          onSelect={select}
          onClear={() => select(undefined)}
        />
      )}
      {!run && running && <p class="muted loading">Running query…</p>}
    </main>
  );
}

function Results(props: {
  run: Run;
  stale: boolean;
  selection: Selection | undefined;
  onSelect(selection: Selection): void;
  onClear(): void;
}) {
  const { request, result, aligned, rangeLabel, elapsedMs } = props.run;
  const granularity = request.granularity_s;
  const selectedKey = props.selection?.group
    ? groupKey(props.selection.group, request.breakdowns)
    : undefined;
  const pickGroup = (group: Group) => props.onSelect({ group });
  return (
    <div
      class={`results-area${props.selection ? " with-traces" : ""}${props.stale ? " stale" : ""}`}
    >
      <div class="results-main">
        <p class="meta muted" data-testid="results-meta">
          {result.totals.length} {result.totals.length === 1 ? "group" : "groups"} · {rangeLabel} ·{" "}
          {granularity}s buckets · {Math.round(elapsedMs)} ms
        </p>
        {aligned.times.length > 0 &&
          request.calculations.map((calc) =>
            calc.op === "HEATMAP" ? (
              <Heatmap
                key={calculationKey(calc)}
                calc={calc}
                aligned={aligned}
                granularityS={granularity}
                onPick={props.onSelect}
              />
            ) : (
              <LineChart
                key={calculationKey(calc)}
                calc={calc}
                aligned={aligned}
                granularityS={granularity}
                onPick={props.onSelect}
              />
            ),
          )}
        <TotalsTable
          result={result}
          calculations={request.calculations}
          breakdowns={request.breakdowns}
          groups={aligned.groups}
          selectedKey={selectedKey}
          onPick={pickGroup}
        />
      </div>
      {props.selection && (
        <aside class="results-side">
          <SlowestTraces base={request} selection={props.selection} onClose={props.onClear} />
        </aside>
      )}
    </div>
  );
}
