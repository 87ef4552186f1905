import type { MetricCatalogEntry } from "@sonde/protocol/query";
import { useEffect, useState } from "preact/hooks";
import { getMetrics } from "../api.js";
import { formatTimestamp } from "../format.js";
import { queryHref } from "../route.js";
import { defaultMetricOps, kindOf, metricPrefixes } from "./defaults.js";

/** Filters of the catalogue. */
interface Filters {
  text: string;
  prefix: string;
  owner: string;
  stability: string;
  service: string;
}

/**
 * The metric catalogue: every stored metric with its description, unit, kind, tags, owner,
 * stability, the source line that declares it and the services that report it. Search by
 * name or description, and filter by prefix, owner, stability and service
 * (`#/metrics?service=web&at=<ms>` comes from a span: charts then centre on that time). A
 * row's Chart link opens the query page on the metric with its default calculations.
 */
export function MetricsPage({ params }: { params: URLSearchParams }) {
  const [metrics, setMetrics] = useState<MetricCatalogEntry[] | undefined>();
  const [error, setError] = useState("");
  const [open, setOpen] = useState<string>();
  const at = Number(params.get("at") ?? Number.NaN);
  const [filters, setFilters] = useState<Filters>({
    text: "",
    prefix: "",
    owner: "",
    stability: "",
    service: params.get("service") ?? "",
  });
  useEffect(() => {
    const abort = new AbortController();
    getMetrics(abort.signal).then(setMetrics, (e: Error) => {
      if (e.name !== "AbortError") setError(e.message);
    });
    return () => abort.abort();
  }, []);
  const all = metrics ?? [];
  const set = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });
  const shown = all.filter((m) => matches(m, filters));
  const distinct = (list: string[]) => [...new Set(list.filter(Boolean))].sort();
  return (
    <main class="query-page metrics-page" data-testid="metrics-page">
      <div class="metrics-head">
        <h1>Metrics</h1>
        <input
          placeholder="Search name or description"
          value={filters.text}
          onInput={(e) => set({ text: e.currentTarget.value })}
          data-testid="metrics-filter"
        />
        <Choice
          label="prefix"
          value={filters.prefix}
          options={metricPrefixes(all.map((m) => m.name))}
          onChange={(prefix) => set({ prefix })}
        />
        <Choice
          label="owner"
          value={filters.owner}
          options={distinct(all.map((m) => m.owner))}
          onChange={(owner) => set({ owner })}
        />
        <Choice
          label="stability"
          value={filters.stability}
          options={distinct(all.map((m) => m.stability))}
          onChange={(stability) => set({ stability })}
        />
        <Choice
          label="service"
          value={filters.service}
          options={distinct(all.flatMap((m) => m.services))}
          onChange={(service) => set({ service })}
        />
        <span class="muted" data-testid="metrics-count">
          {metrics ? `${shown.length} of ${all.length}` : "loading…"}
        </span>
      </div>
      {Number.isFinite(at) && (
        <p class="note">Charts open around {formatTimestamp(at).slice(0, 19)} (the span's time).</p>
      )}
      {error && <p class="error-text">{error}</p>}
      <div class="card table-card">
        <table class="results metrics-table" data-testid="metrics-table">
          <thead>
            <tr>
              <th>name</th>
              <th>kind</th>
              <th>unit</th>
              <th>description</th>
              <th>owner</th>
              <th>stability</th>
              <th>declared at</th>
              <th>services</th>
              <th class="num">series</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <MetricRow
                key={m.name}
                m={m}
                open={open === m.name}
                onToggle={() => setOpen(open === m.name ? undefined : m.name)}
                chart={metricChartHref(m, filters.service, at)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}

function MetricRow(props: {
  m: MetricCatalogEntry;
  open: boolean;
  chart: string | undefined;
  onToggle(): void;
}) {
  const { m } = props;
  return (
    <>
      <tr data-testid="metric-row" data-name={m.name} onClick={props.onToggle}>
        <td class="mono">{m.name}</td>
        <td>{kindOf(m)}</td>
        <td class="mono">{m.unit}</td>
        <td>{m.description}</td>
        <td>{m.owner}</td>
        <td class={`stability-${m.stability}`}>{m.stability}</td>
        <td class="mono muted">
          {m.source ? `${m.source.file.split("/").slice(-2).join("/")}:${m.source.line}` : ""}
        </td>
        <td>{m.services.join(", ")}</td>
        <td class="num">{m.series}</td>
        <td>
          {props.chart ? (
            <a
              href={props.chart}
              data-testid="metric-chart"
              onClick={(e) => e.stopPropagation()}
              title="Chart it with the default calculation for its kind"
            >
              Chart
            </a>
          ) : (
            <span class="muted" title="No calculation applies to text values">
              text
            </span>
          )}
        </td>
      </tr>
      {props.open && (
        <tr class="metric-details" data-testid="metric-details">
          <td colSpan={10}>
            <dl class="kv">
              <Fact k="tags" v={m.tags.join(", ") || "none"} />
              <Fact k="identity" v={m.identity.join(", ")} />
              <Fact k="value type" v={m.value_type} />
              {m.bounds.length > 0 && <Fact k="bucket bounds" v={m.bounds.join(", ")} />}
              <Fact k="last sample" v={m.last_seen ?? "never"} />
              {m.source && <Fact k="source" v={`${m.source.file}:${m.source.line}`} />}
              {m.value_type === "string" && (
                <Fact k="latest value" v="not served by the API yet (text metrics)" />
              )}
            </dl>
          </td>
        </tr>
      )}
    </>
  );
}

function Fact({ k, v }: { k: string; v: string }) {
  return (
    <div data-key={k}>
      <dt>{k}</dt>
      <dd>{v}</dd>
    </div>
  );
}

function Choice(props: {
  label: string;
  value: string;
  options: string[];
  onChange(value: string): void;
}) {
  return (
    <select
      value={props.value}
      data-testid={`metrics-${props.label}`}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    >
      <option value="">any {props.label}</option>
      {props.options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}

function matches(m: MetricCatalogEntry, f: Filters): boolean {
  const needle = f.text.trim().toLowerCase();
  if (needle && !`${m.name}\n${m.description}`.toLowerCase().includes(needle)) return false;
  if (f.prefix && !m.name.startsWith(f.prefix)) return false;
  if (f.owner && m.owner !== f.owner) return false;
  if (f.stability && m.stability !== f.stability) return false;
  if (f.service && !m.services.includes(f.service)) return false;
  return true;
}

/**
 * The query page's hash charting a metric with its default calculations, by service (or
 * filtered to one), over the last hour or the hour around `atMs`; undefined for text metrics.
 */
export function metricChartHref(
  m: MetricCatalogEntry,
  service: string,
  atMs: number,
): string | undefined {
  const ops = defaultMetricOps(m);
  if (ops.length === 0) return undefined;
  const params = new URLSearchParams({ dataset: "metrics", metric: m.name });
  for (const op of ops) params.append("calc", op);
  if (service) params.append("where", `service.name|=|${service}`);
  else params.append("by", "service.name");
  if (Number.isFinite(atMs)) {
    params.set("from", new Date(atMs - 30 * 60_000).toISOString());
    params.set("to", new Date(atMs + 30 * 60_000).toISOString());
  } else params.set("range", "1h");
  return queryHref(params);
}
