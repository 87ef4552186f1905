import type { ColumnInfo, FilterOp, HavingOp } from "@sonde/protocol/query";
import { calculationKey, FILTER_OPS, HAVING_OPS, METRIC_OPS } from "@sonde/protocol/query";
import type { JSX } from "preact";
import { formatTimestamp } from "../format.js";
import type { HistoryEntry } from "./history.js";
import type { CalcDraft, Dataset, FilterDraft, QueryState, RangeKey } from "./state.js";
import {
  DATASETS,
  DEFAULT_QUERY,
  defaultNumericColumn,
  isColumnless,
  isUnary,
  opsOf,
  paramsToState,
  RANGES,
  SIGNAL_DEFAULTS,
} from "./state.js";

interface BuilderProps {
  state: QueryState;
  columns: ColumnInfo[];
  /** Metric names, for the metrics dataset. */
  metrics: string[];
  history: HistoryEntry[];
  running: boolean;
  error: string | undefined;
  onChange(state: QueryState): void;
  onRun(): void;
  /** Opens a query of the history (its URL form). */
  onRecall(params: string): void;
}

/**
 * The query builder, every part of the query model: dataset (spans, events, logs, errors or
 * a metric),
 * calculations, filters combined with AND or OR, group by, order by, having, limit, a relative
 * or absolute time range, compare with the previous period; Run (also Ctrl/⌘+Enter) and the
 * recent queries. Column fields suggest known columns but accept any attribute name.
 */
export function Builder(props: BuilderProps) {
  const { state, columns, running, error, onChange, onRun } = props;
  const set = (patch: Partial<QueryState>) => onChange({ ...state, ...patch });
  const replace = <T,>(list: T[], i: number, item: T) => list.map((x, j) => (j === i ? item : x));
  const remove = <T,>(list: T[], i: number) => list.filter((_, j) => j !== i);
  const metrics = state.dataset === "metrics";
  const calcKeys = state.calculations.map(calculationKey);
  const orderKeys = [...calcKeys.filter((k) => !k.startsWith("HEATMAP")), ...state.breakdowns];
  const havingKeys = calcKeys.filter((k) => !k.startsWith("HEATMAP"));

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onRun();
    }
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    onRun();
  };
  const setDataset = (dataset: Dataset) => {
    const keep = { range: state.range, from: state.from, to: state.to };
    if (dataset === "metrics") {
      set({ dataset, calculations: [{ op: "RATE" }], breakdowns: [], orders: [], havings: [] });
    } else if (dataset === "spans") set({ ...DEFAULT_QUERY, ...keep });
    else {
      const by = SIGNAL_DEFAULTS[dataset];
      set({
        ...DEFAULT_QUERY,
        ...keep,
        dataset,
        calculations: [{ op: "COUNT" }],
        breakdowns: [by],
      });
    }
  };

  return (
    <form class="builder" data-testid="query-builder" onKeyDown={onKeyDown} onSubmit={onSubmit}>
      <datalist id="columns-all">
        {columns.map((c) => (
          <option key={c.name} value={c.name} />
        ))}
      </datalist>
      <datalist id="columns-number">
        {columns
          .filter((c) => c.type === "number")
          .map((c) => (
            <option key={c.name} value={c.name} />
          ))}
      </datalist>
      <datalist id="metric-names">
        {props.metrics.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>

      <div class="clause">
        <div class="clause-title">Data</div>
        <div class="clause-items">
          <select
            data-testid="dataset"
            value={state.dataset}
            onChange={(e) => setDataset(e.currentTarget.value as Dataset)}
          >
            {DATASETS.map((d) => (
              <option key={d} value={d}>
                {d === "metrics" ? "metric" : d}
              </option>
            ))}
          </select>
          {metrics && (
            <input
              class="column metric-name"
              list="metric-names"
              data-testid="metric-name"
              placeholder="/metric/name"
              spellcheck={false}
              value={state.metric}
              size={Math.max(20, state.metric.length + 1)}
              onInput={(e) => set({ metric: e.currentTarget.value.trim() })}
            />
          )}
        </div>
      </div>

      <Clause
        title="Visualize"
        onAdd={() => set({ calculations: [...state.calculations, nextCalculation(state)] })}
        addTestId="add-calculation"
      >
        {state.calculations.map((calc, i) => (
          <CalcChip
            key={i}
            calc={calc}
            dataset={state.dataset}
            removable={state.calculations.length > 1}
            onChange={(c) => set({ calculations: replace(state.calculations, i, c) })}
            onRemove={() => set({ calculations: remove(state.calculations, i) })}
          />
        ))}
      </Clause>

      <Clause
        title="Where"
        onAdd={() => set({ filters: [...state.filters, { column: "", op: "=", value: "" }] })}
        addTestId="add-filter"
      >
        {[
          ...state.filters.map((filter, i) => (
            <FilterChip
              key={i}
              filter={filter}
              onChange={(f) => set({ filters: replace(state.filters, i, f) })}
              onRemove={() => set({ filters: remove(state.filters, i) })}
            />
          )),
          ...(state.filters.length > 1
            ? [
                <select
                  key="match"
                  class="match"
                  data-testid="filter-match"
                  value={state.any ? "any" : "all"}
                  title="How the filters combine"
                  onChange={(e) => set({ any: e.currentTarget.value === "any" })}
                >
                  <option value="all">all (AND)</option>
                  <option value="any">any (OR)</option>
                </select>,
              ]
            : []),
        ]}
      </Clause>

      <Clause
        title="Group by"
        onAdd={() => set({ breakdowns: [...state.breakdowns, ""] })}
        addTestId="add-breakdown"
      >
        {state.breakdowns.map((column, i) => (
          <span class="chip" key={i} data-testid="breakdown">
            <ColumnInput
              value={column}
              list="columns-all"
              testId="breakdown-column"
              onChange={(c) => set({ breakdowns: replace(state.breakdowns, i, c) })}
            />
            <RemoveButton onClick={() => set({ breakdowns: remove(state.breakdowns, i) })} />
          </span>
        ))}
      </Clause>

      <Clause
        title="Order by"
        onAdd={() =>
          set({ orders: [...state.orders, { key: orderKeys[0] ?? "COUNT", desc: true }] })
        }
        addTestId="add-order"
      >
        {state.orders.map((order, i) => (
          <span class="chip" key={i} data-testid="order">
            <KeySelect
              value={order.key}
              keys={orderKeys}
              testId="order-key"
              onChange={(key) => set({ orders: replace(state.orders, i, { ...order, key }) })}
            />
            <select
              data-testid="order-direction"
              value={order.desc ? "desc" : "asc"}
              onChange={(e) =>
                set({
                  orders: replace(state.orders, i, {
                    ...order,
                    desc: e.currentTarget.value === "desc",
                  }),
                })
              }
            >
              <option value="desc">desc</option>
              <option value="asc">asc</option>
            </select>
            <RemoveButton onClick={() => set({ orders: remove(state.orders, i) })} />
          </span>
        ))}
      </Clause>

      {!metrics && (
        <Clause
          title="Having"
          onAdd={() =>
            set({
              havings: [...state.havings, { key: havingKeys[0] ?? "COUNT", op: ">", value: "0" }],
            })
          }
          addTestId="add-having"
        >
          {state.havings.map((having, i) => (
            <span class="chip" key={i} data-testid="having">
              <KeySelect
                value={having.key}
                keys={havingKeys}
                testId="having-key"
                onChange={(key) => set({ havings: replace(state.havings, i, { ...having, key }) })}
              />
              <select
                data-testid="having-op"
                value={having.op}
                onChange={(e) =>
                  set({
                    havings: replace(state.havings, i, {
                      ...having,
                      op: e.currentTarget.value as HavingOp,
                    }),
                  })
                }
              >
                {HAVING_OPS.map((op) => (
                  <option key={op}>{op}</option>
                ))}
              </select>
              <input
                class="value"
                data-testid="having-value"
                inputMode="decimal"
                value={having.value}
                size={Math.max(4, having.value.length + 1)}
                onInput={(e) =>
                  set({
                    havings: replace(state.havings, i, { ...having, value: e.currentTarget.value }),
                  })
                }
              />
              <RemoveButton onClick={() => set({ havings: remove(state.havings, i) })} />
            </span>
          ))}
        </Clause>
      )}

      <div class="builder-actions">
        <label class="inline">
          Limit{" "}
          <input
            type="number"
            min={1}
            max={1000}
            class="limit"
            data-testid="limit"
            value={state.limit}
            onInput={(e) => {
              const n = Number(e.currentTarget.value);
              if (Number.isInteger(n) && n >= 1 && n <= 1000) set({ limit: n });
            }}
          />
        </label>
        <TimeRangeInput state={state} onChange={set} />
        {!metrics && (
          <label class="inline" title="Also chart the previous period of the same length, dashed">
            <input
              type="checkbox"
              data-testid="compare"
              checked={state.compare}
              onChange={(e) => set({ compare: e.currentTarget.checked })}
            />{" "}
            Compare with previous period
          </label>
        )}
        <button type="submit" class="primary" data-testid="run-query" disabled={running}>
          {running ? "Running…" : "Run query"}
        </button>
        {props.history.length > 0 && (
          <select
            class="history"
            data-testid="history"
            value=""
            onChange={(e) => e.currentTarget.value && props.onRecall(e.currentTarget.value)}
          >
            <option value="">Recent queries…</option>
            {props.history.map((h) => (
              <option key={h.params} value={h.params}>
                {describeQuery(h.params)} · {formatTimestamp(h.at).slice(11, 19)}
              </option>
            ))}
          </select>
        )}
        {error && (
          <div class="query-error" role="alert" data-testid="query-error">
            {error}
          </div>
        )}
      </div>
    </form>
  );
}

/** A one-line summary of a query in URL form, for the history list. */
export function describeQuery(params: string): string {
  const s = paramsToState(new URLSearchParams(params));
  const parts = [
    s.dataset === "metrics" ? s.metric : "",
    s.calculations.map(calculationKey).join(", "),
    s.filters.length
      ? `where ${s.filters.map((f) => `${f.column} ${f.op} ${f.value}`.trim()).join(s.any ? " or " : " and ")}`
      : "",
    s.breakdowns.length ? `by ${s.breakdowns.join(", ")}` : "",
  ];
  return parts.filter(Boolean).join(" ");
}

/** Local `YYYY-MM-DDTHH:mm:ss` for a datetime-local input; "" for an unreadable time. */
function toLocalInput(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return "";
  return formatTimestamp(ms).slice(0, 19).replace(" ", "T");
}

function TimeRangeInput(props: { state: QueryState; onChange(patch: Partial<QueryState>): void }) {
  const { state, onChange } = props;
  const absolute = !!(state.from && state.to);
  const setRange = (value: string) => {
    if (value !== "custom") return onChange({ range: value as RangeKey, from: "", to: "" });
    const end = Date.now();
    const start = end - RANGES[state.range].seconds * 1000;
    onChange({ from: new Date(start).toISOString(), to: new Date(end).toISOString() });
  };
  const setBound = (key: "from" | "to", local: string) => {
    const ms = new Date(local).getTime();
    if (Number.isFinite(ms)) onChange({ [key]: new Date(ms).toISOString() });
  };
  return (
    <>
      <select
        data-testid="time-range"
        value={absolute ? "custom" : state.range}
        onChange={(e) => setRange(e.currentTarget.value)}
      >
        {Object.entries(RANGES).map(([key, r]) => (
          <option key={key} value={key}>
            {r.label}
          </option>
        ))}
        <option value="custom">Absolute…</option>
      </select>
      {absolute && (
        <>
          <input
            type="datetime-local"
            step={1}
            data-testid="time-from"
            value={toLocalInput(state.from)}
            onChange={(e) => setBound("from", e.currentTarget.value)}
          />
          <span class="muted">to</span>
          <input
            type="datetime-local"
            step={1}
            data-testid="time-to"
            value={toLocalInput(state.to)}
            onChange={(e) => setBound("to", e.currentTarget.value)}
          />
        </>
      )}
    </>
  );
}

function KeySelect(props: {
  value: string;
  keys: string[];
  testId: string;
  onChange(key: string): void;
}) {
  const keys = props.keys.includes(props.value) ? props.keys : [props.value, ...props.keys];
  return (
    <select
      data-testid={props.testId}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    >
      {keys.map((k) => (
        <option key={k}>{k}</option>
      ))}
    </select>
  );
}

/** Suggestions for a new calculation, the first one not in the query yet is added. */
const SUGGESTED: CalcDraft[] = [
  { op: "COUNT" },
  { op: "P99", column: "duration_ms" },
  { op: "P50", column: "duration_ms" },
  { op: "HEATMAP", column: "duration_ms" },
  { op: "AVG", column: "duration_ms" },
  { op: "MAX", column: "duration_ms" },
];

function nextCalculation(state: QueryState): CalcDraft {
  const taken = new Set(state.calculations.map(calculationKey));
  if (state.dataset === "metrics") {
    return { op: METRIC_OPS.find((op) => !taken.has(op)) ?? "LAST" };
  }
  if (state.dataset !== "spans") {
    const column = state.dataset === "logs" ? "severity_number" : "trace_id";
    const next = { op: state.dataset === "logs" ? "MAX" : "COUNT_DISTINCT", column };
    return taken.has("COUNT") ? next : { op: "COUNT" };
  }
  return (
    SUGGESTED.find((c) => !taken.has(calculationKey(c))) ?? { op: "SUM", column: "duration_ms" }
  );
}

function Clause(props: {
  title: string;
  addTestId: string;
  onAdd(): void;
  children: JSX.Element[];
}) {
  return (
    <div class="clause">
      <div class="clause-title">{props.title}</div>
      <div class="clause-items">
        {props.children}
        <button
          type="button"
          class="add"
          title={`Add to ${props.title.toLowerCase()}`}
          data-testid={props.addTestId}
          onClick={props.onAdd}
        >
          +
        </button>
      </div>
    </div>
  );
}

function CalcChip(props: {
  calc: CalcDraft;
  dataset: Dataset;
  removable: boolean;
  onChange(calc: CalcDraft): void;
  onRemove(): void;
}) {
  const { calc, dataset } = props;
  const columnless = isColumnless(calc.op, dataset);
  const setOp = (op: string) =>
    props.onChange(
      isColumnless(op, dataset)
        ? { op }
        : {
            op,
            column:
              calc.column ?? (op === "COUNT_DISTINCT" ? "trace_id" : defaultNumericColumn(dataset)),
          },
    );
  const ops = opsOf(dataset);
  return (
    <span class="chip" data-testid="calculation">
      <select data-testid="calc-op" value={calc.op} onChange={(e) => setOp(e.currentTarget.value)}>
        {ops.map((op) => (
          <option key={op}>{op}</option>
        ))}
      </select>
      {!columnless && (
        <>
          <span class="paren">(</span>
          <ColumnInput
            value={calc.column ?? ""}
            list={calc.op === "COUNT_DISTINCT" ? "columns-all" : "columns-number"}
            testId="calc-column"
            onChange={(column) => props.onChange({ op: calc.op, column })}
          />
          <span class="paren">)</span>
        </>
      )}
      {props.removable && <RemoveButton onClick={props.onRemove} />}
    </span>
  );
}

function FilterChip(props: {
  filter: FilterDraft;
  onChange(filter: FilterDraft): void;
  onRemove(): void;
}) {
  const { filter } = props;
  return (
    <span class="chip" data-testid="filter">
      <ColumnInput
        value={filter.column}
        list="columns-all"
        testId="filter-column"
        onChange={(column) => props.onChange({ ...filter, column })}
      />
      <select
        data-testid="filter-op"
        value={filter.op}
        onChange={(e) => props.onChange({ ...filter, op: e.currentTarget.value as FilterOp })}
      >
        {FILTER_OPS.map((op) => (
          <option key={op}>{op}</option>
        ))}
      </select>
      {!isUnary(filter.op) && (
        <input
          class="value"
          data-testid="filter-value"
          placeholder={filter.op === "in" ? "a, b, c" : "value"}
          value={filter.value}
          size={Math.max(6, filter.value.length + 1)}
          onInput={(e) => props.onChange({ ...filter, value: e.currentTarget.value })}
        />
      )}
      <RemoveButton onClick={props.onRemove} />
    </span>
  );
}

function ColumnInput(props: {
  value: string;
  list: string;
  testId: string;
  onChange(value: string): void;
}) {
  return (
    <input
      class="column"
      list={props.list}
      data-testid={props.testId}
      placeholder="column"
      spellcheck={false}
      value={props.value}
      size={Math.max(8, props.value.length + 1)}
      onInput={(e) => props.onChange(e.currentTarget.value.trim())}
    />
  );
}

function RemoveButton(props: { onClick(): void }) {
  return (
    <button
      type="button"
      class="remove"
      title="Remove"
      data-testid="remove"
      onClick={props.onClick}
    >
      ×
    </button>
  );
}
