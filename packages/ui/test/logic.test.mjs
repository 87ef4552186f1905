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
  tree = await vite.ssrLoadModule("/src/trace/tree.ts");
  series = await vite.ssrLoadModule("/src/results/series.ts");
  selection = await vite.ssrLoadModule("/src/traces/selection.ts");
  format = await vite.ssrLoadModule("/src/format.ts");
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

  test("round-trips calculations, filters (values with |), breakdowns and range", () => {
    const original = {
      calculations: [{ op: "COUNT" }, { op: "P95", column: "http.server.duration_ms" }],
      filters: [
        { column: "service.name", op: "=", value: "a|b" },
        { column: "http.route", op: "exists", value: "" },
        { column: "http.response.status_code", op: "in", value: "500, 503" },
      ],
      breakdowns: ["service.name", "http.route"],
      range: "1h",
    };
    const params = state.stateToParams(original);
    assert.equal(params.getAll("where")[1], "http.route|exists");
    assert.deepEqual(state.paramsToState(new URLSearchParams(params.toString())), original);
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
