import type { Group, QueryResult } from "@sonde/protocol/query";
import { calculationKey } from "@sonde/protocol/query";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { getMetrics, postExemplar, postQuery } from "../api.js";
import { BubbleUp } from "../bubbleup/panel.js";
import { exemplarRequest } from "../bubbleup/request.js";
import { isDurationColumn } from "../format.js";
import { servicesOf, useAnnotations } from "../results/annotations.js";
import { Heatmap } from "../results/heatmap.js";
import { LineChart } from "../results/line-chart.js";
import type { AlignedSeries } from "../results/series.js";
import { alignSeries, groupKey } from "../results/series.js";
import { TotalsTable } from "../results/totals-table.js";
import { queryHref, traceHref } from "../route.js";
import type { Selection } from "../traces/selection.js";
import { SlowestTraces } from "../traces/slowest-traces.js";
import { Builder } from "./builder.js";
import { loadColumns, useColumns } from "./columns.js";
import type { HistoryEntry } from "./history.js";
import { readHistory, remember } from "./history.js";
import type { CalcDraft, QueryState, SentRequest } from "./state.js";
import { paramsToState, stateToParams, timeWindow, toRequest } from "./state.js";

/** A finished run: the request sent, its answer, and how long the round trip took. */
interface Run {
  request: SentRequest;
  result: QueryResult;
  aligned: AlignedSeries;
  previous?: { aligned: AlignedSeries; offsetS: number };
  rangeLabel: string;
  elapsedMs: number;
}

/** What the side panels show: a group's slowest traces, or a BubbleUp of a brushed region. */
type Focus = { kind: "traces"; selection: Selection } | { kind: "bubbleup"; selection: Selection };

/** The last page state, so that coming back from a trace shows it again without a rerun. */
let saved: { key: string; run: Run; focus?: Focus } | undefined;

/** The hash of the last query page shown (for links back to it). */
export function lastQueryHref(): string {
  return saved ? queryHref(new URLSearchParams(saved.key)) : "#/";
}

/**
 * The query page: builder, charts, totals, and what a click or a brush leads to (exemplar
 * trace, slowest traces of a group, BubbleUp of a region). The URL holds the query; a change
 * of URL (Run, back, a shared link, a recent query) runs it and records it in the history.
 */
export function QueryPage({ params }: { params: URLSearchParams }) {
  const key = params.toString();
  const applied = useMemo(() => paramsToState(new URLSearchParams(key)), [key]);
  const [draft, setDraft] = useState<QueryState>(applied);
  const columns = useColumns(draft.dataset);
  const restored = saved?.key === key ? saved : undefined;
  const [run, setRun] = useState<Run | undefined>(restored?.run);
  const [focus, setFocus] = useState<Focus | undefined>(restored?.focus);
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState(false);
  const [nonce, setNonce] = useState(0);
  const [history, setHistory] = useState<HistoryEntry[]>(readHistory);
  const [metricNames, setMetricNames] = useState<string[]>([]);
  const skipRun = useRef(restored !== undefined);

  useEffect(() => setDraft(applied), [applied]);

  useEffect(() => {
    if (draft.dataset !== "metrics" || metricNames.length) return;
    getMetrics().then(
      (list) => setMetricNames(list.filter((m) => m.value_type !== "string").map((m) => m.name)),
      () => {},
    );
  }, [draft.dataset]);

  useEffect(() => {
    if (skipRun.current) {
      skipRun.current = false; // shown from `saved`
      return;
    }
    const abort = new AbortController();
    setRunning(true);
    setError(undefined);
    (async () => {
      const request = toRequest(applied, await loadColumns(applied.dataset));
      const started = performance.now();
      const result = await postQuery(request, abort.signal);
      const aligned = alignSeries(result, request.breakdowns, request.granularity_s);
      const previous = result.compare
        ? {
            aligned: alignSeries(
              { totals: result.compare.totals, series: result.compare.series },
              request.breakdowns,
              request.granularity_s,
            ),
            offsetS: result.compare.offset_s,
          }
        : undefined;
      const elapsedMs = performance.now() - started;
      const rangeLabel = timeWindow(applied).label;
      const next = { request, result, aligned, previous, rangeLabel, elapsedMs };
      setRun(next);
      setFocus(undefined);
      saved = { key, run: next };
      setHistory(remember(key, Date.now()));
    })()
      .catch((err: Error) => {
        if (err.name === "AbortError") return;
        setError(err.message);
        setRun(undefined); // results of another query would read as this one's
      })
      .finally(() => abort.signal.aborted || setRunning(false));
    return () => abort.abort();
  }, [applied, nonce]);

  const go = (state: QueryState) => {
    const next = stateToParams(state).toString();
    if (next === key) setNonce((n) => n + 1);
    else location.hash = queryHref(new URLSearchParams(next));
  };

  const show = (next: Focus | undefined) => {
    setFocus(next);
    if (saved?.key === key) saved.focus = next;
  };

  /** A click on a point: open the exemplar trace (the slowest span at or below the value). */
  const openExemplar = async (selection: Selection, calc: CalcDraft, value?: number) => {
    if (!run || selection.start === undefined || selection.end === undefined) return;
    const column = calc.column && isDurationColumn(calc.column) ? calc.column : "duration_ms";
    const atMost = calc.column === column && calc.op !== "HEATMAP" ? value : selection.upper;
    const request = exemplarRequest(
      run.request,
      { group: selection.group, start: selection.start, end: selection.end },
      { column, atMost },
    );
    try {
      const { exemplar } = await postExemplar(request);
      if (exemplar) location.hash = traceHref(exemplar.trace_id, exemplar.span_id);
      else show({ kind: "traces", selection });
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const addFilter = (column: string, value: string | null) => {
    const filter =
      value === null
        ? { column, op: "not-exists" as const, value: "" }
        : { column, op: "=" as const, value };
    go({ ...applied, filters: [...applied.filters, filter] });
  };

  return (
    <main class="query-page" aria-busy={running} data-testid="query-page">
      <Builder
        state={draft}
        columns={columns}
        metrics={metricNames}
        history={history}
        running={running}
        error={error}
        onChange={setDraft}
        onRun={() => go(draft)}
        onRecall={(p) => {
          location.hash = queryHref(new URLSearchParams(p));
        }}
      />
      {run && (
        <Results
          run={run}
          stale={running}
          focus={focus}
          onFocus={show}
          onExemplar={openExemplar}
          onFilter={addFilter}
        />
      )}
      {!run && running && <p class="muted loading">Running query…</p>}
    </main>
  );
}

function Results(props: {
  run: Run;
  stale: boolean;
  focus: Focus | undefined;
  onFocus(focus: Focus | undefined): void;
  onExemplar(selection: Selection, calc: CalcDraft, value?: number): void;
  onFilter(column: string, value: string | null): void;
}) {
  const { request, result, aligned, previous, rangeLabel, elapsedMs } = props.run;
  const { focus } = props;
  const granularity = request.granularity_s;
  const spans = request.dataset === "spans";
  const annotations = useAnnotations(
    aligned.times[0],
    aligned.times[aligned.times.length - 1] + granularity,
    request.dataset === "metrics" ? [] : servicesOf(request.filters),
  );
  const traces = focus?.kind === "traces" ? focus.selection : undefined;
  const selectedKey = traces?.group ? groupKey(traces.group, request.breakdowns) : undefined;
  const pickGroup = (group: Group) => props.onFocus({ kind: "traces", selection: { group } });
  const brush = spans
    ? (selection: Selection) => props.onFocus({ kind: "bubbleup", selection })
    : undefined;
  const pick = (calc: CalcDraft) => (selection: Selection, value?: number) => {
    if (spans) props.onExemplar(selection, calc, value);
  };
  return (
    <div class={`results-area${traces ? " with-traces" : ""}${props.stale ? " stale" : ""}`}>
      <div class="results-main">
        <p class="meta muted" data-testid="results-meta">
          {result.totals.length} {result.totals.length === 1 ? "group" : "groups"} · {rangeLabel} ·{" "}
          {granularity}s buckets · {Math.round(elapsedMs)} ms
          {result.approximate && (
            <span title={`estimated: ${result.approximation?.calculations.join(", ")}`}>
              {" "}
              · approximate (±{(100 * (result.approximation?.relative_error ?? 0)).toFixed(0)}%)
            </span>
          )}
          {previous && ` · dashed: previous period`}
          {spans && " · click a point for an exemplar trace, drag to compare (BubbleUp)"}
          {annotations.length > 0 && ` · ${annotations.length} events marked`}
        </p>
        {aligned.times.length > 0 &&
          request.calculations.map((calc) =>
            calc.op === "HEATMAP" ? (
              <Heatmap
                key={calculationKey(calc)}
                calc={calc}
                aligned={aligned}
                granularityS={granularity}
                onPick={pick(calc)}
                onBrush={brush}
                annotations={annotations}
              />
            ) : (
              <LineChart
                key={calculationKey(calc)}
                calc={calc}
                aligned={aligned}
                breakdowns={request.breakdowns}
                granularityS={granularity}
                previous={previous}
                onPick={pick(calc)}
                onBrush={brush}
                annotations={annotations}
              />
            ),
          )}
        {focus?.kind === "bubbleup" && (
          <BubbleUp
            base={request}
            selection={focus.selection}
            onFilter={props.onFilter}
            onClose={() => props.onFocus(undefined)}
          />
        )}
        <TotalsTable
          result={result}
          calculations={request.calculations}
          breakdowns={request.breakdowns}
          groups={aligned.groups}
          selectedKey={selectedKey}
          onPick={spans ? pickGroup : () => {}}
        />
      </div>
      {traces && (
        <aside class="results-side">
          <SlowestTraces
            base={request}
            selection={traces}
            onClose={() => props.onFocus(undefined)}
          />
        </aside>
      )}
    </div>
  );
}
