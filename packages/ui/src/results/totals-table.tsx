import type { CalculationValue, Group, HeatmapValue, QueryResult } from "@sonde/protocol/query";
import { calculationKey } from "@sonde/protocol/query";
import { isHeatmap } from "../api.js";
import { formatCalcValue, formatGroupValue, formatNumber } from "../format.js";
import type { CalcDraft } from "../query/state.js";
import type { GroupInfo } from "./series.js";
import { groupKey } from "./series.js";

interface TotalsTableProps {
  result: QueryResult;
  calculations: CalcDraft[];
  breakdowns: string[];
  groups: GroupInfo[];
  selectedKey: string | undefined;
  onPick(group: Group): void;
}

/** The answer's totals: one row per group (in the answer's order), one column per calculation. */
export function TotalsTable(props: TotalsTableProps) {
  const { result, calculations, breakdowns } = props;
  if (result.totals.length === 0) {
    return (
      <div class="card empty" data-testid="results-empty">
        No spans match this query in this time range.
      </div>
    );
  }
  return (
    <div class="card table-card">
      <table class="results" data-testid="results-table">
        <thead>
          <tr>
            <th class="swatch-col" />
            {breakdowns.map((b) => (
              <th key={b}>{b}</th>
            ))}
            {breakdowns.length === 0 && <th>group</th>}
            {calculations.map((c) => (
              <th key={calculationKey(c)} class="num">
                {calculationKey(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.totals.map((total, i) => {
            const key = groupKey(total.group, breakdowns);
            return (
              <tr
                key={key}
                data-testid="result-row"
                data-group={JSON.stringify(total.group)}
                class={key === props.selectedKey ? "selected" : undefined}
                title="Click to list the slowest traces of this group"
                onClick={() => props.onPick(total.group)}
              >
                <td class="swatch-col">
                  <span class="dot" style={{ background: props.groups[i]?.color }} />
                </td>
                {breakdowns.map((b) => (
                  <td key={b} class={total.group[b] == null ? "muted" : undefined}>
                    {formatGroupValue(total.group[b])}
                  </td>
                ))}
                {breakdowns.length === 0 && <td>All spans</td>}
                {calculations.map((c) => (
                  <td key={calculationKey(c)} class="num">
                    <Cell value={total.values[calculationKey(c)]} column={c.column} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ value, column }: { value: CalculationValue | undefined; column?: string }) {
  if (isHeatmap(value)) return <MiniHistogram value={value} />;
  return <>{formatCalcValue(value, column)}</>;
}

/** A heatmap total as a tiny bar histogram (buckets in order, height = count). */
function MiniHistogram({ value }: { value: HeatmapValue }) {
  const buckets = value.buckets;
  const most = Math.max(...buckets.map((b) => b.count), 1);
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  const width = 100 / Math.max(buckets.length, 1);
  return (
    <svg class="histogram" viewBox="0 0 100 20" preserveAspectRatio="none" role="img">
      <title>{`${formatNumber(total)} values in ${buckets.length} buckets`}</title>
      {buckets.map((b, i) => {
        const h = (20 * b.count) / most;
        return <rect key={b.lower} x={i * width} y={20 - h} width={width * 0.85} height={h} />;
      })}
    </svg>
  );
}
