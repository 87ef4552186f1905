import assert from "node:assert/strict";
import { test } from "node:test";
import { type DiagEvent, diag, type MetricDeclaration } from "@sonde/api";
import type { DistributionSnapshot, MetricSnapshot, SeriesSnapshot } from "../../metrics/read.js";
import { serializeMetrics } from "./writer.js";

const START = 1_700_000_000_500_000_000n;
const NOW = 1_700_000_060_000_000_000n;

function declare(
  kind: MetricDeclaration["kind"],
  name: string,
  fields: Partial<MetricDeclaration> = {},
): MetricDeclaration {
  const valueType = kind === "counter" || kind === "distribution" ? "int" : "double";
  const metadata = { description: "", unit: "1", owner: "", stability: "experimental" } as const;
  return { kind, name, valueType, tags: {}, ...metadata, ...fields };
}

function series(tags: SeriesSnapshot["tags"], fields: Partial<SeriesSnapshot>): SeriesSnapshot {
  return { tags, overflow: false, startTimeUnixNano: START, timeUnixNano: NOW, ...fields };
}

function distribution(fields: Partial<DistributionSnapshot>): DistributionSnapshot {
  return {
    count: 0,
    sum: 0,
    min: Number.NaN,
    max: Number.NaN,
    bounds: [],
    counts: [0],
    exemplars: [],
    ...fields,
  };
}

const requests: MetricSnapshot = {
  declaration: declare("counter", "/net/http/server/request_count", {
    description: 'Requests served, by "route"\nand status \\ code.',
    tags: { route: "string", status: "int" },
  }),
  series: [
    series({ route: '/users/"id"\\x\n', status: 200 }, { value: 3n }),
    series({}, { overflow: true, value: 9223372036854775807n }),
  ],
};

test("counter: _total samples; OpenMetrics adds _created; HELP escaped per format", () => {
  assert.equal(
    serializeMetrics([requests], "prometheus"),
    [
      '# HELP net_http_server_request_count_total Requests served, by "route"\\nand status \\\\ code.',
      "# TYPE net_http_server_request_count_total counter",
      'net_http_server_request_count_total{route="/users/\\"id\\"\\\\x\\n",status="200"} 3',
      'net_http_server_request_count_total{sonde_overflow="true"} 9223372036854775807',
      "",
    ].join("\n"),
  );
  assert.equal(
    serializeMetrics([requests], "openmetrics"),
    [
      "# TYPE net_http_server_request_count counter",
      '# HELP net_http_server_request_count Requests served, by \\"route\\"\\nand status \\\\ code.',
      'net_http_server_request_count_total{route="/users/\\"id\\"\\\\x\\n",status="200"} 3',
      'net_http_server_request_count_created{route="/users/\\"id\\"\\\\x\\n",status="200"} 1700000000.5',
      'net_http_server_request_count_total{sonde_overflow="true"} 9223372036854775807',
      'net_http_server_request_count_created{sonde_overflow="true"} 1700000000.5',
      "# EOF",
      "",
    ].join("\n"),
  );
});

test("gauges and constants: unit suffix and UNIT line, special floats, exact ints", () => {
  const heap: MetricSnapshot = {
    declaration: declare("gauge", "/proc/memory/heap", {
      description: "Heap in use.",
      unit: "By",
      tags: { space: "string" },
    }),
    series: [
      series({ space: "old" }, { value: 1.5e21 }),
      series({ space: "nan" }, { value: Number.NaN }),
      series({ space: "inf" }, { value: Number.NEGATIVE_INFINITY }),
    ],
  };
  const start: MetricSnapshot = {
    declaration: declare("constant", "/proc/start_time", { unit: "s", valueType: "int" }),
    series: [series({}, { value: 1_700_000_000_123_456_789n })],
  };
  assert.equal(
    serializeMetrics([heap, start], "openmetrics"),
    [
      "# TYPE proc_memory_heap_bytes gauge",
      "# UNIT proc_memory_heap_bytes bytes",
      "# HELP proc_memory_heap_bytes Heap in use.",
      'proc_memory_heap_bytes{space="old"} 1.5e+21',
      'proc_memory_heap_bytes{space="nan"} NaN',
      'proc_memory_heap_bytes{space="inf"} -Inf',
      "# TYPE proc_start_time_seconds gauge",
      "# UNIT proc_start_time_seconds seconds",
      "proc_start_time_seconds 1700000000123456789",
      "# EOF",
      "",
    ].join("\n"),
  );
  assert.equal(
    serializeMetrics([start], "prometheus"),
    "# TYPE proc_start_time_seconds gauge\nproc_start_time_seconds 1700000000123456789\n",
  );
});

test("string and bool values: a gauge of 1 with the value in a `value` label", () => {
  const revision: MetricSnapshot = {
    declaration: declare("constant", "/build/revision_id", {
      description: "Source revision.",
      valueType: "string",
      tags: { value: "string" },
    }),
    series: [series({ value: "tag" }, { value: 'git:"abc"\\' })],
  };
  const ready: MetricSnapshot = {
    declaration: declare("gauge", "/app/ready", { valueType: "bool" }),
    series: [series({}, { value: false })],
  };
  assert.equal(
    serializeMetrics([revision, ready], "prometheus"),
    [
      "# HELP build_revision_id Source revision.",
      "# TYPE build_revision_id gauge",
      'build_revision_id{tag_value="tag",value="git:\\"abc\\"\\\\"} 1',
      "# TYPE app_ready gauge",
      'app_ready{value="false"} 1',
      "",
    ].join("\n"),
  );
});

const latency: MetricSnapshot = {
  declaration: declare("distribution", "/rpc/server/latency", {
    description: "Time to answer.",
    unit: "s",
    valueType: "double",
    tags: { method: "string", le: "string" },
  }),
  series: [
    series(
      { method: "GET", le: "x" },
      {
        distribution: distribution({
          count: 7,
          sum: 2000003.5,
          min: 0.001,
          max: 2e6,
          bounds: [0.005, 0.01, 1, 1e6],
          counts: [1, 2, 0, 3, 1],
          exemplars: [
            undefined,
            {
              value: 0.0075,
              timeUnixNano: 1_700_000_030_250_000_000n,
              traceId: "0af7651916cd43dd8448eb211c80319c",
              spanId: "b7ad6b7169203331",
            },
            undefined,
            undefined,
            {
              value: 2e6,
              timeUnixNano: 1_700_000_031_000_000_000n,
              traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
              spanId: "00f067aa0ba902b7",
            },
          ],
        }),
      },
    ),
  ],
};

test("distribution: cumulative buckets with canonical le, count, sum; exemplars in OpenMetrics", () => {
  assert.equal(
    serializeMetrics([latency], "openmetrics"),
    [
      "# TYPE rpc_server_latency_seconds histogram",
      "# UNIT rpc_server_latency_seconds seconds",
      "# HELP rpc_server_latency_seconds Time to answer.",
      'rpc_server_latency_seconds_bucket{method="GET",tag_le="x",le="0.005"} 1',
      'rpc_server_latency_seconds_bucket{method="GET",tag_le="x",le="0.01"} 3 # {trace_id="0af7651916cd43dd8448eb211c80319c",span_id="b7ad6b7169203331"} 0.0075 1700000030.25',
      'rpc_server_latency_seconds_bucket{method="GET",tag_le="x",le="1.0"} 3',
      'rpc_server_latency_seconds_bucket{method="GET",tag_le="x",le="1e+06"} 6',
      'rpc_server_latency_seconds_bucket{method="GET",tag_le="x",le="+Inf"} 7 # {trace_id="4bf92f3577b34da6a3ce929d0e0e4736",span_id="00f067aa0ba902b7"} 2000000 1700000031',
      'rpc_server_latency_seconds_count{method="GET",tag_le="x"} 7',
      'rpc_server_latency_seconds_sum{method="GET",tag_le="x"} 2000003.5',
      'rpc_server_latency_seconds_created{method="GET",tag_le="x"} 1700000000.5',
      "# EOF",
      "",
    ].join("\n"),
  );
  assert.equal(
    serializeMetrics([latency], "prometheus"),
    [
      "# HELP rpc_server_latency_seconds Time to answer.",
      "# TYPE rpc_server_latency_seconds histogram",
      'rpc_server_latency_seconds_bucket{method="GET",tag_le="x",le="0.005"} 1',
      'rpc_server_latency_seconds_bucket{method="GET",tag_le="x",le="0.01"} 3',
      'rpc_server_latency_seconds_bucket{method="GET",tag_le="x",le="1.0"} 3',
      'rpc_server_latency_seconds_bucket{method="GET",tag_le="x",le="1e+06"} 6',
      'rpc_server_latency_seconds_bucket{method="GET",tag_le="x",le="+Inf"} 7',
      'rpc_server_latency_seconds_count{method="GET",tag_le="x"} 7',
      'rpc_server_latency_seconds_sum{method="GET",tag_le="x"} 2000003.5',
      "",
    ].join("\n"),
  );
});

test("distribution with negative values: OpenMetrics leaves out sum and count, 0.0.4 keeps them", () => {
  const drift: MetricSnapshot = {
    declaration: declare("distribution", "/clock/drift", { unit: "ms", valueType: "double" }),
    series: [
      series(
        {},
        {
          distribution: distribution({
            count: 2,
            sum: -3,
            min: -5,
            max: 2,
            bounds: [-1, 1],
            counts: [1, 0, 1],
          }),
        },
      ),
    ],
  };
  const openMetrics = serializeMetrics([drift], "openmetrics");
  assert.match(openMetrics, /^clock_drift_milliseconds_bucket\{le="-1\.0"\} 1$/m);
  assert.match(openMetrics, /^clock_drift_milliseconds_bucket\{le="\+Inf"\} 2$/m);
  assert.doesNotMatch(openMetrics, /_sum|_count/);
  const text = serializeMetrics([drift], "prometheus");
  assert.match(text, /^clock_drift_milliseconds_count 2\nclock_drift_milliseconds_sum -3$/m);
});

test("chunks of one metric continue its family; metrics without series keep metadata", () => {
  const first: MetricSnapshot = { ...requests, series: requests.series.slice(0, 1) };
  const second: MetricSnapshot = { ...requests, series: requests.series.slice(1) };
  const idle: MetricSnapshot = {
    declaration: declare("gauge", "/queue/depth", { description: "Jobs waiting." }),
    series: [],
  };
  const text = serializeMetrics([first, second, idle], "openmetrics");
  assert.equal(text.match(/^# TYPE net_http_server_request_count counter$/gm)?.length, 1);
  assert.equal(text.match(/^net_http_server_request_count_total/gm)?.length, 2);
  assert.match(text, /# TYPE queue_depth gauge\n# HELP queue_depth Jobs waiting.\n# EOF\n$/);
});

test("series without a value, odd values and undeclared tags are skipped, not thrown", () => {
  const odd: MetricSnapshot = {
    declaration: declare("gauge", "/odd/values", { tags: { a: "string" } }),
    series: [
      series({ a: "none" }, {}),
      series({ a: "text" }, { value: "not a number" }),
      series({ a: "ok", injected: 'x"} 1\nevil 2' }, { value: 4 }),
    ],
  };
  const histogram: MetricSnapshot = {
    declaration: declare("distribution", "/odd/histogram"),
    series: [
      series({}, {}),
      series({}, { distribution: distribution({ bounds: [1], counts: [] }) }),
    ],
  };
  assert.equal(
    serializeMetrics([odd, histogram], "prometheus"),
    [
      "# TYPE odd_values gauge",
      'odd_values{a="ok"} 4',
      "# TYPE odd_histogram histogram",
      'odd_histogram_bucket{le="1.0"} 0',
      'odd_histogram_bucket{le="+Inf"} 0',
      "odd_histogram_count 0",
      "odd_histogram_sum 0",
      "",
    ].join("\n"),
  );
});

test("metrics whose names collide: the later one is left out and reported", () => {
  const events: DiagEvent[] = [];
  const unsubscribe = diag.subscribe((event) => events.push(event));
  const gauge = (name: string): MetricSnapshot => ({
    declaration: declare("gauge", name),
    series: [series({}, { value: 1 })],
  });
  const counter: MetricSnapshot = {
    declaration: declare("counter", "/collide/jobs"),
    series: [series({}, { value: 2n })],
  };
  const text = serializeMetrics(
    [gauge("/collide/a/b_c"), gauge("/collide/a_b/c"), counter, gauge("/collide/jobs_total")],
    "prometheus",
  );
  unsubscribe();
  assert.equal(
    text,
    [
      "# TYPE collide_a_b_c gauge",
      "collide_a_b_c 1",
      "# TYPE collide_jobs_total counter",
      "collide_jobs_total 2",
      "",
    ].join("\n"),
  );
  const collisions = events.filter((event) => event.code === "prometheus_name_collision");
  assert.deepEqual(
    collisions.map((event) => event.key),
    ["collide_a_b_c", "collide_jobs_total"],
  );
  assert.match(collisions[0].message, /\/collide\/a_b\/c and \/collide\/a\/b_c/);
});

test("labels follow the declared tag order, whatever the order of a series' tags", () => {
  const ordered: MetricSnapshot = {
    declaration: declare("gauge", "/order/check", { tags: { b: "string", a: "int" } }),
    series: [series({ a: 1, b: "x" }, { value: 1 }), series({ b: "y", a: 2 }, { value: 2 })],
  };
  assert.equal(
    serializeMetrics([ordered]),
    '# TYPE order_check gauge\norder_check{b="x",a="1"} 1\norder_check{b="y",a="2"} 2\n',
  );
});
