import type { ErrorGroup, ErrorGroupDetail, ErrorGroupsResult } from "@sonde/protocol/query";
import { useEffect, useState } from "preact/hooks";
import { getErrorGroup, getErrorGroups } from "../api.js";
import { formatTimestamp } from "../format.js";
import { traceHref } from "../route.js";

/** Ranges offered on the Errors and Events pages. */
export const SIGNAL_RANGES = ["15m", "1h", "6h", "24h", "7d"] as const;

/** The hash of the Errors page with its filters (empty ones left out). */
export function errorsHref(p: { range?: string; owner?: string; service?: string }): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) params.set(k, v);
  const text = params.toString();
  return text ? `#/errors?${text}` : "#/errors";
}

/**
 * The Errors page (`#/errors?range=1h&owner=&service=`): error groups of the range, one row per
 * fingerprint with its counts over time as small bars, first and last seen, owner, services and
 * example traces (links to the trace view); a row opens its latest occurrences with stacks.
 */
export function ErrorsPage({ params }: { params: URLSearchParams }) {
  const range = params.get("range") ?? "1h";
  const owner = params.get("owner") ?? "";
  const service = params.get("service") ?? "";
  const [result, setResult] = useState<ErrorGroupsResult | string>();
  const [open, setOpen] = useState<string>();
  useEffect(() => {
    const abort = new AbortController();
    getErrorGroups({ last: range, owner, service }, abort.signal).then(setResult, (e: Error) => {
      if (e.name !== "AbortError") setResult(e.message);
    });
    return () => abort.abort();
  }, [range, owner, service]);
  const go = (patch: Record<string, string>) => {
    location.hash = errorsHref({ range, owner, service, ...patch });
  };
  return (
    <main class="signal-page" data-testid="errors-page">
      <form class="signal-tools" onSubmit={(e) => e.preventDefault()}>
        <select
          value={range}
          data-testid="errors-range"
          onChange={(e) => go({ range: e.currentTarget.value })}
        >
          {SIGNAL_RANGES.map((r) => (
            <option key={r} value={r}>
              Last {r}
            </option>
          ))}
        </select>
        <input
          placeholder="Owner (exact)"
          value={owner}
          data-testid="errors-owner"
          onChange={(e) => go({ owner: e.currentTarget.value.trim() })}
        />
        <input
          placeholder="Service (exact)"
          value={service}
          data-testid="errors-service"
          onChange={(e) => go({ service: e.currentTarget.value.trim() })}
        />
      </form>
      {result === undefined && <p class="muted">Loading error groups…</p>}
      {typeof result === "string" && (
        <p class="query-error" role="alert">
          {result}
        </p>
      )}
      {typeof result === "object" &&
        (result.groups.length === 0 ? (
          <p class="muted">No errors in this range.</p>
        ) : (
          <table class="card signal-table">
            <thead>
              <tr>
                <th>error</th>
                <th>owner</th>
                <th>services</th>
                <th class="num">count</th>
                <th>over time</th>
                <th>first seen</th>
                <th>last seen</th>
                <th>example traces</th>
              </tr>
            </thead>
            <tbody>
              {result.groups.map((g) => (
                <GroupRow
                  key={g.fingerprint}
                  group={g}
                  bucketS={result.bucket_s}
                  open={open === g.fingerprint}
                  onToggle={() => setOpen(open === g.fingerprint ? undefined : g.fingerprint)}
                  onOwner={(o) => go({ owner: o })}
                />
              ))}
            </tbody>
          </table>
        ))}
    </main>
  );
}

function GroupRow(props: {
  group: ErrorGroup;
  bucketS: number;
  open: boolean;
  onToggle(): void;
  onOwner(owner: string): void;
}) {
  const g = props.group;
  return (
    <>
      <tr
        data-testid="error-group"
        data-fingerprint={g.fingerprint}
        class="clickable"
        onClick={props.onToggle}
      >
        <td>
          <strong>{g.type}</strong> <span class="mono">{g.template}</span>
        </td>
        <td>
          {g.owner ? (
            <button
              type="button"
              class="link"
              data-testid="error-owner"
              onClick={(e) => {
                e.stopPropagation();
                props.onOwner(g.owner);
              }}
            >
              {g.owner}
            </button>
          ) : (
            <span class="muted">unowned</span>
          )}
        </td>
        <td>{g.services.join(", ")}</td>
        <td class="num" data-testid="error-count">
          {g.count}
        </td>
        <td>
          <Sparkbars values={g.series} bucketS={props.bucketS} />
        </td>
        <td>{formatTimestamp(Date.parse(g.first_seen))}</td>
        <td>{formatTimestamp(Date.parse(g.last_seen))}</td>
        <td>
          {g.example_traces.map((t) => (
            <a
              key={t}
              class="mono trace-link"
              href={traceHref(t)}
              data-testid="error-trace"
              onClick={(e) => e.stopPropagation()}
            >
              {t.slice(0, 8)}
            </a>
          ))}
        </td>
      </tr>
      {props.open && (
        <tr>
          <td colSpan={8}>
            <Occurrences fingerprint={g.fingerprint} />
          </td>
        </tr>
      )}
    </>
  );
}

/** Counts per bucket as small bars (SVG), scaled to the largest. */
export function Sparkbars({ values, bucketS }: { values: number[]; bucketS: number }) {
  const max = Math.max(1, ...values);
  const w = 3;
  const h = 20;
  return (
    <svg
      class="sparkbars"
      width={values.length * w}
      height={h}
      data-testid="sparkbars"
      aria-label={`counts per ${bucketS} s`}
    >
      {values.map((v, i) => {
        const bh = v === 0 ? 0 : Math.max(2, (v / max) * h);
        return (
          <rect key={i} x={i * w} y={h - bh} width={w - 1} height={bh}>
            <title>{v}</title>
          </rect>
        );
      })}
    </svg>
  );
}

function Occurrences({ fingerprint }: { fingerprint: string }) {
  const [detail, setDetail] = useState<ErrorGroupDetail | string>();
  useEffect(() => {
    getErrorGroup(fingerprint).then(setDetail, (e: Error) => setDetail(e.message));
  }, [fingerprint]);
  if (detail === undefined) return <p class="muted">Loading…</p>;
  if (typeof detail === "string") return <p class="query-error">{detail}</p>;
  return (
    <ol class="occurrences" data-testid="error-occurrences">
      {detail.occurrences.map((o, i) => (
        <li key={i}>
          <div>
            {formatTimestamp(Date.parse(o.timestamp))} · {o["service.name"]} · {o.source} ·{" "}
            <strong>{o.message}</strong>{" "}
            {o.trace_id && (
              <a class="mono" href={traceHref(o.trace_id, o.span_id || undefined)}>
                trace {o.trace_id.slice(0, 8)}
              </a>
            )}
          </div>
          {o.stack && <pre class="stack">{o.stack}</pre>}
        </li>
      ))}
    </ol>
  );
}
