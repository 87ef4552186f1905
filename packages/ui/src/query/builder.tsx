import type { Calculation, CalculationOp, ColumnInfo, FilterOp } from "@sonde/protocol/query";
import { CALCULATION_OPS, calculationKey, FILTER_OPS } from "@sonde/protocol/query";
import type { JSX } from "preact";
import type { FilterDraft, QueryState, RangeKey } from "./state.js";
import { isUnary, RANGES } from "./state.js";

interface BuilderProps {
  state: QueryState;
  columns: ColumnInfo[];
  running: boolean;
  error: string | undefined;
  onChange(state: QueryState): void;
  onRun(): void;
}

/**
 * The query builder: calculations, filters, group by, time range and Run (also Ctrl/⌘+Enter).
 * Column fields suggest known columns but accept any attribute name.
 */
export function Builder({ state, columns, running, error, onChange, onRun }: BuilderProps) {
  const set = (patch: Partial<QueryState>) => onChange({ ...state, ...patch });
  const replace = <T,>(list: T[], i: number, item: T) => list.map((x, j) => (j === i ? item : x));
  const remove = <T,>(list: T[], i: number) => list.filter((_, j) => j !== i);

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

      <Clause
        title="Visualize"
        onAdd={() => set({ calculations: [...state.calculations, nextCalculation(state)] })}
        addTestId="add-calculation"
      >
        {state.calculations.map((calc, i) => (
          <CalcChip
            key={i}
            calc={calc}
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
        {state.filters.map((filter, i) => (
          <FilterChip
            key={i}
            filter={filter}
            onChange={(f) => set({ filters: replace(state.filters, i, f) })}
            onRemove={() => set({ filters: remove(state.filters, i) })}
          />
        ))}
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

      <div class="builder-actions">
        <select
          data-testid="time-range"
          value={state.range}
          onChange={(e) => set({ range: e.currentTarget.value as RangeKey })}
        >
          {Object.entries(RANGES).map(([key, r]) => (
            <option key={key} value={key}>
              {r.label}
            </option>
          ))}
        </select>
        <button type="submit" class="primary" data-testid="run-query" disabled={running}>
          {running ? "Running…" : "Run query"}
        </button>
        {error && (
          <div class="query-error" role="alert" data-testid="query-error">
            {error}
          </div>
        )}
      </div>
    </form>
  );
}

/** Suggestions for a new calculation, the first one not in the query yet is added. */
const SUGGESTED: Calculation[] = [
  { op: "COUNT" },
  { op: "P99", column: "duration_ms" },
  { op: "P50", column: "duration_ms" },
  { op: "HEATMAP", column: "duration_ms" },
  { op: "AVG", column: "duration_ms" },
  { op: "MAX", column: "duration_ms" },
];

function nextCalculation(state: QueryState): Calculation {
  const taken = new Set(state.calculations.map(calculationKey));
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
  calc: Calculation;
  removable: boolean;
  onChange(calc: Calculation): void;
  onRemove(): void;
}) {
  const { calc } = props;
  const setOp = (op: CalculationOp) =>
    props.onChange(op === "COUNT" ? { op } : { op, column: calc.column ?? "duration_ms" });
  return (
    <span class="chip" data-testid="calculation">
      <select
        data-testid="calc-op"
        value={calc.op}
        onChange={(e) => setOp(e.currentTarget.value as CalculationOp)}
      >
        {CALCULATION_OPS.map((op) => (
          <option key={op}>{op}</option>
        ))}
      </select>
      {calc.op !== "COUNT" && (
        <>
          <span class="paren">(</span>
          <ColumnInput
            value={calc.column ?? ""}
            list="columns-number"
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
