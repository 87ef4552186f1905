import { ErrorsPage } from "./errors/page.js";
import { EventsPage } from "./events/page.js";
import { MapPage } from "./map/page.js";
import { MetricsPage } from "./metrics/page.js";
import { lastQueryHref, QueryPage } from "./query/page.js";
import { traceHref, useRoute } from "./route.js";
import { TracePage } from "./trace/page.js";
import { TraceSearchPage } from "./traces/search-page.js";

/** The application shell: top bar and the page of the current route. */
export function App() {
  const route = useRoute();
  const openTrace = (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem(
      "trace",
    ) as HTMLInputElement;
    const id = input.value.trim();
    if (id) location.hash = traceHref(id);
  };
  return (
    <>
      <nav class="topbar">
        <a class="brand" href={lastQueryHref()}>
          Sonde
        </a>
        <a href={lastQueryHref()} class={route.page === "query" ? "active" : undefined}>
          Query
        </a>
        <a href="#/traces" class={route.page === "traces" ? "active" : undefined}>
          Traces
        </a>
        <a href="#/map" class={route.page === "map" ? "active" : undefined}>
          Service map
        </a>
        <a href="#/metrics" class={route.page === "metrics" ? "active" : undefined}>
          Metrics
        </a>
        <a href="#/errors" class={route.page === "errors" ? "active" : undefined}>
          Errors
        </a>
        <a href="#/events" class={route.page === "events" ? "active" : undefined}>
          Events
        </a>
        <form class="trace-search" onSubmit={openTrace}>
          <input
            name="trace"
            placeholder="Open trace by id"
            spellcheck={false}
            data-testid="trace-search"
          />
        </form>
      </nav>
      {route.page === "trace" ? (
        <TracePage traceId={route.traceId} spanId={route.params.get("span") ?? undefined} />
      ) : route.page === "metrics" ? (
        <MetricsPage key={route.params.toString()} params={route.params} />
      ) : route.page === "map" ? (
        <MapPage params={route.params} />
      ) : route.page === "errors" ? (
        <ErrorsPage params={route.params} />
      ) : route.page === "events" ? (
        <EventsPage key={route.params.toString()} params={route.params} />
      ) : route.page === "traces" ? (
        <TraceSearchPage params={route.params} />
      ) : (
        <QueryPage params={route.params} />
      )}
    </>
  );
}
