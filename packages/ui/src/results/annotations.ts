import type { EventEntry, Filter, FilterGroup } from "@sonde/protocol/query";
import { useEffect, useState } from "preact/hooks";
import { getEvents } from "../api.js";

/** An event drawn on a chart: a vertical marker at `time` (epoch seconds). */
export interface Annotation {
  time: number;
  name: string;
  /** Shown on hover: the event's name, service, owner and fields, one per line. */
  title: string;
  severity: string;
}

/**
 * The services a query is about: the values of its `service.name` `=` / `in` filters combined
 * with AND (an OR group names no single service set), or `[]` for every service.
 */
export function servicesOf(filters: Filter[] | FilterGroup): string[] {
  const list = Array.isArray(filters) ? filters : filters.op === "AND" ? filters.filters : [];
  const out: string[] = [];
  for (const f of list) {
    if ("filters" in f || f.column !== "service.name") continue;
    if (f.op === "=" && typeof f.value === "string") out.push(f.value);
    if (f.op === "in" && Array.isArray(f.value)) out.push(...f.value.map(String));
  }
  return [...new Set(out)];
}

/** An event as a chart annotation. */
export function toAnnotation(e: EventEntry): Annotation {
  const fields = Object.entries(e.fields)
    .filter(([k]) => !k.includes("."))
    .map(([k, v]) => `${k}=${v}`);
  const title = [
    `${e.name} (${e.severity})`,
    `${e["service.name"]}${e.owner ? ` · ${e.owner}` : ""} · ${new Date(e.timestamp).toLocaleString()}`,
    ...fields,
  ].join("\n");
  return { time: Date.parse(e.timestamp) / 1000, name: e.name, title, severity: e.severity };
}

/**
 * The events of `[startS, endS)` (epoch seconds) of the given services (all when empty), as
 * annotations, fetched when the range or services change; `[]` until then or when the call fails.
 */
export function useAnnotations(startS: number, endS: number, services: string[]): Annotation[] {
  const [list, setList] = useState<Annotation[]>([]);
  const key = services.join(",");
  useEffect(() => {
    if (!Number.isFinite(startS) || !(endS > startS)) return;
    const abort = new AbortController();
    getEvents(
      {
        start: new Date(startS * 1000).toISOString(),
        end: new Date(endS * 1000).toISOString(),
        service: key,
        limit: 500,
      },
      abort.signal,
    ).then(
      (r) => setList(r.events.map(toAnnotation)),
      () => setList([]),
    );
    return () => abort.abort();
  }, [startS, endS, key]);
  return list;
}
