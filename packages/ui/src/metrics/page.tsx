import type { MetricCatalogEntry } from "@sonde/protocol/query";
import { useEffect, useState } from "preact/hooks";
import { getMetrics } from "../api.js";

const KIND_NAMES: Record<string, string> = {
  sum: "counter",
  gauge: "gauge",
  histogram: "distribution",
  exponential_histogram: "distribution",
  summary: "summary",
};

/**
 * A metric's kind in the seed's terms: as declared when the SDK sent `sonde.kind` (constant,
 * gauge, counter, distribution), else from the OTLP point kind.
 */
function kindOf(m: MetricCatalogEntry): string {
  const declared = m.metadata["sonde.kind"];
  if (typeof declared === "string") return declared;
  return m.kind === "sum" && !m.monotonic ? "sum" : (KIND_NAMES[m.kind] ?? m.kind);
}

/**
 * The metric catalogue: every stored metric with its description, unit, owner, stability, the
 * source line that declares it and the services that report it; a filter box matches names,
 * descriptions and owners.
 */
export function MetricsPage() {
  const [metrics, setMetrics] = useState<MetricCatalogEntry[] | undefined>();
  const [error, setError] = useState("");
  const [filter, setFilter] = useState("");
  useEffect(() => {
    const abort = new AbortController();
    getMetrics(abort.signal).then(setMetrics, (e: Error) => {
      if (e.name !== "AbortError") setError(e.message);
    });
    return () => abort.abort();
  }, []);
  const needle = filter.trim().toLowerCase();
  const shown = (metrics ?? []).filter(
    (m) =>
      needle === "" ||
      m.name.toLowerCase().includes(needle) ||
      m.description.toLowerCase().includes(needle) ||
      m.owner.toLowerCase().includes(needle),
  );
  return (
    <main class="query-page metrics-page" data-testid="metrics-page">
      <div class="metrics-head">
        <h1>Metrics</h1>
        <input
          placeholder="Filter by name, description or owner"
          value={filter}
          onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)}
          data-testid="metrics-filter"
        />
        <span class="muted">{metrics ? `${shown.length} of ${metrics.length}` : "loading…"}</span>
      </div>
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
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.name} data-testid="metric-row" data-name={m.name}>
                <td class="mono">{m.name}</td>
                <td>{kindOf(m)}</td>
                <td class="mono">{m.unit}</td>
                <td>{m.description}</td>
                <td>{m.owner}</td>
                <td class={`stability-${m.stability}`}>{m.stability}</td>
                <td class="mono muted">
                  {m.source
                    ? `${m.source.file.split("/").slice(-2).join("/")}:${m.source.line}`
                    : ""}
                </td>
                <td>{m.services.join(", ")}</td>
                <td class="num">{m.series}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
