// Unit tests of the UI's pure modules (URL state, typing of filter values, the span tree,
// series alignment, the slowest-traces query, formatting). The TypeScript sources are loaded
// through Vite's SSR transform, so no separate compile step is needed.
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { createServer } from "vite";

let vite;
let state;
let tree;
let series;
let selection;
let format;
let critical;
let traceSearch;
let graph;
let searchForm;
let history;
let bubble;
let metricDefaults;
let annotations;
let traceLogs;

before(async () => {
  vite = await createServer({
    root: join(dirname(fileURLToPath(import.meta.url)), ".."),
    configFile: false,
    logLevel: "error",
    appType: "custom",
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  state = await vite.ssrLoadModule("/src/query/state.ts");
  annotations = await vite.ssrLoadModule("/src/results/annotations.ts");
  traceLogs = await vite.ssrLoadModule("/src/trace/logs.tsx");
  tree = await vite.ssrLoadModule("/src/trace/tree.ts");
  series = await vite.ssrLoadModule("/src/results/series.ts");
  selection = await vite.ssrLoadModule("/src/traces/selection.ts");
  format = await vite.ssrLoadModule("/src/format.ts");
  critical = await vite.ssrLoadModule("/src/trace/critical-path.ts");
  traceSearch = await vite.ssrLoadModule("/src/trace/search.ts");
  graph = await vite.ssrLoadModule("/src/map/graph.ts");
  searchForm = await vite.ssrLoadModule("/src/traces/search.ts");
  history = await vite.ssrLoadModule("/src/query/history.ts");
  bubble = await vite.ssrLoadModule("/src/bubbleup/request.ts");
  metricDefaults = await vite.ssrLoadModule("/src/metrics/defaults.ts");
});

after(() => vite?.close());

describe("query state in the URL", () => {
  test("no parameters give the default query", () => {
    const s = state.paramsToState(new URLSearchParams(""));
    assert.deepEqual(s.calculations, [
      { op: "COUNT" },
      { op: "P99", column: "duration_ms" },
      { op: "HEATMAP", column: "duration_ms" },
    ]);
    assert.deepEqual(s.breakdowns, ["service.name"]);
    assert.equal(s.range, "15m");
  });

  test("round-trips every part of the query model", () => {
    const original = {
      ...state.DEFAULT_QUERY,
      calculations: [
        { op: "COUNT" },
        { op: "P95", column: "http.server.duration_ms" },
        { op: "COUNT_DISTINCT", column: "trace_id" },
        { op: "CONCURRENCY" },
        { op: "RATE_SUM", column: "bytes" },
      ],
      filters: [
        { column: "service.name", op: "=", value: "a|b" },
        { column: "http.route", op: "exists", value: "" },
        { column: "http.response.status_code", op: "in", value: "500, 503" },
      ],
      any: true,
      breakdowns: ["service.name", "http.route"],
      orders: [
        { key: "P95(http.server.duration_ms)", desc: true },
        { key: "service.name", desc: false },
      ],
      havings: [{ key: "COUNT", op: ">=", value: "10" }],
      limit: 20,
      range: "1h",
      compare: true,
    };
    const params = state.stateToParams(original);
    assert.equal(params.getAll("where")[1], "http.route|exists");
    assert.deepEqual(state.paramsToState(new URLSearchParams(params.toString())), original);
    const absolute = {
      ...original,
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-01-01T06:00:00.000Z",
      range: "15m", // not in the URL when absolute: back to the default
      compare: false,
    };
    const back = state.paramsToState(new URLSearchParams(state.stateToParams(absolute).toString()));
    assert.deepEqual(back, absolute);
    const metric = {
      ...state.DEFAULT_QUERY,
      dataset: "metrics",
      metric: "/proc/memory/rss",
      calculations: [{ op: "LAST" }, { op: "MAX" }],
      breakdowns: ["host.name"],
    };
    assert.deepEqual(
      state.paramsToState(new URLSearchParams(state.stateToParams(metric).toString())),
      metric,
    );
  });

  test("the request: OR group, order_by, having, compare offset, absolute range", () => {
    const request = state.toRequest(
      {
        ...state.DEFAULT_QUERY,
        filters: [
          { column: "service.name", op: "=", value: "web" },
          { column: "duration_ms", op: ">", value: "100" },
        ],
        any: true,
        orders: [{ key: "COUNT", desc: false }],
        havings: [{ key: "P99(duration_ms)", op: ">", value: "2.5" }],
        limit: 5,
        from: "2026-01-01T00:00:00.000Z",
        to: "2026-01-01T01:00:00.000Z",
        compare: true,
      },
      [{ name: "duration_ms", type: "number" }],
    );
    assert.deepEqual(request.filters, {
      op: "OR",
      filters: [
        { column: "service.name", op: "=", value: "web" },
        { column: "duration_ms", op: ">", value: 100 },
      ],
    });
    assert.deepEqual(request.order_by, [{ key: "COUNT", direction: "asc" }]);
    assert.deepEqual(request.having, [{ calculation: "P99(duration_ms)", op: ">", value: 2.5 }]);
    assert.deepEqual(request.compare, { offset: 3600 });
    assert.deepEqual(request.time_range, {
      start: "2026-01-01T00:00:00.000Z",
      end: "2026-01-01T01:00:00.000Z",
    });
    assert.equal(request.granularity_s, 60);
    assert.equal(request.limit, 5);
    const plain = state.toRequest(state.DEFAULT_QUERY, []);
    assert.deepEqual(plain.filters, []);
    for (const k of ["order_by", "having", "compare", "metric"]) assert.ok(!(k in plain), k);
  });

  test("the history keeps the newest distinct queries, newest first", () => {
    const store = new Map();
    const storage = {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => store.set(k, String(v)),
    };
    for (let i = 0; i < 25; i++) history.remember(`calc=COUNT&limit=${i}`, i, storage);
    history.remember("calc=COUNT&limit=3", 100, storage);
    const list = history.readHistory(storage);
    assert.equal(list.length, history.HISTORY_SIZE);
    assert.deepEqual(list[0], { params: "calc=COUNT&limit=3", at: 100 });
    assert.equal(list[1].params, "calc=COUNT&limit=24");
    assert.equal(list.filter((e) => e.params === "calc=COUNT&limit=3").length, 1);
    store.set("sonde.query-history", "{not json");
    assert.deepEqual(history.readHistory(storage), []);
  });

  test("skips what it cannot read and falls back to the default range", () => {
    const s = state.paramsToState(
      new URLSearchParams("calc=BOGUS&calc=MAX(duration_ms)&where=x|~|1&where=|=|1&range=2y"),
    );
    assert.deepEqual(s.calculations, [{ op: "MAX", column: "duration_ms" }]);
    assert.deepEqual(s.filters, []);
    assert.equal(s.range, "15m");
  });
});

describe("filter values are typed by column", () => {
  const types = new Map([
    ["duration_ms", "number"],
    ["service.name", "string"],
    ["cache.hit", "bool"],
  ]);
  const filter = (column, op, value) => state.toFilter({ column, op, value }, types);

  test("numbers for numeric columns, text for string columns", () => {
    assert.deepEqual(filter("duration_ms", ">", "12.5"), {
      column: "duration_ms",
      op: ">",
      value: 12.5,
    });
    assert.deepEqual(filter("service.name", "=", "42"), {
      column: "service.name",
      op: "=",
      value: "42",
    });
    assert.deepEqual(filter("cache.hit", "=", "true").value, true);
  });

  test("in takes a list; exists takes no value; unknown columns compare as numbers", () => {
    assert.deepEqual(filter("duration_ms", "in", "1, 2,3").value, [1, 2, 3]);
    assert.deepEqual(filter("service.name", "in", "web, auth").value, ["web", "auth"]);
    assert.deepEqual(filter("service.name", "exists", "ignored"), {
      column: "service.name",
      op: "exists",
    });
    assert.equal(filter("new.attr", ">=", "3").value, 3);
    assert.equal(filter("new.attr", "=", "3").value, "3");
    assert.equal(filter("duration_ms", "=", "abc").value, "abc", "left for the server to reject");
  });

  test("the request carries the range's relative window and granularity", () => {
    const request = state.toRequest({ ...state.DEFAULT_QUERY, range: "1h" }, []);
    assert.deepEqual(request.time_range, { last: 3600 });
    assert.equal(request.granularity_s, 60);
    assert.equal(request.dataset, "spans");
  });
});

describe("span tree", () => {
  const t0 = Date.parse("2026-01-01T00:00:00Z");
  const span = (id, parent, startMs, durationMs, extra = {}) => ({
    trace_id: "t",
    span_id: id,
    parent_span_id: parent,
    name: id,
    kind: "internal",
    "service.name": "svc",
    timestamp: new Date(t0 + startMs).toISOString(),
    duration_ms: durationMs,
    status_code: "unset",
    status_message: "",
    ...extra,
  });

  test("nests by parent, orders children by start, and bounds the trace", () => {
    const t = tree.buildTree([
      span("c2", "root", 30, 5),
      span("root", "", 0, 100),
      span("c1", "root", 10, 5, { status_code: "error" }),
      span("g", "c1", 11, 1),
    ]);
    const rows = tree.visibleRows(t, new Set());
    assert.deepEqual(
      rows.map((n) => [n.span.span_id, n.depth]),
      [
        ["root", 0],
        ["c1", 1],
        ["g", 2],
        ["c2", 1],
      ],
    );
    assert.equal(t.startMs, t0);
    assert.equal(t.endMs, t0 + 100);
    assert.equal(t.errors, 1);
  });

  test("orphans and parent cycles become roots; every span appears once", () => {
    const spans = [
      span("a", "missing", 5, 1),
      span("x", "y", 1, 1),
      span("y", "x", 2, 1),
      span("self", "self", 3, 1),
    ];
    const rows = tree.visibleRows(tree.buildTree(spans), new Set());
    assert.deepEqual(rows.map((n) => n.span.span_id).sort(), ["a", "self", "x", "y"]);
  });

  test("collapsing hides descendants only", () => {
    const t = tree.buildTree([
      span("root", "", 0, 10),
      span("a", "root", 1, 1),
      span("a1", "a", 1, 1),
      span("b", "root", 2, 1),
    ]);
    const a = t.roots[0].children[0];
    const rows = tree.visibleRows(t, new Set([a]));
    assert.deepEqual(
      rows.map((n) => n.span.span_id),
      ["root", "a", "b"],
    );
  });

  test("exact starts come from start_time_unix_nano", () => {
    const t = tree.buildTree([
      span("root", "", 0, 1, { start_time_unix_nano: "1767225600000000000" }),
      span("c", "root", 0, 0.1, { start_time_unix_nano: "1767225600000250000" }),
    ]);
    assert.equal(t.roots[0].children[0].startMs - t.startMs, 0.25);
  });

  test("a 3000-deep chain builds without recursion", () => {
    const spans = [span("s0", "", 0, 1)];
    for (let i = 1; i < 3000; i++) spans.push(span(`s${i}`, `s${i - 1}`, 0, 1));
    const rows = tree.visibleRows(tree.buildTree(spans), new Set());
    assert.equal(rows.length, 3000);
    assert.equal(rows[2999].depth, 2999);
  });

  test("parents are linked; 100,000 spans in start order build in linear time", () => {
    const spans = [span("root", "", 0, 1000)];
    for (let i = 1; i < 100_000; i++) {
      spans.push(span(`s${i}`, i % 10 === 1 ? "root" : `s${i - 1}`, i / 100, 1));
    }
    const started = performance.now();
    const t = tree.buildTree(spans);
    const elapsed = performance.now() - started;
    assert.equal(t.count, 100_000);
    assert.equal(t.nodes.length, 100_000);
    const deep = t.nodes[5];
    assert.deepEqual(
      tree.ancestors(deep).map((n) => n.span.span_id),
      ["s4", "s3", "s2", "s1", "root"],
    );
    assert.ok(elapsed < 2000, `built in ${elapsed.toFixed(0)} ms`);
  });
});

describe("critical path", () => {
  const t0 = Date.parse("2026-01-01T00:00:00Z");
  const span = (id, parent, startMs, durationMs) => ({
    trace_id: "t",
    span_id: id,
    parent_span_id: parent,
    name: id,
    kind: "internal",
    "service.name": "svc",
    timestamp: new Date(t0 + startMs).toISOString(),
    duration_ms: durationMs,
    status_code: "unset",
    status_message: "",
  });
  const path = (spans) => {
    const windows = critical.criticalPath(tree.buildTree(spans));
    return new Map([...windows].map(([n, w]) => [n.span.span_id, [w.startMs - t0, w.endMs - t0]]));
  };

  test("serial provisioning: every step is on the path (the seed's serial trace)", () => {
    const p = path([
      span("allocate", "", 0, 100),
      span("image", "allocate", 0, 30),
      span("network", "allocate", 30, 30),
      span("storage", "allocate", 60, 38),
    ]);
    assert.deepEqual([...p.keys()].sort(), ["allocate", "image", "network", "storage"]);
    assert.deepEqual(p.get("storage"), [60, 98]);
  });

  test("parallel provisioning: only the step that finished last is (the seed's parallel trace)", () => {
    const p = path([
      span("allocate", "", 0, 100),
      span("image", "allocate", 2, 40),
      span("network", "allocate", 2, 90),
      span("storage", "allocate", 2, 60),
      span("disk", "network", 10, 70),
      span("dns", "network", 5, 3),
    ]);
    assert.deepEqual([...p.keys()].sort(), ["allocate", "disk", "dns", "network"]);
  });

  test("a child ending after its parent is clipped; the root ending last is followed", () => {
    const p = path([
      span("early", "", 0, 10),
      span("root", "", 5, 50),
      span("async", "root", 40, 100),
    ]);
    assert.deepEqual([...p.keys()].sort(), ["async", "root"]);
    assert.deepEqual(p.get("async"), [40, 55]);
  });

  test("a 3000-deep chain walks without recursion", () => {
    const spans = [span("s0", "", 0, 6000)];
    for (let i = 1; i < 3000; i++) spans.push(span(`s${i}`, `s${i - 1}`, i, 6000 - 2 * i));
    assert.equal(path(spans).size, 3000);
  });
});

describe("search within a trace", () => {
  const mk = (id, name, extra = {}) => ({
    trace_id: "t",
    span_id: id,
    parent_span_id: "",
    name,
    "service.name": "billing",
    timestamp: "2026-01-01T00:00:00Z",
    duration_ms: 1,
    status_code: "unset",
    ...extra,
  });
  test("matches names, services and attribute values, case-insensitively", () => {
    const t = tree.buildTree([
      mk("a", "charge card", { "card.brand": "VISA" }),
      mk("b", "price quote", { "http.route": "/quote" }),
    ]);
    const ids = (text) => traceSearch.searchSpans(t.nodes, text).map((n) => n.span.span_id);
    assert.deepEqual(ids("visa"), ["a"]);
    assert.deepEqual(ids("QUOTE"), ["b"]);
    assert.deepEqual(ids("billing"), ["a", "b"]);
    assert.deepEqual(ids("  "), []);
    assert.deepEqual(ids("t"), ["a", "b"], "names contain t; the trace id is not searched");
  });
});

describe("service map and call graph", () => {
  const data = {
    nodes: [
      { service: "web", name: "GET /", calls: 10, errors: 1, totalMs: 100, selfMs: 10 },
      { service: "web", name: "POST", calls: 10, errors: 1, totalMs: 80, selfMs: 5 },
      { service: "auth", name: "verify", calls: 10, errors: 0, totalMs: 30, selfMs: 30 },
      { service: "db", name: "query", calls: 20, errors: 2, totalMs: 40, selfMs: 40 },
    ],
    edges: [
      {
        caller: { service: "web", name: "GET /" },
        callee: { service: "web", name: "POST" },
        calls: 10,
        errors: 1,
        totalMs: 80,
      },
      {
        caller: { service: "web", name: "POST" },
        callee: { service: "auth", name: "verify" },
        calls: 10,
        errors: 0,
        totalMs: 30,
      },
      {
        caller: { service: "auth", name: "verify" },
        callee: { service: "db", name: "query" },
        calls: 12,
        errors: 1,
        totalMs: 20,
      },
      {
        caller: { service: "web", name: "GET /" },
        callee: { service: "db", name: "query" },
        calls: 8,
        errors: 1,
        totalMs: 20,
      },
    ],
  };
  test("services: calls summed per pair of services, in-service calls left out, layered", () => {
    const g = graph.serviceMap(data);
    const node = (id) => g.nodes.find((n) => n.id === id);
    assert.deepEqual(
      g.nodes.map((n) => [n.id, n.layer, n.calls, n.errors]),
      [
        ["web", 0, 20, 2],
        ["auth", 1, 10, 0],
        ["db", 2, 20, 2],
      ],
    );
    assert.deepEqual(g.edges.map((e) => [e.from, e.to, e.calls]).sort(), [
      ["auth", "db", 12],
      ["web", "auth", 10],
      ["web", "db", 8],
    ]);
    assert.equal(node("db").row, 0);
  });
  test("call graph: a node per span name; a cycle does not hang the layout", () => {
    const g = graph.callGraph({
      ...data,
      edges: [
        ...data.edges,
        {
          caller: { service: "db", name: "query" },
          callee: { service: "web", name: "GET /" },
          calls: 1,
          errors: 0,
          totalMs: 1,
        },
      ],
    });
    assert.equal(g.nodes.length, 4);
    const layers = new Map(g.nodes.map((n) => [n.name, n.layer]));
    assert.ok(layers.get("POST") < layers.get("verify"));
    assert.ok(layers.get("verify") < layers.get("query"));
  });
});

describe("trace search form", () => {
  test("URL round trip and the request: span filters, trace duration bounds, sort", () => {
    const params = new URLSearchParams(
      "service=web&name=POST%20%2Fcheckout&status=error&min=100&max=2000&attr=http.response.status_code=500&attr=user=ann&range=1h&sort=duration&dir=asc",
    );
    const s = searchForm.searchFromParams(params);
    assert.deepEqual(searchForm.searchFromParams(searchForm.searchToParams(s)), s);
    assert.deepEqual(searchForm.searchRequest(s), {
      time_range: { last: 3600 },
      filters: [
        { column: "service.name", op: "=", value: "web" },
        { column: "name", op: "=", value: "POST /checkout" },
        { column: "status_code", op: "=", value: "error" },
        { column: "http.response.status_code", op: "=", value: 500 },
        { column: "user", op: "=", value: "ann" },
      ],
      trace_duration_ms: { min: 100, max: 2000 },
      sort: { by: "duration", direction: "asc" },
      limit: 50,
    });
    const empty = searchForm.searchRequest(searchForm.searchFromParams(new URLSearchParams()));
    assert.deepEqual(empty.filters, []);
    assert.equal(empty.trace_duration_ms, undefined);
    assert.deepEqual(empty.sort, { by: "duration", direction: "desc" });
  });
});

describe("BubbleUp and exemplar requests", () => {
  const base = {
    dataset: "spans",
    time_range: { last: 900 },
    calculations: [{ op: "COUNT" }],
    filters: { op: "OR", filters: [{ column: "name", op: "=", value: "a" }] },
    breakdowns: ["service.name"],
    granularity_s: 15,
    limit: 100,
  };
  const start = Date.parse("2026-01-01T00:00:00Z") / 1000;
  test("a heatmap brush: time and value range; a line's group joins the filters", () => {
    const r = bubble.bubbleUpRequest(base, {
      start,
      end: start + 60,
      column: "duration_ms",
      lower: 100,
      upper: 250,
      group: { "service.name": "web" },
    });
    assert.deepEqual(r.selection, {
      time: { start: "2026-01-01T00:00:00.000Z", end: "2026-01-01T00:01:00.000Z" },
      value: { column: "duration_ms", min: 100, max: 250 },
    });
    assert.deepEqual(r.filters, {
      op: "AND",
      filters: [base.filters, { column: "service.name", op: "=", value: "web" }],
    });
    assert.deepEqual(r.time_range, { last: 900 });
  });
  test("an exemplar: the point's bucket and group, at most the clicked value", () => {
    const r = bubble.exemplarRequest(
      base,
      { group: { "service.name": "web" }, start, end: start + 15 },
      { column: "duration_ms", atMost: 42 },
    );
    assert.deepEqual(r, {
      dataset: "spans",
      time_range: { start: "2026-01-01T00:00:00.000Z", end: "2026-01-01T00:00:15.000Z" },
      filters: base.filters,
      column: "duration_ms",
      group: { "service.name": "web" },
      at_most: 42,
    });
  });
});

describe("metric catalogue defaults", () => {
  const m = (kind, value_type = "double", extra = {}) => ({
    name: "/x",
    kind,
    value_type,
    monotonic: false,
    metadata: { "sonde.kind": kind },
    ...extra,
  });
  test("rate for counters, percentiles and heatmap for distributions, last for gauges", () => {
    assert.deepEqual(metricDefaults.defaultMetricOps(m("counter")), ["RATE"]);
    assert.deepEqual(metricDefaults.defaultMetricOps(m("distribution")), ["P50", "P99", "HEATMAP"]);
    assert.deepEqual(metricDefaults.defaultMetricOps(m("gauge")), ["LAST"]);
    assert.deepEqual(metricDefaults.defaultMetricOps(m("constant", "int")), ["LAST"]);
    assert.deepEqual(metricDefaults.defaultMetricOps(m("constant", "string")), []);
    assert.deepEqual(
      metricDefaults.defaultMetricOps({ ...m("sum"), metadata: {}, monotonic: true }),
      ["RATE"],
    );
  });
  test("prefixes are every parent path", () => {
    assert.deepEqual(metricDefaults.metricPrefixes(["/proc/memory/rss", "/proc/gc/count", "/a"]), [
      "/proc/",
      "/proc/gc/",
      "/proc/memory/",
    ]);
  });
});

describe("series alignment", () => {
  const result = {
    totals: [
      { group: { "service.name": "web" }, values: { COUNT: 3 } },
      { group: { "service.name": null }, values: { COUNT: 1 } },
    ],
    series: [
      {
        group: { "service.name": null },
        points: [{ time: "2026-01-01T00:00:00Z", values: { COUNT: 1 } }],
      },
      {
        group: { "service.name": "web" },
        points: [
          { time: "2026-01-01T00:00:00Z", values: { COUNT: 1 } },
          { time: "2026-01-01T00:00:30Z", values: { COUNT: 2 } },
        ],
      },
    ],
  };

  test("keeps the totals' order, fills missing buckets (COUNT 0, others null)", () => {
    const aligned = series.alignSeries(result, ["service.name"], 10);
    assert.deepEqual(
      aligned.groups.map((g) => g.label),
      ["web", "(none)"],
    );
    const start = Date.parse("2026-01-01T00:00:00Z") / 1000;
    assert.deepEqual(aligned.times, [start, start + 10, start + 20, start + 30]);
    assert.deepEqual(series.lineValues(aligned, aligned.groups[0], "COUNT"), [1, 0, 0, 2]);
    assert.deepEqual(series.lineValues(aligned, aligned.groups[1], "COUNT"), [1, 0, 0, 0]);
    assert.deepEqual(series.lineValues(aligned, aligned.groups[0], "P99(duration_ms)"), [
      null,
      null,
      null,
      null,
    ]);
  });

  test("heatmap buckets are summed over groups per time", () => {
    const h = (buckets) => ({ buckets });
    const aligned = series.alignSeries(
      {
        totals: [
          { group: { g: "a" }, values: {} },
          { group: { g: "b" }, values: {} },
        ],
        series: [
          {
            group: { g: "a" },
            points: [
              {
                time: "2026-01-01T00:00:00Z",
                values: { H: h([{ lower: 0, upper: 2, count: 3 }]) },
              },
            ],
          },
          {
            group: { g: "b" },
            points: [
              {
                time: "2026-01-01T00:00:00Z",
                values: {
                  H: h([
                    { lower: 0, upper: 2, count: 4 },
                    { lower: 2, upper: 4, count: 1 },
                  ]),
                },
              },
            ],
          },
        ],
      },
      ["g"],
      60,
    );
    const [column] = series.heatColumns(aligned, "H");
    assert.deepEqual(column.buckets, [
      { lower: 0, upper: 2, count: 7 },
      { lower: 2, upper: 4, count: 1 },
    ]);
  });
});

describe("slowest traces query", () => {
  const base = {
    dataset: "spans",
    time_range: { last: 900 },
    calculations: [{ op: "COUNT" }],
    filters: [{ column: "http.route", op: "=", value: "/x" }],
    breakdowns: ["service.name", "http.response.status_code", "user"],
    granularity_s: 15,
    limit: 100,
  };

  test("a row: the query's filters + the group's, roots only, by trace", () => {
    const group = { "service.name": "web", "http.response.status_code": 500, user: null };
    const request = selection.slowestTracesRequest(base, { group }, true);
    assert.deepEqual(request.filters, [
      { column: "http.route", op: "=", value: "/x" },
      { column: "service.name", op: "=", value: "web" },
      { column: "http.response.status_code", op: "=", value: 500 },
      { column: "user", op: "not-exists" },
      { column: "parent_span_id", op: "=", value: "" },
    ]);
    assert.deepEqual(request.breakdowns, ["trace_id", "name", "service.name"]);
    assert.deepEqual(request.calculations, [{ op: "MAX", column: "duration_ms" }]);
    assert.equal(request.limit, 20);
    assert.deepEqual(request.time_range, { last: 900 });
  });

  test("a heatmap cell: its time bucket and value range, any span", () => {
    const start = Date.parse("2026-01-01T00:00:00Z") / 1000;
    const request = selection.slowestTracesRequest(
      base,
      { start, end: start + 15, column: "duration_ms", lower: 10, upper: 20 },
      false,
    );
    assert.deepEqual(request.time_range, {
      start: "2026-01-01T00:00:00.000Z",
      end: "2026-01-01T00:00:15.000Z",
    });
    assert.deepEqual(request.filters.slice(1), [
      { column: "duration_ms", op: ">=", value: 10 },
      { column: "duration_ms", op: "<", value: 20 },
    ]);
  });
});

describe("formatting", () => {
  test("durations", () => {
    assert.equal(format.formatDuration(0), "0");
    assert.equal(format.formatDuration(0.4231), "0.42 ms");
    assert.equal(format.formatDuration(12.34), "12.3 ms");
    assert.equal(format.formatDuration(1234), "1.23 s");
    assert.equal(format.formatDuration(125_000), "2m 05s");
  });

  test("timestamps keep sub-millisecond digits, from ISO text and nanoseconds", () => {
    const ms = Date.parse("2026-01-01T00:00:00Z");
    // A double near 1.8e12 ms resolves about 0.25 µs: enough for a waterfall.
    const micros = format.parseTimeMs("2026-01-01T00:00:00.123456Z") - ms;
    assert.ok(Math.abs(micros - 123.456) < 0.001, `${micros}`);
    assert.equal(format.parseTimeMs("2026-01-01T01:00:00+01:00"), ms);
    assert.equal(format.nanosToMs("1767225600000250000") - ms, 0.25);
    assert.ok(Number.isNaN(format.nanosToMs("12x")));
  });
});

describe("events, logs and errors (issue 7)", () => {
  test("the dataset round-trips through the URL and signal datasets drop CONCURRENCY", () => {
    const logs = { ...state.DEFAULT_QUERY, dataset: "logs", calculations: [{ op: "COUNT" }] };
    const back = state.paramsToState(state.stateToParams(logs));
    assert.equal(back.dataset, "logs");
    assert.equal(
      state.paramsToState(new URLSearchParams("dataset=nope&calc=COUNT")).dataset,
      "spans",
    );
    const events = state.paramsToState(
      new URLSearchParams("dataset=events&calc=CONCURRENCY&calc=COUNT"),
    );
    assert.deepEqual(events.calculations, [{ op: "COUNT" }]);
    assert.ok(!state.opsOf("errors").includes("CONCURRENCY"));
    assert.ok(state.opsOf("spans").includes("CONCURRENCY"));
  });

  test("annotations follow the services a query filters on", () => {
    const eq = { column: "service.name", op: "=", value: "billing" };
    const inList = { column: "service.name", op: "in", value: ["web", "billing"] };
    assert.deepEqual(annotations.servicesOf([eq, { column: "x", op: "=", value: "y" }]), [
      "billing",
    ]);
    assert.deepEqual(annotations.servicesOf({ op: "AND", filters: [inList, eq] }), [
      "web",
      "billing",
    ]);
    assert.deepEqual(annotations.servicesOf({ op: "OR", filters: [eq] }), []);
    const a = annotations.toAnnotation({
      timestamp: "2026-01-01T00:00:10.000Z",
      name: "/demo/billing/config_changed",
      severity: "notice",
      "service.name": "billing",
      owner: "team-payments",
      description: "",
      trace_id: "",
      span_id: "",
      fields: { key: "card_retries", new: "3", "host.name": "h" },
    });
    assert.equal(a.time, Date.parse("2026-01-01T00:00:10Z") / 1000);
    assert.match(a.title, /key=card_retries\nnew=3$/);
    assert.doesNotMatch(a.title, /host\.name/);
  });

  test("a trace's logs and errors merge oldest first, errors flagged", () => {
    const lines = traceLogs.mergeTraceLogs({
      trace_id: "t",
      logs: [
        {
          timestamp: "2026-01-01T00:00:02Z",
          "service.name": "web",
          span_id: "s2",
          severity_number: 9,
          severity_text: "INFO",
          body: "b",
          logger: "l",
          attributes: {},
        },
        {
          timestamp: "2026-01-01T00:00:00Z",
          "service.name": "web",
          span_id: "s1",
          severity_number: 17,
          severity_text: "ERROR",
          body: "a",
          logger: "l",
          attributes: {},
        },
      ],
      errors: [
        {
          timestamp: "2026-01-01T00:00:01Z",
          "service.name": "billing",
          type: "TypeError",
          message: "m",
          template: "m",
          fingerprint: "f",
          owner: "team",
          stack: "",
          source: "span",
          trace_id: "t",
          span_id: "s3",
          attributes: {},
        },
      ],
    });
    assert.deepEqual(
      lines.map((l) => [l.text, l.spanId, l.error]),
      [
        ["a", "s1", true],
        ["m · owner team", "s3", true],
        ["b", "s2", false],
      ],
    );
  });
});
