import type { EventEntry } from "@sonde/protocol/query";
import { useEffect, useState } from "preact/hooks";
import { getEvents } from "../api.js";
import { SIGNAL_RANGES } from "../errors/page.js";
import { formatTimestamp } from "../format.js";
import { traceHref } from "../route.js";

/** The hash of the Events page with its search (empty parts left out). */
export function eventsHref(p: { range?: string; q?: string; service?: string }): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) params.set(k, v);
  const text = params.toString();
  return text ? `#/events?${text}` : "#/events";
}

/** An event's own fields (resource attributes, dotted, left out) as `key=value` text. */
export function eventFields(e: EventEntry): string[] {
  return Object.entries(e.fields)
    .filter(([k]) => !k.includes("."))
    .map(([k, v]) => `${k}=${v}`);
}

/**
 * The Events page (`#/events?range=1h&q=&service=`): the searchable event log, newest first:
 * time, name, severity, service, owner, fields and a link to the trace it was recorded in.
 */
export function EventsPage({ params }: { params: URLSearchParams }) {
  const range = params.get("range") ?? "1h";
  const q = params.get("q") ?? "";
  const service = params.get("service") ?? "";
  const [events, setEvents] = useState<EventEntry[] | string>();
  useEffect(() => {
    const abort = new AbortController();
    getEvents({ last: range, q, service }, abort.signal).then(
      (r) => setEvents(r.events),
      (e: Error) => e.name !== "AbortError" && setEvents(e.message),
    );
    return () => abort.abort();
  }, [range, q, service]);
  const go = (patch: Record<string, string>) => {
    location.hash = eventsHref({ range, q, service, ...patch });
  };
  return (
    <main class="signal-page" data-testid="events-page">
      <form
        class="signal-tools"
        onSubmit={(e) => {
          e.preventDefault();
          const input = (e.currentTarget as HTMLFormElement).elements.namedItem("q");
          go({ q: (input as HTMLInputElement).value.trim() });
        }}
      >
        <input
          type="search"
          name="q"
          placeholder="Search name, owner, field values"
          defaultValue={q}
          data-testid="events-search"
        />
        <button type="submit">Search</button>
        <select
          value={range}
          data-testid="events-range"
          onChange={(e) => go({ range: e.currentTarget.value })}
        >
          {SIGNAL_RANGES.map((r) => (
            <option key={r} value={r}>
              Last {r}
            </option>
          ))}
        </select>
        <input
          placeholder="Services (comma-separated)"
          value={service}
          onChange={(e) => go({ service: e.currentTarget.value.trim() })}
        />
      </form>
      {events === undefined && <p class="muted">Loading events…</p>}
      {typeof events === "string" && (
        <p class="query-error" role="alert">
          {events}
        </p>
      )}
      {typeof events === "object" &&
        (events.length === 0 ? (
          <p class="muted">No events match.</p>
        ) : (
          <table class="card signal-table">
            <thead>
              <tr>
                <th>time</th>
                <th>name</th>
                <th>severity</th>
                <th>service</th>
                <th>owner</th>
                <th>fields</th>
                <th>trace</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e, i) => (
                <tr key={i} data-testid="event-row" title={e.description}>
                  <td>{formatTimestamp(Date.parse(e.timestamp))}</td>
                  <td class="mono" data-testid="event-name">
                    {e.name}
                  </td>
                  <td class={`severity-${e.severity}`}>{e.severity}</td>
                  <td>{e["service.name"]}</td>
                  <td>{e.owner}</td>
                  <td class="mono">{eventFields(e).join(" ")}</td>
                  <td>
                    {e.trace_id && (
                      <a class="mono" href={traceHref(e.trace_id, e.span_id || undefined)}>
                        {e.trace_id.slice(0, 8)}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </main>
  );
}
